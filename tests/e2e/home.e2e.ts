// Each role's home page, signed in as the demo LSA, teacher, leader and coordinator: what it leads with, that its
// links open the briefing or plan they name, that no student is named, and that it is accessible at 1280 and 375 px;
// and a newcomer's, with nothing yet, that says what to do next.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signIn } from "./support/auth";
import { createMember } from "./support/members";
import { openHome, sessionOf } from "./support/sessions";

/** On a phone the page itself never scrolls sideways (wide tables scroll in their own frame). */
async function expectFitsAPhone(page: Page) {
  await page.setViewportSize({ width: 375, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "page width at 375 px").toBeLessThanOrEqual(375);
  await expectNoSeriousA11yViolations(page);
}

test.describe("an LSA's home", () => {
  test.use({ storageState: sessionOf("lsa") });

  test("Joanne sees her next deployments, then the feedback she owes, and opens the briefing", async ({ page }) => {
    await openHome(page);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 2 }).first()).toHaveText("Your next deployments");
    const waiting = page.getByRole("region", { name: "Waiting on you" });
    const feedback = waiting.getByRole("link", { name: "Write your feedback on Principles of training: FITT" });
    await expect(feedback).toBeVisible();
    // Her students are named on the briefing, as the visibility rules allow; never on the home page.
    await expect(main).not.toContainText("Kyle");
    await expect(main).not.toContainText("Sophie");
    await expectNoSeriousA11yViolations(page);
    await expectFitsAPhone(page);

    await feedback.click();
    await expect(page).toHaveURL(/\/deployments\/[^/]+#feedback-heading$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Briefing: Principles of training: FITT");
  });
});

test.describe("a teacher's home", () => {
  test.use({ storageState: sessionOf("teacher") });

  test("Sarah sees this week's lessons by day, the plans that need her and her courses", async ({ page }) => {
    await openHome(page);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 2 }).first()).toHaveText("This week's lessons");
    const week = page.getByRole("region", { name: "This week's lessons" });
    await expect(week.getByRole("link", { name: "Circuit training for a chosen component" })).toBeVisible();
    await expect(week).toContainText("Ready to teach");
    const needs = page.getByRole("region", { name: "Plans that need you" });
    await expect(
      needs.getByRole("region", { name: "Drafts for lessons coming soon" }).getByRole("link", {
        name: "Officiating roles in sport",
      }),
    ).toBeVisible();
    const courses = page.getByRole("region", { name: "Your courses" });
    await expect(courses.getByRole("link", { name: "BTEC First Award in Sport" })).toBeVisible();
    await expect(courses).toContainText("you teach BTEC Sport 2025-26 (Tuesday and Thursday)");
    await expectNoSeriousA11yViolations(page);
    await expectFitsAPhone(page);

    await week.getByRole("link", { name: "Circuit training for a chosen component" }).click();
    await expect(page).toHaveURL(/\/plans\/[^/]+$/);
  });
});

test.describe("a leader's home", () => {
  test.use({ storageState: sessionOf("leader") });

  test("David sees the partnership's week in totals and per institution, with the plans to open", async ({ page }) => {
    await openHome(page);
    const activity = page.getByRole("region", { name: "This week in the partnership" });
    await expect(activity.getByRole("list", { name: "This week's totals" })).toContainText(/plans? written/);
    const table = activity.getByRole("table", { name: "This week by institution" });
    for (const name of ["Hollins Park Sports College", "Brookfield School", "Ashbury College"]) {
      await expect(table.getByRole("rowheader", { name })).toBeVisible();
    }
    await expect(table.getByRole("columnheader", { name: "Deployments" })).toBeVisible();
    const plans = activity.getByRole("region", { name: "Plans written and updated this week" });
    // The newest first: other tests add plans to the same database, so which seeded plan is still listed varies.
    await expect(plans.getByRole("link").first()).toHaveAttribute("href", /^\/plans\/[^/]+$/);
    await expect(page.getByRole("main")).not.toContainText("Staff across the partnership");
    await expect(page.getByRole("region", { name: "Run the partnership" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await expectFitsAPhone(page);
  });
});

test.describe("the coordinator's home", () => {
  test.use({ storageState: sessionOf("coordinator") });

  test("Helen sees the partnership's week and the ways to run it", async ({ page }) => {
    await openHome(page);
    await expect(page.getByRole("region", { name: "This week in the partnership" })).toBeVisible();
    const run = page.getByRole("region", { name: "Run the partnership" });
    await expect(run.getByRole("link", { name: "Invite a colleague" })).toBeVisible();
    await expect(run.getByRole("link", { name: "Read the audit log" })).toBeVisible();
  });
});

test.describe("a newcomer's home", () => {
  test("a new LSA and a new teacher, with nothing yet, are told what to do next", async ({ browser, baseURL }) => {
    test.slow(); // two members invited and signed in, each with an accessibility check
    const lsa = await createMember(baseURL!, { name: "Nadia Newlsa", role: "lsa", institution: "Brookfield School" });
    const lsaPage = await (await browser.newContext({ storageState: undefined })).newPage();
    await signIn(lsaPage, lsa);
    const next = lsaPage.getByRole("region", { name: "Your next deployments" });
    await expect(next).toContainText("You are not deployed in any lesson yet.");
    await expect(next.getByRole("link", { name: "browse the partnership's strategies" })).toBeVisible();
    await expect(lsaPage.getByRole("region", { name: "Waiting on you" })).toContainText("Nothing is waiting on you");
    await expectNoSeriousA11yViolations(lsaPage);
    await lsaPage.context().close();

    const teacher = await createMember(baseURL!, {
      name: "Tariq Newteacher",
      role: "teacher",
      institution: "Ashbury College",
    });
    const teacherPage = await (await browser.newContext({ storageState: undefined })).newPage();
    await signIn(teacherPage, teacher);
    const week = teacherPage.getByRole("region", { name: "This week's lessons" });
    await expect(week).toContainText("You do not teach a group yet.");
    await expect(week.getByRole("link", { name: "start a course" })).toBeVisible();
    await expect(teacherPage.getByRole("region", { name: "Your courses" })).toContainText(
      "You do not co-plan or teach a course yet.",
    );
    await expectNoSeriousA11yViolations(teacherPage);
    await teacherPage.context().close();
  });
});
