// Notifications in the browser, with axe: the teacher's bell counts up live when the coordinator assigns her an
// action at a meeting (no reload); the notifications page lists it, marks it read and the bell follows; the account
// page's notification choices save.
import { expect, test, type Page } from "@playwright/test";
import { ukToday } from "../../app/lib/lesson-dates";
import { addDays } from "../../app/lib/uk-calendar";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";
import { bell, unreadOf } from "./support/notifications";

/** The steering group's next meeting (the seed's, with its agenda), as its chair. */
async function openNextMeeting(chair: Page): Promise<void> {
  await chair.goto("/meeting-groups");
  await expectHydrated(chair);
  await chair.getByRole("link", { name: "Practitioners' steering group" }).first().click();
  await expect(chair.getByRole("heading", { name: "Agenda", exact: true })).toBeVisible();
  await expect(chair.locator(".sync-indicator")).toHaveText("All changes saved");
}

test("the bell counts up live when a colleague assigns an action; the notifications page marks it read", async ({
  browser,
}) => {
  test.slow();
  const description = `Bring the timing gates ${Date.now()}`;
  const sarah = await signedInPage(browser, "teacher");
  await expect(bell(sarah)).toBeVisible();
  await expectNoSeriousA11yViolations(sarah);
  const before = await unreadOf(sarah);

  const chair = await signedInPage(browser, "coordinator");
  await openNextMeeting(chair);
  await chair.getByText("Record an action").first().click();
  const form = chair
    .locator("form")
    .filter({ has: chair.getByRole("button", { name: "Record the action" }) })
    .first();
  await form.getByLabel("Action").fill(description);
  await form.getByLabel("Owner").selectOption({ label: "Sarah Whitfield (Hollins Park Sports College)" });
  await form.getByLabel("Due by").fill(addDays(ukToday(), 7));
  await form.getByRole("button", { name: "Record the action" }).click();

  // Sarah's page was not reloaded: the push moved the count. Other stories running beside this one may notify her
  // too, so the count is checked for a rise, and the bell's name against its own count, not against before + 1.
  await expect.poll(() => unreadOf(sarah), { timeout: 15_000 }).toBeGreaterThan(before);
  await expect(async () => {
    const count = await unreadOf(sarah);
    await expect(bell(sarah)).toHaveAccessibleName(`Notifications, ${count} unread`, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });

  await bell(sarah).click();
  await expect(sarah.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await sarah.getByRole("link", { name: /^Unread/ }).click();
  const item = sarah.getByRole("listitem").filter({ hasText: description });
  await expect(item).toBeVisible();
  await expectNoSeriousA11yViolations(sarah);
  await item.getByRole("button", { name: /^Mark as read/ }).click();
  await expect(sarah.getByText("Marked as read.")).toBeVisible();
  await expect(sarah.getByRole("listitem").filter({ hasText: description })).toHaveCount(0);
  // The bell follows: it shows the count the page now lists as unread (not before's, which others may have moved).
  const unreadTab = sarah.getByRole("link", { name: /^Unread \(\d+\)/ });
  await expect(async () => {
    const listed = Number(/\((\d+)\)/.exec((await unreadTab.textContent()) ?? "")?.[1]);
    expect(await unreadOf(sarah)).toBe(listed);
  }).toPass({ timeout: 10_000 });

  await sarah.goto("/account");
  await expectHydrated(sarah);
  const choices = sarah.getByRole("region", { name: "Notifications" });
  await choices.getByRole("combobox", { name: "An action is assigned to you by email" }).selectOption("immediate");
  await choices.getByRole("button", { name: "Save notification choices" }).click();
  await expect(sarah.getByText("Your notification choices are saved.")).toBeVisible();
  await expect(sarah.getByRole("combobox", { name: "An action is assigned to you by email" })).toHaveValue("immediate");
  await expectNoSeriousA11yViolations(sarah);
});
