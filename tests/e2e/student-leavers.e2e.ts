// The coordinator's leaver workflow on a student's page, by keyboard where it matters: correct the record (its form
// loads after the page, decision 029), mark as left (the page says when the record will be erased), download
// everything held, then erase now after the confirmation. Checked with axe.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { sessionOf } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

test.use({ storageState: sessionOf("coordinator") });

test("Helen corrects a student's record, marks them as left, exports their record and erases it", async ({ page }) => {
  const lastName = `Leaver${Date.now().toString(36)}`;
  await page.goto("/students/new");
  await expectHydrated(page);
  await page.getByLabel("First name").fill("Oriel");
  await page.getByLabel("Last name").fill(lastName);
  await page.getByLabel("Home institution").selectOption({ index: 1 });
  await page.getByLabel("Year group").selectOption({ index: 1 });
  await page.getByRole("button", { name: /add|save/i }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Oriel ${lastName}`);

  const edit = page.getByRole("region", { name: "Edit the record" });
  await edit.getByLabel("Notes (optional)").fill("Sits near the front.");
  await edit.getByLabel("First name").fill("");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByText("Enter the student's first name.")).toBeVisible();
  await expect(edit.getByLabel("Notes (optional)")).toHaveValue("Sits near the front.");
  await edit.getByLabel("First name").fill("Oriel");
  await edit.getByRole("button", { name: "Save changes" }).press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "record has been saved" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Needs and support" })).toContainText("Sits near the front.");

  await page.getByLabel("Leaving date").fill("2025-07-18");
  await page.getByRole("button", { name: "Mark as left" }).press("Enter");
  await expect(page.getByRole("region", { name: "Leaving" })).toContainText("erased on");
  await expect(page.getByRole("button", { name: "Put back on roll" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download everything held (JSON)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^student-.+\.json$/);

  await page.getByRole("link", { name: "Erase now" }).click();
  await expect(page.getByRole("alert")).toContainText("cannot be undone");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Yes, erase the record" }).click();
  // Erasure rewrites the whole search index after redacting (student-erasure.server.ts): seconds on the demo data.
  await expect(page).toHaveURL(/\/students\?erased=1$/, { timeout: 45_000 });
  await expect(page.getByRole("status").filter({ hasText: "record has been erased" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(lastName);
});
