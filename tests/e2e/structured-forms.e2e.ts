// The structured forms keep what was sent and saved, and warn before booking a person twice. A teacher adds a
// group to a course (only its delivery sites are offered), adds a session that clashes with her own Tuesday
// group (named, kept, confirmed), a transport note, then plans two lessons from the group page; the date is
// checked against the group's day, and deploying Joanne in both at once asks for confirmation. After every
// save, failed or not, the forms show what was sent or saved, never blanks. Each state passes the accessibility gate.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { sessionOf } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

test.use({ storageState: sessionOf("teacher") });

const COURSE = "Leisure and Tourism";

/** A Wednesday five to six weeks ahead, "YYYY-MM-DD": clear of the other stories' lessons. */
function wednesdayAhead(): string {
  let day = new Date(Date.now() + 35 * 86_400_000);
  while (day.getUTCDay() !== 3) day = new Date(day.getTime() + 86_400_000);
  return day.toISOString().slice(0, 10);
}

async function planFromGroup(page: Page, groupName: string, title: string, date: string, startTime: string) {
  await page.getByRole("link", { name: "Plan a lesson for this group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan a lesson" })).toBeVisible();
  await expect(page.getByLabel("Teaching group").locator("option:checked")).toHaveText(new RegExp(groupName));
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date").fill(date);
  await page.getByLabel("Start time").fill(startTime);
  await page.getByRole("button", { name: "Create lesson plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The deployment forms are in the plan's editing view.
  await page.getByRole("link", { name: "Edit details, deployment and resources" }).click();
  await expect(page.getByRole("region", { name: "LSA deployment" })).toBeVisible();
}

async function deployJoanne(page: Page, role: string, phase: string) {
  await page.getByText("Deploy an LSA or other supporter").click();
  await page.getByLabel("Supporter", { exact: true }).selectOption({ label: "Joanne Price (LSA, Brookfield School)" });
  await page.getByLabel("Their role in this lesson").selectOption({ label: role });
  await page.getByLabel("Part of the lesson").selectOption({ label: phase });
  await page.getByRole("button", { name: "Deploy supporter" }).click();
}

test("forms keep their values after a save, and a person booked twice is named and confirmed", async ({ page }) => {
  test.setTimeout(180_000); // about ten page states, each with an accessibility check
  const stamp = Date.now();
  const groupName = `Tourism Y10 ${stamp}`;
  await page.goto("/courses");
  await expectHydrated(page);
  await page.getByRole("link", { name: COURSE, exact: true }).click();
  await page.getByRole("link", { name: "Add a teaching group" }).click();
  // Only the course's delivery sites: Ashbury College and Hollins Park, not every institution.
  const site = page.getByLabel("Site where the group meets");
  await expect(site.locator("option")).toHaveText(["Choose a site", "Ashbury College", "Hollins Park Sports College"]);
  await page.getByLabel("Group name").fill(groupName);
  await site.selectOption({ label: "Hollins Park Sports College" });
  await page.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();

  // Sarah teaches the BTEC Sport group on Tuesdays 13:15-15:15: a Tuesday 14:00 session is a clash to confirm.
  const timetable = page.getByRole("region", { name: "Timetable" });
  await timetable.getByLabel("Day", { exact: true }).selectOption({ label: "Tuesday" });
  await timetable.getByLabel("Starts").fill("14:00");
  await timetable.getByLabel("Ends").fill("15:00");
  await timetable.getByRole("button", { name: "Add session" }).click();
  await expect(timetable.getByText(/Sarah Whitfield is already booked then: BTEC Sport/)).toBeVisible();
  await expect(timetable.getByLabel("Day", { exact: true })).toHaveValue("2");
  await expect(timetable.getByLabel("Starts")).toHaveValue("14:00");
  await expectNoSeriousA11yViolations(page);
  await timetable.getByLabel("Add the session anyway").check();
  await timetable.getByRole("button", { name: "Add session" }).click();
  await expect(page.getByText("Session added to the timetable.")).toBeVisible();
  await expect(timetable.getByRole("cell", { name: "14:00 to 15:00" })).toBeVisible();
  await expect(timetable.getByLabel("Day", { exact: true })).toHaveValue("2");
  await expect(timetable.getByLabel("Ends")).toHaveValue("15:00");
  await expect(page.getByText("Sarah Whitfield teaches another group at the same time:")).toBeVisible();

  const transport = page.getByRole("region", { name: "Transport" });
  await transport.getByLabel("Students travelling from").selectOption({ label: "Brookfield School" });
  await transport.getByLabel("Arrangement").fill("Brookfield minibus at 13:20.");
  await transport.getByRole("button", { name: "Save transport note" }).click();
  await expect(page.getByText("Transport note saved.")).toBeVisible();
  await expect(transport.getByLabel("Students travelling from").locator("option:checked")).toHaveText(
    "Brookfield School",
  );
  await expect(transport.getByLabel("Arrangement")).toHaveValue("Brookfield minibus at 13:20.");
  await expectNoSeriousA11yViolations(page);
  const groupUrl = page.url();

  // Planned from the group page, on a Wednesday: the form and the plan say the group meets on Tuesdays.
  const date = wednesdayAhead();
  await page.getByRole("link", { name: "Plan a lesson for this group" }).click();
  await page.getByLabel("Date").fill(date);
  await expect(page.getByText(`${groupName} meets on Tuesdays; this date is a Wednesday.`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto(groupUrl);
  await expectHydrated(page);
  await planFromGroup(page, groupName, `Visitor survey ${stamp}`, date, "13:15");
  // Under the plan's facts (and again in the closed details form).
  await expect(page.getByText(`${groupName} meets on Tuesdays; this date is a Wednesday.`).first()).toBeVisible();

  const firstPlan = page.url();

  // The deploy form keeps the role and part just saved.
  await deployJoanne(page, "Higher level teaching assistant", "Starter");
  await expect(page.getByText(/Supporter deployed/)).toBeVisible();
  const deploying = page.getByRole("region", { name: "LSA deployment" });
  if (!(await deploying.getByLabel("Part of the lesson").isVisible()))
    await page.getByText("Deploy an LSA or other supporter").click();
  await expect(deploying.getByLabel("Their role in this lesson")).toHaveValue("hlta");
  await expect(deploying.getByLabel("Part of the lesson")).toHaveValue("starter");

  // A second lesson at 13:30 the same day: Joanne is named as booked, and the form keeps what was chosen.
  await page.goto(groupUrl);
  await expectHydrated(page);
  await planFromGroup(page, groupName, `Resort map ${stamp}`, date, "13:30");
  await deployJoanne(page, "Communication support worker", "Plenary");
  await expect(page.getByText(/Joanne Price is already booked then: Visitor survey/)).toBeVisible();
  await expect(deploying.getByLabel("Their role in this lesson")).toHaveValue("csw");
  await expect(deploying.getByLabel("Part of the lesson")).toHaveValue("plenary");
  await expect(deploying.getByLabel("Supporter", { exact: true })).not.toHaveValue("");
  await expectNoSeriousA11yViolations(page);
  // Someone's change elsewhere in the partnership reloads the page's data: the warning and its box stay.
  const reloaded = page.waitForResponse((r) => r.request().method() === "GET" && r.url().includes(".data"));
  const elsewhere = await page.request.post(firstPlan, {
    form: { intent: "status", status: "ready" },
    headers: { origin: new URL(firstPlan).origin },
  });
  expect(elsewhere.ok()).toBe(true);
  await reloaded;
  await expect(deploying.getByText(/Joanne Price is already booked then/)).toBeVisible();
  await deploying.getByLabel("Deploy them anyway").check();
  await deploying.getByRole("button", { name: "Deploy supporter" }).click();
  await expect(page.getByText(/Supporter deployed/)).toBeVisible();
  await expect(deploying.getByRole("link", { name: "Open the briefing for Joanne Price" })).toBeVisible();
  if (!(await deploying.getByLabel("Part of the lesson").isVisible()))
    await page.getByText("Deploy an LSA or other supporter").click();
  await expect(deploying.getByLabel("Their role in this lesson")).toHaveValue("csw");
  await expect(deploying.getByLabel("Part of the lesson")).toHaveValue("plenary");
});
