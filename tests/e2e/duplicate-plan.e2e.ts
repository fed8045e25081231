// Duplicating a lesson plan, whose form loads after the page (decision 029): Sarah copies a plan of her course for
// another date. A title too short is answered beside the field with what she chose kept, the page passes the
// accessibility gate, and the corrected copy opens as a plan of its own.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expectHydrated } from "./support/hydration";
import { sessionOf } from "./support/sessions";

test.use({ storageState: sessionOf("teacher") });

const PLAN = "Components of fitness: what makes a sprinter fast?";

/** A Friday seven to eight weeks ahead, "YYYY-MM-DD": clear of the other stories' lessons. */
function fridayAhead(): string {
  let day = new Date(Date.now() + 49 * 86_400_000);
  while (day.getUTCDay() !== 5) day = new Date(day.getTime() + 86_400_000);
  return day.toISOString().slice(0, 10);
}

test("a teacher duplicates a plan for another date; a failed copy keeps what she chose", async ({ page }) => {
  const title = `Components of fitness, again ${Date.now()}`;
  const date = fridayAhead();
  await page.goto("/courses");
  await expectHydrated(page);
  await page.getByRole("link", { name: "BTEC First Award in Sport", exact: true }).click();
  await page.getByRole("link", { name: PLAN }).first().click();
  // The way to duplicate is in the plan's editing view.
  await page.getByRole("link", { name: "Edit details, deployment and resources" }).click();
  await page.getByRole("link", { name: "Duplicate this plan for another group or date" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Duplicate a lesson plan" })).toBeVisible();
  const form = page.getByRole("region", { name: "The new lesson" });
  await expect(form.getByLabel("Title")).toHaveValue(PLAN);

  await form.getByLabel("Title").fill("ab");
  await form.getByLabel("Date").fill(date);
  await form.getByLabel("Start time").fill("10:30");
  await form.getByRole("button", { name: "Duplicate plan" }).click();
  await expect(form.getByText("Use at least 3 characters.")).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Date")).toHaveValue(date);
  await expect(form.getByLabel("Start time")).toHaveValue("10:30");
  await expectNoSeriousA11yViolations(page);

  await form.getByLabel("Title").fill(title);
  await form.getByRole("button", { name: "Duplicate plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/plans\/[^/]+$/);
});
