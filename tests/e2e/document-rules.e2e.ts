// A teacher pastes text copied from a web page, with its fonts and colours and a link that runs a script. The server
// takes no inline styles and no such links (decision 013); the editor keeps to the same rules as it pastes, so the
// paste is saved (bold kept, colours and the script link dropped) instead of being refused. And a document that
// somehow holds a node the editor does not know (written before the server checked) does not blank the page.
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import * as Y from "yjs";
import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

const databaseFile = path.join(os.tmpdir(), `staffroom-e2e-${process.env.E2E_PORT ?? 3210}`, "e2e.db");

test("pasted styles and script links are dropped by the editor, and the paste is saved", async ({ browser }) => {
  const title = `Pasted notes ${Date.now()}`;
  const page = await signedInPage(browser, "teacher");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }).click();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create document" }).click();
  await expect(page.locator(".sync-indicator")).toHaveText("All changes saved");

  const editor = page.locator(`[contenteditable][aria-label="${title}"]`);
  await editor.click();
  await editor.evaluate((element) => {
    const data = new DataTransfer();
    data.setData(
      "text/html",
      '<p><b style="color: red; font-size: 40px">Bring PE kit</b> <span style="position: fixed; inset: 0">' +
        'every Tuesday</span> <a href="javascript:alert(1)">details</a></p>',
    );
    data.setData("text/plain", "Bring PE kit every Tuesday details");
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });

  await expect(editor).toContainText("Bring PE kit every Tuesday details");
  await expect(page.locator(".sync-indicator")).toHaveText("All changes saved");
  await expect(page.locator(".collab-editor__notice")).toHaveCount(0);
  await expect(editor.locator("strong, b").filter({ hasText: "Bring PE kit" })).toHaveCount(1);
  await expect(editor.locator("[style]")).toHaveCount(0);
  await expect(editor.locator("a")).toHaveCount(0);

  // What was stored is what everyone else gets: the same, without the styles.
  await page.reload();
  await expect(page.locator(".sync-indicator")).toHaveText("All changes saved");
  await expect(editor).toContainText("Bring PE kit every Tuesday details");
  await expect(editor.locator("[style]")).toHaveCount(0);
});

test("a document holding a node the editor cannot show says so, and the page keeps working", async ({ browser }) => {
  const title = `Old minutes ${Date.now()}`;
  const page = await signedInPage(browser, "teacher");
  const documents = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" });
  // Started through the form's own request and not opened, so the server has never loaded it: its first opening
  // reads the database (no waiting for the server to let an opened document go).
  const created = await page.request.post("/documents?index", {
    form: { title },
    headers: { origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(created.status(), await created.text()).toBe(302);
  const documentUrl = created.headers().location!;
  expect(documentUrl).toMatch(/^\/documents\/[^/]+$/);

  // A node type nobody registered, stored as if written before the server checked changes.
  const bad = new Y.Doc();
  const node = new Y.XmlText();
  node.setAttribute("__type", "marquee");
  bad.get("root", Y.XmlText).insertEmbed(0, node);
  const database = new Database(databaseFile);
  try {
    const { id } = database.prepare('SELECT "id" FROM "CollabDocument" WHERE "title" = ?').get(title) as { id: string };
    database
      .prepare('INSERT INTO "CollabUpdate" ("documentId", "data", "userId", "createdAt") VALUES (?, ?, NULL, ?)')
      .run(id, Buffer.from(Y.encodeStateAsUpdate(bad)), Date.now());
  } finally {
    database.close();
  }

  await page.goto(documentUrl);
  await expectHydrated(page);
  await expect(page.getByRole("alert").filter({ hasText: "holds something the editor cannot show" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await documents.click();
  await expect(page.getByLabel("Title", { exact: true })).toBeVisible();
});
