// A teacher starts a course with a co-planner from the FE college, adds a mixed
// teaching group with a timetable and students, and checks the pages; every page
// visited passes the accessibility gate.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { openHome, sessionOf } from "./support/sessions";

test.use({ storageState: sessionOf("teacher") });

test("a teacher creates a course with an FE co-planner and a teaching group", async ({ page }) => {
  test.slow(); // seven pages, each with an accessibility check
  const title = `Sports Leadership ${Date.now()}`;
  await openHome(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Courses", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
  await expect(page.getByRole("link", { name: "BTEC First Award in Sport" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Add a course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a course" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Sent empty first: the server answers with a message beside each field.
  await page.getByRole("button", { name: "Add course" }).click();
  await expect(page.getByText("Enter the course title.")).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  // The message goes as the title is typed, not when the field loses focus: a click on the button straight
  // after typing must not land on a form that shifts under the pointer as the message disappears.
  await expect(page.getByLabel("Title", { exact: true })).toBeFocused();
  await expect(page.getByText("Enter the course title.")).toBeHidden();
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

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const planners = page
    .getByRole("region", { name: "Co-planners" })
    .or(page.locator("section", { has: page.getByRole("heading", { name: "Co-planners" }) }));
  await expect(planners).toContainText("Tom Gallagher");
  await expect(planners).toContainText("Sarah Whitfield");
  await expect(page.getByText("Running a small-sided game")).toBeVisible();
  await expect(page.getByText("No teaching groups yet.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Add a teaching group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a teaching group" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Group name").fill("Sports Leaders Y10/11");
  await page.getByLabel("Academic year (optional)").fill("2025-26");
  await page.getByRole("button", { name: "Add group" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Sports Leaders Y10/11" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Day").selectOption({ label: "Wednesday" });
  await page.getByLabel("Starts").fill("13:30");
  await page.getByLabel("Ends").fill("15:00");
  await page.getByRole("button", { name: "Add session" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Session added to the timetable." })).toBeVisible();
  await expect(page.getByRole("cell", { name: "13:30 to 15:00" })).toBeVisible();

  await page.getByRole("link", { name: "Add students" }).click();
  await expect(page.getByRole("heading", { name: "Add students" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Students of Sarah's own school and of groups she teaches are shown by name; others by initials.
  await page
    .getByRole("group", { name: "Choose students to add" })
    .getByLabel(/Callum Reid/)
    .check();
  await page
    .getByRole("group", { name: "Choose students to add" })
    .getByLabel(/^N\. F\./)
    .check();
  await page.getByRole("button", { name: "Add to group" }).click();
  await expect(page.getByText("2 students added to the group.")).toBeVisible();
  const students = page.getByRole("table", { name: "Students in Sports Leaders Y10/11" });
  await expect(students.getByRole("link", { name: "Callum Reid" })).toBeVisible();
  // Sarah teaches this group, so its students' details are now hers to see.
  await expect(students.getByRole("link", { name: "Noah Fielding" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: `Back to ${title}` }).click();
  await expect(page.getByRole("link", { name: "Sports Leaders Y10/11" })).toBeVisible();
  await expect(page.getByText("created a teaching group")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
