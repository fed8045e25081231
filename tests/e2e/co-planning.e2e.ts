// The co-planning story: a teacher at the sports college creates a course with a
// co-planner at the FE college, gives it a group with the two Brookfield MLD
// students, plans a lesson for it, adds a strategy from the library and deploys
// an LSA from Brookfield to the two students. The LSA signs in, finds the lesson
// under "My deployments", reads the briefing and leaves feedback; the teacher's
// open plan shows the feedback without a reload; a leader browses the plan
// read-only. Every page visited passes the accessibility gate (here, or in courses.e2e.ts for the
// course and group pages it shares).
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { openHome, sessionOf, signedInPage } from "./support/sessions";
import { ukToday } from "../../app/lib/lesson-dates";
import { expectHydrated } from "./support/hydration";

const STRATEGY = "Chunked instructions with modelled demonstrations";

test.use({ storageState: sessionOf("teacher") });

async function mainNav(page: Page, label: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
}

test("a teacher co-plans a lesson, deploys an LSA from another school, sees her feedback live; a leader reads it", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000); // three people, about twenty pages, each with an accessibility check
  const stamp = Date.now();
  const courseTitle = `Sports Leadership ${stamp}`;
  const groupName = `Sports Leaders ${stamp}`;
  const planTitle = `Leading a warm-up ${stamp}`;
  const feedback = `Kyle led two stretches on his own after one model; Sophie needed the task card for the order. ${stamp}`;

  // The teacher at Hollins Park: a course co-planned with Tom Gallagher at Ashbury College. The pages up to the
  // group with its students are the ones courses.e2e.ts checks for accessibility, in the same states.
  await openHome(page);
  await mainNav(page, "Courses");
  await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
  await page.getByRole("link", { name: "Add a course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a course" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(courseTitle);
  await page.getByLabel("Kind").selectOption({ label: "Adapted module" });
  await page.getByLabel("Subject").selectOption({ label: "PE and sport" });
  await page.getByLabel("Key stage").selectOption({ label: "Key stage 4 (Years 10-11)" });
  await page.getByLabel("Lead institution").selectOption({ label: "Hollins Park Sports College" });
  await page.getByRole("group", { name: "Delivery sites" }).getByLabel("Hollins Park Sports College").check();
  await page.getByLabel("Units (optional)").fill("Leading a warm-up\nRunning a small-sided game");
  await page
    .getByRole("group", { name: "Co-planners" })
    .getByLabel(/Tom Gallagher/)
    .check();
  await page.getByRole("button", { name: "Add course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: courseTitle })).toBeVisible();

  // A mixed group: the two Year 11 MLD students from Brookfield School.
  await page.getByRole("link", { name: "Add a teaching group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a teaching group" })).toBeVisible();
  await page.getByLabel("Group name").fill(groupName);
  await page.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  await page.getByRole("link", { name: "Add students" }).click();
  await expect(page.getByRole("heading", { name: "Add students" })).toBeVisible();
  const choose = page.getByRole("group", { name: "Choose students to add" });
  await choose.getByLabel(/Kyle Hartley/).check();
  await choose.getByLabel(/Sophie Lund/).check();
  await page.getByRole("button", { name: "Add to group" }).click();
  await expect(page.getByText("2 students added to the group.")).toBeVisible();

  // A lesson plan for the group.
  await page.getByRole("link", { name: `Back to ${courseTitle}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: courseTitle })).toBeVisible();
  await page.getByRole("link", { name: "Plan a lesson" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan a lesson" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Title").fill(planTitle);
  await page.getByLabel("Unit").selectOption({ label: "Leading a warm-up" });
  await page.getByLabel("Teaching group").selectOption({ label: `${groupName} (Hollins Park Sports College)` });
  await page.getByLabel("Date").fill(ukToday());
  // After the demo lessons Joanne supports on Tuesdays (13:15-15:15) and Thursdays, so deploying her is no clash.
  await page.getByLabel("Start time").fill("15:30");
  await page.getByRole("button", { name: "Create lesson plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: planTitle })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const planUrl = page.url();

  // A strategy from the library, added to the plan.
  await mainNav(page, "Strategies");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: STRATEGY }).click();
  await expect(page.getByRole("heading", { level: 1, name: STRATEGY })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const planChoice = page.getByLabel("Lesson plan", { exact: true });
  const optionLabel = (await planChoice.locator("option", { hasText: planTitle }).textContent())?.trim() ?? planTitle;
  await planChoice.selectOption({ label: optionLabel });
  await page
    .getByLabel("How you will use it here (optional)")
    .fill("One step at a time for Kyle and Sophie, modelled first.");
  await page.getByRole("button", { name: "Add to lesson plan" }).click();
  await expect(page.getByRole("region", { name: "Where it is used" }).getByText(planTitle)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Back in the plan: the strategy is there; deploy Joanne Price (Brookfield) to the two students.
  await page.goto(planUrl);
  await expectHydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: planTitle })).toBeVisible();
  await expect(page.getByRole("link", { name: STRATEGY })).toBeVisible();
  await page.getByRole("link", { name: "Edit details, deployment and resources" }).click();
  await page.getByText("Deploy an LSA or other supporter").click();
  await page.getByLabel("Supporter", { exact: true }).selectOption({ label: "Joanne Price (LSA, Brookfield School)" });
  await page.getByLabel("Their role in this lesson").selectOption({ label: "LSA / teaching assistant" });
  await page.getByLabel("Part of the lesson").selectOption({ label: "Main activity" });
  await page.getByLabel("How they will work").selectOption({ label: "Supporting a group" });
  const students = page.getByRole("group", { name: "Students they support" });
  await students.getByLabel("Kyle Hartley").check();
  await students.getByLabel("Sophie Lund").check();
  await page
    .getByLabel("Concepts being taught")
    .fill("What a warm-up is for: raising the pulse, mobilising joints, stretching the muscles the game uses.");
  await page
    .getByLabel("Skills the students practise")
    .fill("Demonstrating a stretch and giving one clear instruction to a small group.");
  await page
    .getByLabel("Intended outcomes")
    .fill("Kyle and Sophie each lead two stretches of the warm-up for their group.");
  await page
    .getByLabel("Feedback you expect after the lesson")
    .fill("Which stretches each led without help, and where a prompt or model was needed.");
  await page
    .getByLabel("How they will build independence")
    .fill("Prompt before clue, clue before model: let them try from the task card first.");
  await page.getByRole("button", { name: "Deploy supporter" }).click();
  await expect(page.getByText("Supporter deployed and briefed.")).toBeVisible();
  const deployment = page.getByRole("region", { name: "LSA deployment" });
  await expect(deployment.getByRole("link", { name: "Open the briefing for Joanne Price" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The LSA, in her own browser: My deployments, the briefing, read, feedback.
  const lsa = await signedInPage(browser, "lsa");
  const lsaContext = lsa.context();
  await mainNav(lsa, "My deployments");
  await expect(lsa.getByRole("heading", { level: 1, name: "My deployments" })).toBeVisible();
  await expectNoSeriousA11yViolations(lsa);
  await lsa.getByRole("link", { name: new RegExp(planTitle) }).click();
  await expect(lsa.getByRole("heading", { level: 1, name: `Briefing: ${planTitle}` })).toBeVisible();
  await expect(lsa.getByText("Kyle and Sophie each lead two stretches of the warm-up for their group.")).toBeVisible();
  await expectNoSeriousA11yViolations(lsa);
  await lsa.getByRole("button", { name: "I have read the briefing" }).click();
  await expect(lsa.getByText("Thank you: the teacher can see you have read the briefing.")).toBeVisible();
  await lsa.getByLabel("Your feedback").fill(feedback);
  await lsa.getByRole("button", { name: "Send feedback" }).click();
  await expect(lsa.getByText("Feedback sent. The teacher sees it in the lesson plan now.")).toBeVisible();
  await expectNoSeriousA11yViolations(lsa);

  // The teacher's page, never reloaded, shows the read mark's effect and the feedback.
  await expect(deployment.getByText(feedback)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await lsaContext.close();

  // A leader browses it read-only.
  const leader = await signedInPage(browser, "leader");
  const leaderContext = leader.context();
  await mainNav(leader, "Courses");
  await expect(leader.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
  await leader.goto(planUrl);
  await expectHydrated(leader);
  await expect(leader.getByRole("heading", { level: 1, name: planTitle })).toBeVisible();
  await expect(leader.getByRole("link", { name: STRATEGY })).toBeVisible();
  // The reading view: the feedback in the evaluation, Joanne beside the main activity, and no forms.
  await expect(leader.getByRole("region", { name: "Evaluation" }).getByText(feedback)).toBeVisible();
  await expect(leader.getByRole("complementary", { name: "Support in this part" })).toContainText("Joanne Price");
  await expect(leader.getByRole("link", { name: "Edit details, deployment and resources" })).toHaveCount(0);
  await expect(leader.getByText("Deploy an LSA or other supporter")).toHaveCount(0);
  await expect(leader.getByRole("button", { name: "Deploy supporter" })).toHaveCount(0);
  await expect(leader.getByRole("button", { name: /^Save/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(leader);
  // The notes' version history: the leader may look, not name or restore.
  await leader.getByRole("link", { name: "Version history of the plan" }).click();
  await expect(leader.getByRole("heading", { level: 1, name: `Version history: ${planTitle}` })).toBeVisible();
  await expect(leader.getByRole("heading", { level: 2, name: "Version history", exact: true })).toBeVisible();
  await expect(leader.getByLabel("Name this version")).toHaveCount(0);
  await expectNoSeriousA11yViolations(leader);
  await leaderContext.close();
});
