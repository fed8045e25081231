// Calendars in the browser, with axe on each page: an LSA makes her private calendar link on her account page (by
// keyboard), a calendar app reads it without her cookie, and a reset ends the old link; the coordinator moves a
// steering-group meeting (a time that ends before it starts is answered beside the field) and cancels it.
import { expect, request, test, type Page } from "@playwright/test";
import { ukToday } from "../../app/lib/lesson-dates";
import { addDays } from "../../app/lib/uk-calendar";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

/** A calendar app's fetch: no cookies, no Origin. */
async function subscribe(link: string) {
  const app = await request.newContext();
  const res = await app.get(link);
  const result = { status: res.status(), type: res.headers()["content-type"], body: await res.text() };
  await app.dispose();
  return result;
}

test("an LSA subscribes to her private calendar and resets the link", async ({ browser }) => {
  const lsa = await signedInPage(browser, "lsa");
  await lsa.goto("/account");
  await expectHydrated(lsa);
  const section = lsa.getByRole("region", { name: "Calendar" });
  await expect(section).toBeVisible();
  await expectNoSeriousA11yViolations(lsa);

  const make = section.getByRole("button", { name: /Make my calendar link|Reset link/ });
  await make.focus();
  await lsa.keyboard.press("Enter");
  const field = section.getByLabel("Your private calendar link");
  await expect(field).toBeVisible();
  const first = await field.inputValue();
  expect(first).toMatch(/\/calendar\/[A-Za-z0-9_-]+\/staffroom\.ics$/);
  await expectNoSeriousA11yViolations(lsa);

  const feed = await subscribe(first);
  expect(feed.status).toBe(200);
  expect(feed.type).toBe("text/calendar; charset=utf-8");
  expect(feed.body).toContain("BEGIN:VTIMEZONE");
  expect(feed.body).toContain("Practitioners' steering group");

  await section.getByRole("button", { name: "Reset link" }).click();
  await expect(field).not.toHaveValue(first);
  const second = await field.inputValue();
  expect((await subscribe(first)).status).toBe(404);
  expect((await subscribe(second)).status).toBe(200);
  // After a reload the link is not shown again: only its hash is kept.
  await lsa.reload();
  await expect(section.getByLabel("Your private calendar link")).toHaveCount(0);
  await expect(section.getByText(/You made your calendar link on/)).toBeVisible();
  await lsa.context().close();
});

async function scheduleSteeringMeeting(chair: Page, date: string) {
  await chair.goto("/meeting-groups");
  await expectHydrated(chair);
  // The group's own link (the list of next meetings names the group too).
  await chair.locator('a[href^="/meeting-groups/"]', { hasText: "Practitioners' steering group" }).first().click();
  const form = chair.getByRole("region", { name: "Schedule a meeting" });
  await form.getByLabel("Date").fill(date);
  await form.getByLabel("Starts at").fill("16:00");
  await form.getByLabel("Ends at").fill("17:30");
  await form.getByLabel("Online link (optional)").fill("https://meet.example/steering");
  await form.getByRole("button", { name: "Schedule the meeting" }).click();
  await expect(chair.getByRole("heading", { name: "Agenda", exact: true })).toBeVisible();
}

test("the coordinator moves a meeting, then cancels it", async ({ browser }) => {
  test.slow();
  const chair = await signedInPage(browser, "coordinator");
  await scheduleSteeringMeeting(chair, addDays(ukToday(), 40));
  // Folded under the meeting's time and place, where the page's notices show.
  const change = chair.getByText("Move or cancel the meeting");
  await change.click();
  const move = chair.getByRole("region", { name: "Move the meeting" });
  await expect(move).toBeVisible();
  await expectNoSeriousA11yViolations(chair);

  await move.getByLabel("Date").fill(addDays(ukToday(), 41));
  await move.getByLabel("Starts at").fill("17:00");
  await move.getByLabel("Ends at").fill("16:00");
  await move.getByRole("button", { name: "Move the meeting" }).click();
  await expect(move.getByText("The meeting must end after it starts: check the end time.")).toBeVisible();
  await expect(move.getByLabel("Ends at")).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(chair);

  await move.getByLabel("Ends at").fill("18:00");
  await move.getByRole("button", { name: "Move the meeting" }).click();
  await expect(chair.getByText("Meeting moved: members have been told.")).toBeVisible();
  await expect(chair.getByText(/17:00 to 18:00/)).toBeVisible();

  const cancel = chair.getByRole("region", { name: "Cancel the meeting" });
  await cancel.getByRole("link", { name: "Cancel meeting" }).click();
  await cancel.getByLabel("Reason (optional)").fill("The hall is booked for exams.");
  await expectNoSeriousA11yViolations(chair);
  await cancel.getByRole("button", { name: "Yes, cancel the meeting" }).click();
  await expect(chair.getByText("This meeting is cancelled.")).toBeVisible();
  await expect(chair.getByText("The hall is booked for exams.")).toBeVisible();
  await expect(chair.getByRole("region", { name: "Move the meeting" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(chair);

  const ics = await chair.request.get(`${new URL(chair.url()).pathname}/calendar.ics`);
  expect(ics.status()).toBe(200);
  const text = await ics.text();
  expect(text).toContain("STATUS:CANCELLED");
  expect(text).toContain("SEQUENCE:2");
  await chair.context().close();
});
