// Signed-in browsers for the tests that are not about signing in: the setup project
// (sign-in-once.setup.ts) signs each role in once through the real form and saves the
// session here; the other tests open their pages with it instead of typing into the form.
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import type { DemoUserKey } from "../../../prisma/seed-data";
import { expectHydrated } from "./hydration";

export const SIGNED_IN_ROLES = [
  "coordinator",
  "leader",
  "teacher",
  "teacherFe",
  "lsa",
] as const satisfies readonly DemoUserKey[];

export type SignedInRole = (typeof SIGNED_IN_ROLES)[number];

// Beside Playwright's outputDir, which it empties at the start of every run (after the setup project would have
// written here, in the same run, but also for a run of one file whose setup already ran).
const SESSIONS_DIR = path.resolve(import.meta.dirname, "..", "..", "..", "test-results", "e2e-sessions");

/** The saved browser state (the session cookie) of a role, for `test.use({ storageState })` or a new context. */
export function sessionOf(role: SignedInRole): string {
  return path.join(SESSIONS_DIR, `${role}.json`);
}

/** Opens the signed-in home page, where a person lands after signing in. */
export async function openHome(page: Page): Promise<void> {
  await page.goto("/home");
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expectHydrated(page);
}

/**
 * Another person's browser, already signed in: on their home page, or straight on the page `at` (one page load, not
 * the home page first when the story starts elsewhere).
 */
export async function signedInPage(browser: Browser, role: SignedInRole, at?: string): Promise<Page> {
  const context = await browser.newContext({ storageState: sessionOf(role) });
  const page = await context.newPage();
  if (!at) {
    await openHome(page);
    return page;
  }
  await page.goto(at);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expectHydrated(page);
  return page;
}
