// A teacher shares a strategy, filters the library and finds it; a leader, who
// can read but not change it, rates its impact; the teacher's open page shows
// the rating without a reload; every page visited passes the accessibility check.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { demoPerson } from "./support/auth";
import { signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

test("a teacher shares a strategy, finds it by filtering, and a leader rates it live", async ({ browser }) => {
  test.slow(); // two people, six pages, each with an accessibility check
  const title = `Freeze-frame feedback ${Date.now()}`;
  const leader = demoPerson("leader");

  // Sarah opens the library from the navigation and shares a strategy.
  const sarah = await signedInPage(browser, "teacher");
  await sarah.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Strategies" }).click();
  await expect(sarah.getByRole("heading", { level: 1, name: "Strategies" })).toBeVisible();
  await expectNoSeriousA11yViolations(sarah);
  await sarah.getByRole("link", { name: "Share a strategy" }).click();
  await expect(sarah.getByRole("heading", { level: 1, name: "Share a strategy" })).toBeVisible();
  await expectNoSeriousA11yViolations(sarah);

  // Submitting with nothing filled in says what each field needs.
  await sarah.getByRole("button", { name: "Share strategy" }).click();
  await expect(sarah.getByText("Give the strategy a title.")).toBeVisible();
  await expectNoSeriousA11yViolations(sarah);

  await sarah.getByLabel("Title").fill(title);
  await sarah
    .getByLabel("Summary")
    .fill("Students hold a still image of the moment, and the audience says what the image shows.");
  await sarah.getByLabel("Evidence of impact (optional)").fill("Quieter students spoke in every plenary.");
  await sarah.getByRole("group", { name: "Needs" }).getByLabel("Communication and interaction").check();
  await sarah.getByRole("group", { name: "Subjects" }).getByLabel("Drama").check();
  await sarah.getByRole("group", { name: "Key stages" }).getByLabel("Key stage 4 (Years 10-11)").check();
  await sarah.getByRole("group", { name: "Lesson phases" }).getByLabel("Plenary").check();
  await sarah.getByRole("button", { name: "Share strategy" }).click();
  await expect(sarah.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The co-edited description starts from the summary.
  await expect(sarah.getByRole("textbox", { name: `Description of ${title}` })).toContainText(
    "Students hold a still image",
  );
  await expectNoSeriousA11yViolations(sarah);
  const strategyUrl = sarah.url();

  // She filters the library by subject and need, and finds it; the filters are in the URL.
  await sarah.getByRole("link", { name: "Back to strategies" }).click();
  await sarah.getByLabel("Subject").selectOption({ label: "Drama" });
  await sarah.getByLabel("Need area").selectOption({ label: "Communication and interaction" });
  // Its full title, so the count below is about this test's strategy alone, whatever else the database holds.
  await sarah.getByLabel("Search titles and summaries").fill(title);
  await sarah.getByRole("button", { name: "Show strategies" }).click();
  await expect(sarah).toHaveURL(/subject=drama/);
  await expect(sarah).toHaveURL(/need=communication_interaction/);
  await expect(sarah.getByRole("link", { name: title })).toBeVisible();
  await expect(sarah.getByRole("status").filter({ hasText: "1 strategy match these filters" })).toBeVisible();
  await expectNoSeriousA11yViolations(sarah);

  // A filter that excludes it says what to do next.
  await sarah.getByLabel("Lesson phase").selectOption({ label: "Starter" });
  await sarah.getByRole("button", { name: "Show strategies" }).click();
  await expect(sarah.getByText("No strategy matches these filters.")).toBeVisible();

  // Sarah keeps the strategy open while David, a headteacher, rates it.
  await sarah.goto(strategyUrl);
  await expectHydrated(sarah);
  await expect(sarah.getByText("Nobody has rated it yet.")).toBeVisible();

  const david = await signedInPage(browser, "leader", strategyUrl);
  await expect(david.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(david.getByRole("link", { name: "Edit summary and tags" })).toHaveCount(0);
  await expect(david.getByRole("heading", { name: "Delete this strategy" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(david);
  const impact = david.getByRole("group", { name: "Impact, from 1 (small) to 5 (significant)" });
  await impact.getByLabel("5 – significant impact").check();
  await david.getByLabel("Comment (optional)").fill("Every student contributed to the plenary.");
  await david.getByRole("button", { name: "Save rating" }).click();
  await expect(david.getByText("Thank you: your rating is saved.")).toBeVisible();
  await expectNoSeriousA11yViolations(david);

  // Sarah sees it without reloading.
  await expect(sarah.getByText("5.0 out of 5 from 1 rating").first()).toBeVisible({ timeout: 5_000 });
  await expect(sarah.getByText("Every student contributed to the plenary.")).toBeVisible();
  await expect(sarah.getByText(`from ${leader.name}`)).toBeVisible();
});
