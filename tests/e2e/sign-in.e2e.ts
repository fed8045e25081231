// Signing in: a clear message for a mistake, a keyboard-only path, and visible progress.
// (Each role's home page is checked for accessibility where it signs in once, sign-in-once.setup.ts.)
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO_PASSWORD, SIGN_IN_MISMATCH, demoPerson, expectOnHome, fillSignIn, openSignIn } from "./support/auth";

test("a wrong password gets a clear message and keeps the email address", async ({ page }) => {
  const teacher = demoPerson("teacher");
  await openSignIn(page);
  // The sign-in page as everyone first sees it: checked here, once for the whole run.
  await expectNoSeriousA11yViolations(page);
  await fillSignIn(page, teacher.email, "not-the-right-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("alert")).toContainText(SIGN_IN_MISMATCH);
  await expect(page.getByLabel("Email address")).toHaveValue(teacher.email);
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expectNoSeriousA11yViolations(page);
});

test("signing in works with the keyboard alone, after a skip link", async ({ page }) => {
  const leader = demoPerson("leader");
  await openSignIn(page);

  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: "Skip to main content" });
  await expect(skipLink, "the skip link is the first thing Tab reaches").toBeFocused();
  const target = await skipLink.getAttribute("href");
  expect(target, "the skip link points at an element on the page").toMatch(/^#./);
  await expect(page.getByRole("main"), "the skip link's target is the main landmark").toHaveAttribute(
    "id",
    target!.slice(1),
  );

  const email = page.getByLabel("Email address");
  for (let presses = 0; presses < 10 && !(await email.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(email, "Tab reaches the email field").toBeFocused();
  await page.keyboard.type(leader.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password", { exact: true }), "Tab moves on to the password").toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");

  await expectOnHome(page);
  await expect(page.getByRole("banner")).toContainText(leader.name);
});

test("the sign-in button shows that it is working while the request is on its way", async ({ page }) => {
  const lsa = demoPerson("lsa");
  await openSignIn(page);

  // Hold the sign-in request back so the pending state is on screen long enough to see.
  let releaseSignIn!: () => void;
  const held = new Promise<void>((resolve) => (releaseSignIn = resolve));
  await page.route(
    (url) => /^\/login(\.data)?$/.test(url.pathname),
    async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    },
  );

  await fillSignIn(page, lsa.email, DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Signing in…" })).toBeVisible();
  releaseSignIn();

  await expectOnHome(page);
  await expect(page.getByRole("banner")).toContainText(lsa.name);
});
