// A student's name written into a briefing: Sarah (Hollins Park, who teaches Megan Doyle) deploys Joanne Price (an
// LSA at Brookfield, never deployed to Megan, whom the other stories leave alone) and writes "Megan" into the
// briefing. A polite warning says some readers will see only initials and offers to use them; one click (by
// keyboard) puts "M. D." in the field, and Joanne's briefing reads "M. D.", with Megan's name nowhere in what her
// browser received.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signedInPage } from "./support/sessions";
import { ukToday } from "../../app/lib/lesson-dates";
import { expectHydrated } from "./support/hydration";

const COURSE = "BTEC First Award in Sport";
const GROUP = "BTEC Sport 2025-26 (Tuesday and Thursday)";

test("a teacher is warned of a student's name in a briefing, uses initials, and the LSA reads initials", async ({
  browser,
}) => {
  test.slow(); // two people, a plan, a deployment and accessibility checks
  const planTitle = `Balance and coordination ${Date.now()}`;

  const sarah = await signedInPage(browser, "teacher", "/courses");
  await sarah.getByRole("link", { name: COURSE, exact: true }).first().click();
  await sarah.getByRole("link", { name: "Plan a lesson" }).click();
  await sarah.getByLabel("Title").fill(planTitle);
  await sarah.getByLabel("Teaching group").selectOption({ label: `${GROUP} (Hollins Park Sports College)` });
  await sarah.getByLabel("Date").fill(ukToday());
  // Clear of the seeded lessons and of the other stories' (15:30, 17:00), so no clash is asked.
  await sarah.getByLabel("Start time").fill("18:15");
  await sarah.getByRole("button", { name: "Create lesson plan" }).click();
  await expect(sarah.getByRole("heading", { level: 1, name: planTitle })).toBeVisible();
  await sarah.getByRole("link", { name: "Edit details, deployment and resources" }).click();
  await sarah.getByText("Deploy an LSA or other supporter").click();
  await sarah.getByLabel("Supporter", { exact: true }).selectOption({ label: "Joanne Price (LSA, Brookfield School)" });
  await sarah.getByLabel("Their role in this lesson").selectOption({ label: "LSA / teaching assistant" });
  await sarah.getByLabel("Part of the lesson").selectOption({ label: "Main activity" });
  await sarah.getByLabel("How they will work").selectOption({ label: "Supporting a group" });
  await sarah.getByRole("group", { name: "Students they support" }).getByLabel("Jordan Ashworth").check();

  const concepts = sarah.getByLabel("Concepts being taught");
  await concepts.pressSequentially("Balance. Make sure Megan can see you when you demonstrate.");
  const warning = sarah.getByText(/Some people who read this may not see the full name of Megan Doyle/);
  await expect(warning).toBeVisible();
  await expectNoSeriousA11yViolations(sarah);
  const useInitials = sarah.getByRole("button", { name: "Use initials" });
  await useInitials.focus();
  await sarah.keyboard.press("Enter");
  await expect(concepts).toHaveValue("Balance. Make sure M. D. can see you when you demonstrate.");
  await expect(warning).toHaveCount(0);
  await expect(sarah.getByText("Names replaced with initials.")).toBeVisible();
  await expect(concepts).toBeFocused();
  await sarah.getByRole("button", { name: "Deploy supporter" }).click();
  await expect(sarah.getByText(/Supporter deployed/)).toBeVisible();

  const joanne = await signedInPage(browser, "lsa");
  const received: string[] = [];
  joanne.on("response", async (response) => {
    if (response.request().resourceType() === "document" || response.url().includes(".data"))
      received.push(await response.text().catch(() => ""));
  });
  await joanne.goto("/deployments");
  await expectHydrated(joanne);
  await joanne.getByRole("link", { name: new RegExp(planTitle) }).click();
  await expect(joanne.getByRole("heading", { level: 1, name: `Briefing: ${planTitle}` })).toBeVisible();
  await expect(joanne.getByText("Balance. Make sure M. D. can see you when you demonstrate.")).toBeVisible();
  await expectNoSeriousA11yViolations(joanne);
  expect(received.length).toBeGreaterThan(0);
  expect(received.filter((body) => /Megan|Doyle/.test(body))).toEqual([]);
  await sarah.context().close();
  await joanne.context().close();
});
