// The coordinator reads the audit log and sees that it still verifies (its hash chain is unbroken).
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { sessionOf } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

test.use({ storageState: sessionOf("coordinator") });

test("the coordinator sees the audit log verified above its entries", async ({ page }) => {
  await page.goto("/audit");
  await expectHydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const status = page.getByRole("status").filter({ hasText: "Audit log verified" });
  await expect(status).toContainText("none has been changed, removed or slipped in");
  await expect(page.getByRole("table", { name: "Audit log entries" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
