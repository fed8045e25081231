// Mentions inside a plan's text, with axe: Sarah types @ in the plan body, the list offers her colleagues by name and
// institution, and choosing Tom Gallagher (Ashbury College) puts a chip in the text. Tom's bell counts the mention,
// told by the server once the text is saved, and his notifications page leads to it. (Someone who may not read the
// plan: editor-mention-refused.e2e.ts, and a forged mention node: tests/integration/document-mentions.test.ts.)
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { sessionOf, signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";
import { mentionIn, unreadOf } from "./support/notifications";

test.use({ storageState: sessionOf("teacher") });

test("a teacher mentions a colleague in a plan's text and the colleague's bell shows it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();

  // The plan of Joanne's first deployment: Tom co-plans it.
  const lsa = await signedInPage(browser, "lsa");
  await lsa
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My deployments", exact: true })
    .click();
  // By its lesson, not by place: a story running beside this one deploys Joanne today and removes it again.
  await lsa
    .getByRole("link", { name: /Badminton: rules and scoring/ })
    .first()
    .click();
  await expect(lsa.getByRole("heading", { level: 1, name: /Briefing/ })).toBeVisible();
  const deploymentPath = new URL(lsa.url()).pathname;
  await lsa.context().close();
  await page.goto(deploymentPath);
  await expectHydrated(page);
  const planPath = await page.getByRole("link", { name: "Back to the lesson plan" }).getAttribute("href");

  const tom = await signedInPage(browser, "teacherFe");
  const before = await unreadOf(tom);

  await page.goto(planPath!);
  await expectHydrated(page);
  const body = page.locator('.collab-editor__content[data-part="root"][contenteditable="true"]');
  await expect(body).toBeVisible({ timeout: 20_000 });
  // The people come with the comment panel's load.
  await expect(page.getByRole("complementary", { name: /Comments/ })).toBeVisible();
  await body.locator("h1, h2, h3, p").last().click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(`Check the timings ${stamp} @Tom`);
  const menu = page.getByRole("listbox");
  await expect(menu.getByRole("option", { name: /Tom Gallagher/ })).toBeVisible();
  await expect(menu.getByRole("option", { name: /Tom Gallagher/ })).toContainText("Ashbury");
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Enter");
  // In this story's own line: the plan may keep lines of earlier runs against the same database.
  const chip = body
    .locator("p", { hasText: `Check the timings ${stamp}` })
    .locator(".mention-chip", { hasText: "@Tom Gallagher" });
  await expect(chip).toHaveCount(1);

  await expect(page.locator(".sync-indicator").first()).toHaveText("All changes saved", { timeout: 20_000 });

  // The server tells Tom without his page reloading: his bell counts up.
  await expect.poll(() => unreadOf(tom), { timeout: 30_000 }).toBeGreaterThan(before);
  // Other stories running beside this one mention Tom too (comments, the refused mention): his list says when this
  // mention has arrived.
  const item = await mentionIn(tom, `Check the timings ${stamp}`);
  await expectNoSeriousA11yViolations(tom);
  await item.getByRole("link").first().click();
  await expect(tom).toHaveURL(new RegExp(`${planPath}$`));
  await expect(tom.locator(".mention-chip", { hasText: "@Tom Gallagher" }).first()).toBeVisible({ timeout: 20_000 });
});
