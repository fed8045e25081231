// Two colleagues from different institutions write a shared document together:
// text typed by one appears for the other within a second, both appear in the
// presence list, the text survives a reload, and a leader (read only) cannot type.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { demoPerson } from "./support/auth";
import { signedInPage } from "./support/sessions";

// Lexical drops the textbox role when the editor is read-only, so find the content area by its label.
function editorOf(page: Page, title: string) {
  return page.locator(`[contenteditable][aria-label="${title}"]`);
}

// The indicator shows it, and screen readers are told (in a status region of its own, quiet while typing).
async function expectSaved(page: Page, readOnly = false) {
  const text = readOnly ? "Up to date (read only)" : "All changes saved";
  await expect(page.locator(".sync-indicator")).toHaveText(text);
  await expect(page.getByRole("status").filter({ hasText: text })).toHaveCount(1);
}

test("a teacher and an FE lecturer co-edit a document live; a leader reads it but cannot type", async ({ browser }) => {
  test.slow(); // three people sign in, each page checked with axe
  const title = `Transport arrangements ${Date.now()}`;
  const sarah = demoPerson("teacher");
  const tom = demoPerson("teacherFe");

  // Sarah (Hollins Park Sports College) starts the document.
  const a = await signedInPage(browser, "teacher");
  await a.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }).click();
  await expectNoSeriousA11yViolations(a);
  await a.getByLabel("Title", { exact: true }).fill(title);
  await a.getByRole("button", { name: "Create document" }).click();
  await expect(a.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectSaved(a);
  const documentUrl = a.url();

  // Tom (Ashbury College) opens the same document.
  const b = await signedInPage(browser, "teacherFe", documentUrl);
  await expectSaved(b);
  await expectNoSeriousA11yViolations(b);

  // Both appear in each other's presence list.
  for (const page of [a, b]) {
    const people = page.getByRole("list", { name: "People in this document" });
    await expect(people).toContainText(sarah.name);
    await expect(people).toContainText(tom.name);
  }

  // Sarah types; Tom sees it within a second.
  await editorOf(a, title).click();
  await a.keyboard.type("Minibus leaves Brookfield School at 12:40.");
  await expect(editorOf(b, title)).toContainText("Minibus leaves Brookfield School at 12:40.", { timeout: 1_000 });

  // Tom adds a line; Sarah sees it within a second.
  await editorOf(b, title).click();
  await b.keyboard.press("Control+End");
  await b.keyboard.press("Enter");
  await b.keyboard.type("Ashbury College students walk over with Mr Gallagher.");
  await expect(editorOf(a, title)).toContainText("Ashbury College students walk over with Mr Gallagher.", {
    timeout: 1_000,
  });
  await expectSaved(a);
  await expectSaved(b);

  // After a reload the text is still there (it came back from the server, not the tab).
  await b.reload();
  await expectSaved(b);
  await expect(editorOf(b, title)).toContainText("Minibus leaves Brookfield School at 12:40.");
  await expect(editorOf(b, title)).toContainText("Ashbury College students walk over with Mr Gallagher.");

  // David (leader) sees the live document read-only and cannot change it.
  const leader = await signedInPage(browser, "leader", documentUrl);
  await expectSaved(leader, true);
  await expectNoSeriousA11yViolations(leader);
  const readOnlyEditor = editorOf(leader, title);
  await expect(readOnlyEditor).toHaveAttribute("contenteditable", "false");
  await readOnlyEditor.click();
  await leader.keyboard.type("A leader should not be able to write this.");
  await a.keyboard.type(" Updated live.");
  await expect(readOnlyEditor).toContainText("Updated live.", { timeout: 1_000 });
  await expect(readOnlyEditor).not.toContainText("A leader should not be able to write this.");
  await expect(editorOf(a, title)).not.toContainText("A leader should not be able to write this.");
});
