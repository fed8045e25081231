// A course team's meeting cycle, with axe on every page: the coordinator starts a group and a meeting, builds and
// reorders the agenda by keyboard (an item linked to the course) and circulates it; a teacher and an FE lecturer
// take the minutes together in two browsers (a student's name put as initials); actions and a decision about the
// course are recorded (the course page then lists it); the owner marks hers done under "My actions" and the chair's
// page updates without a reload; at the next meeting the previous minutes are approved and the open action is under
// matters arising.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ukToday } from "../../app/lib/lesson-dates";
import { addDays } from "../../app/lib/uk-calendar";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

const COURSE = "BTEC First Award in Sport";

const minutesEditor = (page: Page) => page.locator('[contenteditable][aria-label="Minutes"]');

async function scheduleMeeting(chair: Page, groupUrl: string, date: string) {
  await chair.goto(groupUrl);
  await expectHydrated(chair);
  const form = chair.getByRole("region", { name: "Schedule a meeting" });
  await form.getByLabel("Date").fill(date);
  await form.getByLabel("Starts at").fill("16:00");
  await form.getByLabel("Ends at").fill("17:30");
  await form.getByLabel("Online link (optional)").fill("https://meet.example/course-team");
  await form.getByRole("button", { name: "Schedule the meeting" }).click();
  await expect(chair.getByRole("heading", { name: "Agenda", exact: true })).toBeVisible();
  return chair.url();
}

/** Links a record through the picker by keyboard: type part of its title, then tick it with Space. */
async function linkRecord(form: Locator, search: string, record: string) {
  await form.getByLabel("Find a course, unit, lesson plan, strategy or teaching group").fill(search);
  const found = form.getByRole("list", { name: "Records found" }).getByLabel(record, { exact: true });
  await found.focus();
  await form.page().keyboard.press("Space");
  await expect(form.getByRole("list", { name: "Chosen records" }).getByLabel(record, { exact: true })).toBeChecked();
}

async function recordAction(page: Page, item: string, description: string, owner: string) {
  const form = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Record the action" }) })
    .first();
  // The details stay open after a first action; open them only when closed.
  if (!(await form.isVisible())) await page.getByText(`Record an action for ${item}`).click();
  await form.getByLabel("Action").fill(description);
  await form.getByLabel("Owner").selectOption({ label: owner });
  await form.getByLabel("Due by").fill(addDays(ukToday(), 7));
  await form.getByRole("button", { name: "Record the action" }).click();
  await expect(page.getByRole("row", { name: new RegExp(description) })).toBeVisible();
}

test("a course team meets: agenda, shared minutes, actions carried forward, minutes approved", async ({ browser }) => {
  test.slow();
  const name = `BTEC Sport course team ${Date.now()}`;
  const chair = await signedInPage(browser, "coordinator");
  await chair.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Meetings" }).click();
  await expectNoSeriousA11yViolations(chair);

  // The coordinator starts the group with members from two institutions.
  const start = chair.getByRole("region", { name: "Start a group" });
  await start.getByLabel("Name").fill(name);
  await start.getByLabel("Chair").selectOption({ label: "Helen Okafor (Hollins Park Sports College)" });
  await start.getByLabel("Minute-taker").selectOption({ label: "Tom Gallagher (Ashbury College)" });
  await start.getByLabel("Sarah Whitfield (Hollins Park Sports College)").check();
  await start.getByRole("button", { name: "Start the group" }).click();
  await expect(chair.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectNoSeriousA11yViolations(chair);
  const groupUrl = chair.url();

  // A meeting, an item, a keyboard reorder, and the agenda circulated.
  const meetingUrl = await scheduleMeeting(chair, groupUrl, addDays(ukToday(), 1));
  // The page is hydrated (and the minutes open) before anything is typed into its forms.
  await expect(chair.locator(".sync-indicator")).toHaveText("All changes saved");
  await expectNoSeriousA11yViolations(chair);
  const addItem = chair.getByRole("region", { name: "Add an agenda item" });
  await addItem.getByLabel("Title").fill("Fitness testing");
  await linkRecord(addItem, "BTEC First", `Course: ${COURSE}`);
  await addItem.getByRole("button", { name: "Add the item" }).click();
  await expect(chair.getByText("Item added to the agenda.")).toBeVisible();
  await expect(chair.getByText(`Concerns: Course: ${COURSE}`)).toBeVisible();
  const handle = chair.getByRole("button", { name: "Move Fitness testing" });
  await handle.focus();
  await chair.keyboard.press("Space");
  // dnd-kit marks the handle pressed once the item is lifted; the move then settles before the drop.
  await expect(handle).toHaveAttribute("aria-pressed", "true");
  // dnd-kit starts listening for the arrow keys in a timer after the lift, and the browser may run a key press
  // ahead of that timer: an arrow pressed too soon is lost, and no announcement names a new place. Press again
  // only then (never twice for one move). The move has settled once the announcement names the new place.
  const moved = chair.getByText(/^Fitness testing would move to position [123] of 4\.$/);
  await expect(async () => {
    if ((await moved.count()) === 0) await chair.keyboard.press("ArrowUp");
    await expect(chair.getByText("Fitness testing would move to position 3 of 4.")).toBeAttached({ timeout: 2_000 });
  }).toPass({ timeout: 10_000 });
  await chair.keyboard.press("Space");
  await expect(chair.getByText("Agenda order saved.")).toBeVisible();
  await expect(chair.getByRole("heading", { level: 3, name: "3. Fitness testing" })).toBeVisible();
  await chair.getByRole("button", { name: "Circulate the agenda" }).click();
  await expect(chair.getByText("Agenda circulated")).toBeVisible();

  // Sarah (Hollins Park) and Tom (Ashbury College) take the minutes together.
  const sarah = await signedInPage(browser, "teacher");
  const tom = await signedInPage(browser, "teacherFe");
  for (const page of [sarah, tom]) {
    await page.goto(meetingUrl);
    await expectHydrated(page);
    await expect(page.locator(".sync-indicator")).toHaveText("All changes saved");
  }
  await expectNoSeriousA11yViolations(tom);
  await minutesEditor(sarah).click();
  await sarah.keyboard.press("Control+End");
  await sarah.keyboard.type("Sarah: the bleep test runs in week 3.");
  await expect(minutesEditor(tom)).toContainText("Sarah: the bleep test runs in week 3.");
  // A student named in the minutes: Sarah is offered initials, and everyone's copy reads them.
  await sarah.keyboard.type(" Megan sets the pace.");
  await expect(sarah.getByText(/Some people who read this may not see the full name of Megan Doyle/)).toBeVisible();
  await expectNoSeriousA11yViolations(sarah);
  await sarah.getByRole("button", { name: "Use initials" }).click();
  await expect(sarah.getByText("Names replaced with initials.")).toBeVisible();
  await expect(minutesEditor(tom)).toContainText("M. D. sets the pace.");
  await expect(minutesEditor(tom)).not.toContainText("Megan");
  await minutesEditor(tom).click();
  await tom.keyboard.press("Control+End");
  await tom.keyboard.press("Enter");
  await tom.keyboard.type("Tom: the college lends its timing gates.");
  await expect(minutesEditor(sarah)).toContainText("Tom: the college lends its timing gates.");

  // Tom records two actions; Sarah marks hers done under My actions; the chair's page follows without a reload.
  await recordAction(
    tom,
    "Fitness testing",
    "Book the sports hall for testing",
    "Sarah Whitfield (Hollins Park Sports College)",
  );
  await recordAction(tom, "Fitness testing", "Bring the timing gates", "Tom Gallagher (Ashbury College)");
  // A decision about the course, linked through the picker by keyboard.
  await tom.getByText("Record a decision for Fitness testing").click();
  const decide = tom
    .locator("form")
    .filter({ has: tom.getByRole("button", { name: "Record the decision" }) })
    .first();
  await decide.getByLabel("Decision").fill("Test fitness in week 3 every year");
  await linkRecord(decide, "btec first", `Course: ${COURSE}`);
  await decide.getByRole("button", { name: "Record the decision" }).click();
  await expect(tom.getByText("Decision recorded.")).toBeVisible();
  await chair.goto(meetingUrl);
  await expectHydrated(chair);
  const sarahsRow = chair.getByRole("row", { name: /Book the sports hall for testing/ });
  await expect(sarahsRow).toContainText("Open");
  await sarah.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My actions" }).click();
  await expectNoSeriousA11yViolations(sarah);
  await sarah.getByRole("button", { name: /^Mark done ?: Book the sports hall for testing$/ }).click();
  await expect(sarah.getByText("Action marked done.")).toBeVisible();
  await expect(sarahsRow).toContainText("Done");

  // Tom submits; at the next meeting the chair approves the minutes, and Tom's open action is under matters arising.
  await tom.getByRole("button", { name: "Submit the minutes for approval" }).click();
  await expect(tom.getByText("Minutes submitted to the chair for approval.")).toBeVisible();
  const nextUrl = await scheduleMeeting(chair, groupUrl, addDays(ukToday(), 8));
  const arising = chair.getByRole("region", { name: "Open actions from earlier meetings" });
  await expect(arising).toContainText("Bring the timing gates");
  await expect(arising).not.toContainText("Book the sports hall for testing");
  // Approved where the partnership approves them: the next meeting's "minutes of the last meeting" item.
  await chair.getByRole("button", { name: /^Approve the minutes of / }).click();
  await expect(chair.getByText("Minutes approved and locked.")).toBeVisible();
  await expect(chair.getByText(/approved by Helen Okafor/)).toBeVisible();
  await tom.goto(meetingUrl);
  await expectHydrated(tom);
  await expect(tom.locator(".sync-indicator")).toHaveText("Up to date (read only)");
  await chair.goto(nextUrl);
  await expectHydrated(chair);
  await expectNoSeriousA11yViolations(chair);
  await chair.goto(groupUrl);
  await expectHydrated(chair);
  await expect(chair.getByRole("region", { name: "Decisions log" })).toContainText(`Course: ${COURSE}`);
  await chair.getByRole("link", { name: COURSE }).first().click();
  const about = chair.getByRole("region", { name: "Decisions about this" });
  await expect(about).toContainText("Test fitness in week 3 every year");
  // The seeded steering group has its own decision about this course: read the link beside this meeting's decision.
  const ours = about.getByRole("listitem").filter({ hasText: "Test fitness in week 3 every year" });
  await expect(ours.getByRole("link", { name: /read the minutes/ })).toHaveAttribute(
    "href",
    new URL(meetingUrl).pathname,
  );
  await expectNoSeriousA11yViolations(chair);
  await chair.goto("/home");
  await expectHydrated(chair);
  await expect(chair.getByRole("region", { name: "Your next meetings" })).toContainText(name);
});
