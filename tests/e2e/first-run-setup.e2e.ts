// Starting for real: a demo member sees the demo banner; then whoever runs Staffroom opens the one-time set-up
// link from the server's log, is told what to fix, sets up the partnership and lands in it as its coordinator,
// with no banner. The link then says it no longer works.
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import { expect, test } from "@playwright/test";
import { hashToken } from "../../app/lib/tokens.server";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expectOnHome } from "./support/auth";
import { signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

/**
 * A set-up link as the server prints one at start, written straight into the e2e server's database (playwright.config.ts
 * names it), since a test cannot read the server's log. In Prisma's own date format, so its comparisons hold.
 */
function issueSetupLink(baseURL: string): string {
  const file = path.join(os.tmpdir(), `staffroom-e2e-${new URL(baseURL).port}`, "e2e.db");
  const token = randomBytes(32).toString("base64url");
  const sqlite = new Database(file);
  try {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString().replace("Z", "+00:00");
    sqlite
      .prepare("INSERT INTO SetupToken (id, tokenHash, expiresAt) VALUES (?, ?, ?)")
      .run(`e2e-${token.slice(0, 12)}`, hashToken(token), expiresAt);
  } finally {
    sqlite.close();
  }
  return `/setup/${token}`;
}

test("the demo says it is the demo; the set-up link makes a real partnership once", async ({
  browser,
  page,
  baseURL,
}) => {
  test.slow(); // two browsers and five accessibility checks
  const demo = await signedInPage(browser, "teacher");
  const banner = demo.getByRole("region", { name: "This is the demo partnership." });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("npm run demo:remove");
  await expectNoSeriousA11yViolations(demo);
  await demo.context().close();

  const link = issueSetupLink(baseURL!);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set up your partnership" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectHydrated(page);
  await expectNoSeriousA11yViolations(page);

  // Sent half filled in: each field says what it needs, and the keyboard reaches everything.
  await page.getByLabel("Partnership name").fill("Riverside Learning Partnership");
  await page.getByLabel("Email address").fill("not an address");
  await page.getByLabel("Email address").press("Enter");
  await expect(page.getByText("Enter the institution's name.")).toBeVisible();
  await expect(page.getByText("Choose what kind of institution it is.")).toBeVisible();
  await expect(page.getByText("Enter an email address like name@school.example.")).toBeVisible();
  await expect(page.getByText("Choose a password.")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page);

  const password = "kettle harbour lantern meadow";
  await page.getByLabel("First school or college").fill("Riverside Academy");
  await page.getByLabel("Kind of institution").selectOption({ label: "Secondary school" });
  await page.getByLabel("Your name").fill("Priya Natarajan");
  await page.getByLabel("Email address").fill(`priya.${Date.now()}@riverside.example`);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Set up the partnership" }).click();

  // A coordinator signs in with two steps: the new one sets up their app first (the key typed in, not scanned).
  await expect(page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoSeriousA11yViolations(page);
  const key = decodeBase32IgnorePadding((await page.locator(".two-step-secret").innerText()).replace(/\s/g, ""));
  await page.getByLabel("Code from your app").fill(generateTOTP(key, 30, 6));
  await page.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  await page.getByRole("link", { name: "I have kept my recovery codes: continue to Staffroom" }).click();

  await expectOnHome(page);
  const header = page.getByRole("banner");
  await expect(header).toContainText("Riverside Learning Partnership");
  await expect(header).toContainText("Priya Natarajan");
  await expect(header).toContainText("Partnership coordinator");
  await expect(page.getByRole("region", { name: "This is the demo partnership." })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.goto(link);
  await expectHydrated(page);
  await expect(page.getByRole("heading", { name: "This set-up link no longer works" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
