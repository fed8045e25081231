// A mention of someone who may not read the plan, with axe: Sarah types @Joanne in the text of a plan Joanne is not
// deployed in. The list shows Joanne as unable to see it, choosing her says so and leaves the typed text as it was (no
// chip), and once the text is saved and a colleague who may read it (Tom) has been told of his mention, Joanne's bell
// has not moved and nothing of the plan reached her notifications.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { sessionOf, signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";
import { bell, mentionIn, unreadOf } from "./support/notifications";

test.use({ storageState: sessionOf("teacher") });

// A draft with no deployments: every teacher may read it, no LSA may.
const PLAN = "Officiating roles in sport";

test("mentioning someone who may not read a plan says so, puts nothing in the text and tells them nothing", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();

  const joanne = await signedInPage(browser, "lsa");
  const tom = await signedInPage(browser, "teacherFe");
  const [joanneBefore, tomBefore] = [await unreadOf(joanne), await unreadOf(tom)];

  await page.goto("/courses");
  await expectHydrated(page);
  await page.getByRole("link", { name: "BTEC First Award in Sport" }).click();
  await page.getByRole("link", { name: PLAN, exact: true }).click();
  await expect(page).toHaveURL(/\/plans\/[^/]+$/);
  const planPath = new URL(page.url()).pathname;

  const body = page.locator('.collab-editor__content[data-part="root"][contenteditable="true"]');
  await expect(body).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("complementary", { name: /Comments/ })).toBeVisible();
  await body.locator("h1, h2, h3, p").last().click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(`Ask about the whistle ${stamp} @Joanne`);

  const menu = page.getByRole("listbox");
  const option = menu.getByRole("option", { name: /Joanne Price/ });
  await expect(option).toBeVisible();
  await expect(option).toContainText("cannot see this plan");
  await expect(option).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Enter");

  const refusal = page.getByRole("alert").filter({ hasText: "Joanne Price cannot see" });
  await expect(refusal).toHaveText("Joanne Price cannot see this plan, so they cannot be mentioned here.");
  await expect(option).toBeHidden();
  // This story's own line: the plan may keep lines of earlier runs against the same database.
  const line = body.locator("p", { hasText: `Ask about the whistle ${stamp}` });
  await expect(line.locator(".mention-chip")).toHaveCount(0);
  await expect(body).toContainText(`Ask about the whistle ${stamp} @Joanne`);
  await expectNoSeriousA11yViolations(page);

  // The same line goes on with a mention of Tom, who may read the plan: his bell moving shows the server has read the
  // saved text, mentions and all, so Joanne's staying still is not just too early to tell.
  await page.keyboard.type(" or @Tom");
  await expect(menu.getByRole("option", { name: /Tom Gallagher/ })).toBeVisible();
  await expect(refusal).toBeHidden();
  await page.keyboard.press("Enter");
  await expect(line.locator(".mention-chip")).toHaveCount(1);
  await expect(line.locator(".mention-chip")).toHaveText("@Tom Gallagher");
  await expect(page.locator(".sync-indicator").first()).toHaveText("All changes saved", { timeout: 20_000 });
  // Other stories running beside this one mention Tom too, so neither his count nor its first rise says this mention
  // has been read: his list showing this line's mention does.
  await expect.poll(() => unreadOf(tom), { timeout: 30_000 }).toBeGreaterThan(tomBefore);
  await mentionIn(tom, `Ask about the whistle ${stamp}`);

  await joanne.reload();
  expect(await unreadOf(joanne)).toBe(joanneBefore);
  await bell(joanne).click();
  await expect(joanne.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(joanne.getByRole("main")).not.toContainText(`Ask about the whistle ${stamp}`);
  await expect(joanne.getByRole("main")).not.toContainText(PLAN);

  // Reopened, the text still holds the words Sarah typed and only Tom's chip.
  await page.goto(planPath);
  await expectHydrated(page);
  await expect(body).toContainText(`Ask about the whistle ${stamp} @Joanne or @Tom Gallagher`, { timeout: 20_000 });
  await expect(line.locator(".mention-chip")).toHaveCount(1);
});
