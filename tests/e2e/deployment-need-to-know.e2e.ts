// A deployment grants its supporter need-to-know for its students, and removing it takes that away at once. Sarah
// (Hollins Park) deploys Joanne Price (an LSA at Brookfield School) to Jordan Ashworth (Hollins Park) and Ellie Marsh
// (a deaf student of Thornbury). Joanne's briefing shows their full names, needs and communication mode; Sarah
// removes the deployment; Joanne's open briefing loses the names without a reload, and nothing her live connection
// received ever named them.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signedInPage } from "./support/sessions";
import { ukToday } from "../../app/lib/lesson-dates";
import { expectHydrated } from "./support/hydration";

const COURSE = "BTEC First Award in Sport";
const GROUP = "BTEC Sport 2025-26 (Tuesday and Thursday)";

/** Everything the page's live connections receive, as text, to check later that no student was named in it. */
function recordSocketFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on("websocket", (ws) => {
    ws.on("framereceived", ({ payload }) => frames.push(typeof payload === "string" ? payload : payload.toString()));
  });
  return frames;
}

test("an LSA's briefing names her students with their needs, and loses them live when the deployment is removed", async ({
  browser,
}) => {
  test.slow(); // two people, a plan, a deployment and accessibility checks
  const planTitle = `Fitness testing with support ${Date.now()}`;

  // Sarah plans a lesson for the mixed BTEC group and deploys Joanne to two students of other institutions.
  const sarah = await signedInPage(browser, "teacher", "/courses");
  await sarah.getByRole("link", { name: COURSE, exact: true }).first().click();
  await expect(sarah.getByRole("heading", { level: 1, name: COURSE })).toBeVisible();
  await sarah.getByRole("link", { name: "Plan a lesson" }).click();
  await sarah.getByLabel("Title").fill(planTitle);
  await sarah.getByLabel("Teaching group").selectOption({ label: `${GROUP} (Hollins Park Sports College)` });
  await sarah.getByLabel("Date").fill(ukToday());
  // Clear of Joanne's seeded Tuesday lesson (13:15-15:15) and of co-planning.e2e.ts's (15:30), so no clash is asked.
  await sarah.getByLabel("Start time").fill("17:00");
  await sarah.getByRole("button", { name: "Create lesson plan" }).click();
  await expect(sarah.getByRole("heading", { level: 1, name: planTitle })).toBeVisible();
  await sarah.getByRole("link", { name: "Edit details, deployment and resources" }).click();
  await sarah.getByText("Deploy an LSA or other supporter").click();
  await sarah.getByLabel("Supporter", { exact: true }).selectOption({ label: "Joanne Price (LSA, Brookfield School)" });
  await sarah.getByLabel("Their role in this lesson").selectOption({ label: "LSA / teaching assistant" });
  await sarah.getByLabel("Part of the lesson").selectOption({ label: "Main activity" });
  await sarah.getByLabel("How they will work").selectOption({ label: "Supporting a group" });
  const students = sarah.getByRole("group", { name: "Students they support" });
  await students.getByLabel("Jordan Ashworth").check();
  await students.getByLabel("Ellie Marsh").check();
  await sarah.getByLabel("Concepts being taught").fill("The components of fitness and how each is tested.");
  await sarah.getByRole("button", { name: "Deploy supporter" }).click();
  await expect(sarah.getByText(/Supporter deployed/)).toBeVisible();

  // Joanne opens her briefing from My deployments: full names, needs and communication mode.
  const joanne = await signedInPage(browser, "lsa");
  const frames = recordSocketFrames(joanne);
  await joanne.goto("/deployments");
  await expectHydrated(joanne);
  await joanne.getByRole("link", { name: new RegExp(planTitle) }).click();
  await expect(joanne.getByRole("heading", { level: 1, name: `Briefing: ${planTitle}` })).toBeVisible();
  const studentsOnBriefing = joanne.getByRole("region", { name: "Students" });
  await expect(studentsOnBriefing.getByRole("link", { name: "Ellie Marsh" })).toBeVisible();
  await expect(studentsOnBriefing.getByRole("link", { name: "Jordan Ashworth" })).toBeVisible();
  await expect(studentsOnBriefing.getByText("British Sign Language")).toBeVisible();
  await expect(studentsOnBriefing.getByText("EHC plan")).toBeVisible();
  await expect(studentsOnBriefing.getByText("J. A.")).toHaveCount(0);
  const elliesPage = await studentsOnBriefing.getByRole("link", { name: "Ellie Marsh" }).getAttribute("href");
  // Ellie's page opens to her with what she needs to know only.
  await studentsOnBriefing.getByRole("link", { name: "Ellie Marsh" }).click();
  await expect(joanne.getByRole("heading", { level: 1, name: "Ellie Marsh" })).toBeVisible();
  await expect(joanne.getByRole("heading", { name: "What you need to know to support them" })).toBeVisible();
  await expect(joanne.getByText("British Sign Language")).toBeVisible();
  await expect(joanne.getByText("Profoundly deaf")).toHaveCount(0);
  await expectNoSeriousA11yViolations(joanne);
  await joanne.goBack();
  await expect(joanne.getByRole("heading", { level: 1, name: `Briefing: ${planTitle}` })).toBeVisible();
  await expectNoSeriousA11yViolations(joanne);
  // The page must change by itself, not by a reload: a reload would clear this mark.
  await joanne.evaluate(() => ((window as unknown as { stillOpen: boolean }).stillOpen = true));

  // Sarah removes the deployment; Joanne's open briefing loses the names.
  await sarah.getByText("Brief Joanne Price").click();
  await sarah.getByRole("button", { name: "Remove Joanne Price from this lesson" }).click();
  await expect(sarah.getByText("Deployment removed.")).toBeVisible();
  await expect(joanne.getByText("We could not find that deployment.")).toBeVisible();
  await expect(joanne.getByText("Ellie Marsh")).toHaveCount(0);
  await expect(joanne.getByText("Jordan Ashworth")).toHaveCount(0);
  await expect(joanne.getByText("British Sign Language")).toHaveCount(0);
  expect(await joanne.evaluate(() => (window as unknown as { stillOpen?: boolean }).stillOpen)).toBe(true);
  await expectNoSeriousA11yViolations(joanne);

  // Her live connection told her something changed, never whom it concerned.
  expect(frames.some((frame) => frame.includes("partnership:changed"))).toBe(true);
  expect(frames.filter((frame) => /Ellie|Marsh|Jordan|Ashworth/.test(frame))).toEqual([]);

  // And Ellie's page, open to her while she was deployed, is closed again.
  expect((await joanne.goto(elliesPage!))?.status()).toBe(403);
  await expect(joanne.getByText("Ellie Marsh")).toHaveCount(0);
  await sarah.context().close();
  await joanne.context().close();
});
