// The print views, with axe on each: a teacher opens the steering group's last approved minutes, goes to the meeting
// pack by its link and prints it by keyboard; on paper (print media) only the document is left, the bar of links
// and buttons is gone; then a lesson plan from her home page, printed the same way, with its Word file a link away.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

/** Replaces the browser's print dialog (which a headless browser cannot show) with a flag the test reads. */
async function stubPrint(page: Page) {
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute("data-printed", "yes");
  });
}

async function printByKeyboard(page: Page) {
  await stubPrint(page);
  await page.getByRole("button", { name: "Print or save as PDF" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("body")).toHaveAttribute("data-printed", "yes");
}

async function onPaper(page: Page) {
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Print and download" })).toBeHidden();
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ media: "screen" });
}

test("a meeting pack and a lesson plan print as clean documents", async ({ browser }) => {
  const page = await signedInPage(browser, "teacher");
  await page.getByRole("link", { name: "Meetings", exact: true }).first().click();
  await page.getByRole("link", { name: "Practitioners' steering group", exact: true }).first().click();
  await page.getByRole("listitem").filter({ hasText: "Minutes: approved" }).first().getByRole("link").click();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Print or save as PDF" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Practitioners' steering group");
  await expect(page.getByText("Approved minutes.")).toBeVisible();
  for (const section of ["Agenda", "Attendance", "Minutes", "Decisions", "Actions"])
    await expect(page.getByRole("heading", { level: 2, name: section, exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Attendance" })).toContainText("Present");
  await expect(page.getByRole("heading", { level: 3, name: "1. Apologies" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download as Word (.docx)" })).toHaveAttribute(
    "href",
    /\/meetings\/[^/]+\/minutes\.docx$/,
  );
  await expectNoSeriousA11yViolations(page);
  await printByKeyboard(page);
  await onPaper(page);

  await page.goto("/home");
  await expectHydrated(page);
  await page.locator('a[href^="/plans/"]').first().click();
  await page.getByRole("link", { name: "Print or save as PDF" }).click();
  for (const section of ["Learning objectives", "Lesson notes", "Differentiation", "Deployments"])
    await expect(page.getByRole("heading", { level: 2, name: section, exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await printByKeyboard(page);
  await onPaper(page);
  await page.getByRole("link", { name: "Back to the plan" }).click();
  await expect(page.getByRole("link", { name: "Download as Word (.docx)" })).toBeVisible();
});
