// A member sets up two-step sign-in on their account page by typing the key into an "app" (the test computes the
// codes with @oslojs/otp, as an authenticator app would), keeps the recovery codes, then signs in with a code and,
// having lost the phone, with a recovery code. Every page passes the accessibility gate.
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expectOnHome, fillSignIn, openSignIn, signIn, signOut } from "./support/auth";
import { createMember } from "./support/members";
import { expectHydrated } from "./support/hydration";

const stepNow = () => Math.floor(Date.now() / 30_000);

async function passwordStep(page: Page, member: { email: string; password: string }) {
  await openSignIn(page);
  await fillSignIn(page, member.email, member.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enter your code" })).toBeVisible();
}

test("a member sets up two-step sign-in, then signs in with a code and with a recovery code", async ({
  page,
  baseURL,
}) => {
  test.slow(); // three sign-ins and six accessibility checks
  // A member of this test's own (a demo LSA may choose two-step sign-in), so no other test meets a second step.
  const member = await createMember(baseURL!, {
    name: `Nadia Brennan ${Date.now().toString(36)}`,
    role: "lsa",
    institution: "Brookfield School",
  });
  await signIn(page, member);

  await page.goto("/account");
  await expectHydrated(page);
  await page.getByRole("link", { name: "Set up or change two-step sign-in" }).click();
  // A change to how the member signs in: Staffroom asks for the password first.
  await expect(page.getByRole("heading", { level: 1, name: "Confirm it's you" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(member.password);
  await page.getByRole("button", { name: /Confirm/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Two-step sign-in" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoSeriousA11yViolations(page);

  // The "app": the key typed in by hand, as the page offers for a phone that cannot scan.
  const key = decodeBase32IgnorePadding((await page.locator(".two-step-secret").innerText()).replace(/\s/g, ""));
  const setUpStep = stepNow();
  await page.getByLabel("Code from your app").fill(generateHOTP(key, BigInt(setUpStep), 6));
  await page.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  const codes = await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allInnerTexts();
  expect(codes).toHaveLength(10);
  await expect(page.getByText("Two-step sign-in is set up with your app.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The password alone no longer signs in: the second step asks for the code the app shows next.
  await signOut(page);
  await passwordStep(page, member);
  await page.waitForLoadState("networkidle");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Code", { exact: true }).fill("000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That code does not match")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Code", { exact: true }).fill(generateHOTP(key, BigInt(Math.max(stepNow(), setUpStep + 1)), 6));
  await page.getByRole("button", { name: "Continue" }).click();
  await expectOnHome(page);

  // The phone is lost: a recovery code signs in once.
  await signOut(page);
  await passwordStep(page, member);
  await page.getByLabel("Code", { exact: true }).fill(codes[0]!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expectOnHome(page);

  await page.goto("/account/two-step");
  await expectHydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm it's you" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(member.password);
  await page.getByRole("button", { name: /Confirm/ }).click();
  await expect(page.getByText("You have 9 unused recovery codes.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
