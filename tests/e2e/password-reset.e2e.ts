// A member has forgotten their password: the coordinator makes a reset link on their
// page; the member opens it in their own browser, is told when the two passwords differ,
// chooses a new one and signs in with it; after that the link only says it no longer works.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO_PASSWORD, expectOnHome, fillSignIn, signInAs } from "./support/auth";
import { createMember } from "./support/members";
import { expectHydrated } from "./support/hydration";

test("the coordinator makes a password reset link; the member chooses a new password and signs in with it", async ({
  browser,
  baseURL,
}) => {
  test.slow(); // two browsers, three sign-in pages and seven accessibility checks
  // A member of this test's own, so changing the password disturbs no other test.
  const member = await createMember(baseURL!, {
    name: `Amira Haddad ${Date.now().toString(36)}`,
    role: "lsa",
    institution: "Thornbury Grammar School for the Deaf",
  });
  const newPassword = "signing hands in a quiet room";

  // A fresh sign-in: a saved session may have confirmed its password in another test ("Confirm it's you").
  const coordinatorContext = await browser.newContext({ baseURL });
  const page = await coordinatorContext.newPage();
  await signInAs(page, "coordinator");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People", exact: true }).click();
  await page.getByRole("link", { name: member.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: member.name })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Create password reset link" }).click();
  // A reset link needs the coordinator's password within the last few minutes.
  await expect(page.getByRole("heading", { level: 1, name: "Confirm it's you" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { level: 1, name: member.name })).toBeVisible();
  await page.getByRole("button", { name: "Create password reset link" }).click();
  const linkField = page.getByLabel("Password reset link");
  await expect(linkField).toBeVisible();
  await expect(linkField).not.toBeEditable();
  await expect(linkField).toHaveValue(/\/reset\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("status").filter({ hasText: `Password reset link for ${member.name}` })).toContainText(
    "It works once, for 24 hours",
  );
  const resetLink = await linkField.inputValue();
  await expectNoSeriousA11yViolations(page);

  // The member, in their own browser.
  const theirs = await browser.newContext({ baseURL });
  try {
    const memberPage = await theirs.newPage();
    await memberPage.goto(resetLink);
    await expectHydrated(memberPage);
    await expect(memberPage.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await expect(memberPage.getByRole("main")).toContainText(member.name);
    await memberPage.waitForLoadState("networkidle");
    await expectHydrated(memberPage);
    await expectNoSeriousA11yViolations(memberPage);

    const password = memberPage.getByLabel("New password", { exact: true });
    const confirm = memberPage.getByLabel("Confirm new password");
    const save = memberPage.getByRole("button", { name: "Save new password" });
    await password.fill(newPassword);
    await confirm.fill("signing hands in a noisy room");
    await save.click();
    await expect(confirm).toHaveAttribute("aria-invalid", "true");
    await expect(confirm).toHaveAccessibleDescription(/The two passwords do not match\./);
    await expectNoSeriousA11yViolations(memberPage);

    // From the keyboard this time. (A click right after typing can miss: leaving the field clears its
    // error message, which moves the button up between mouse down and mouse up.)
    await password.fill(newPassword);
    await confirm.fill(newPassword);
    await confirm.press("Enter");
    await expect(memberPage).toHaveURL(/\/login\?password=changed$/);
    await expect(memberPage.getByRole("status")).toContainText("Your password has been changed");
    await memberPage.waitForLoadState("networkidle");
    await expectNoSeriousA11yViolations(memberPage);

    await fillSignIn(memberPage, member.email, newPassword);
    await memberPage.getByRole("button", { name: "Sign in" }).click();
    await expectOnHome(memberPage);
    await expectNoSeriousA11yViolations(memberPage);
    await expect(memberPage.getByRole("banner")).toContainText(member.name);

    // The link is used up.
    await memberPage.goto(resetLink);
    await expectHydrated(memberPage);
    await expect(
      memberPage.getByRole("heading", { level: 1, name: "This password reset link no longer works" }),
    ).toBeVisible();
    await expect(memberPage.getByRole("button", { name: "Save new password" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(memberPage);
  } finally {
    await theirs.close();
  }
});
