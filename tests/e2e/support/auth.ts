// Signing in and out the way a person does: through the sign-in page and the header.
// Only the tests about signing in use these; the rest start from a saved session
// (sessions.ts). The accessibility gate runs once per page state, in the callers.
import { expect, type Page } from "@playwright/test";
import { DEMO_INSTITUTIONS, DEMO_PASSWORD, demoUser, type DemoUserKey } from "../../../prisma/seed-data";
import { ROLE_LABELS } from "../../../app/lib/roles";
import { expectNoSeriousA11yViolations } from "./a11y";
import { expectHydrated } from "./hydration";

export { DEMO_PASSWORD };

export const SIGN_IN_MISMATCH = "That email address and password do not match. Check them and try again.";

/** A demo user with the words the header shows for them. */
export function demoPerson(key: DemoUserKey) {
  const user = demoUser(key);
  const institution = DEMO_INSTITUTIONS.find((i) => i.key === user.institution)!;
  return { ...user, institutionName: institution.name, roleLabel: ROLE_LABELS[user.role] };
}

/** Opens the sign-in page once the app is ready for input. */
export async function openSignIn(page: Page): Promise<void> {
  await page.goto("/login");
  await expectHydrated(page);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
}

/** Signs in from the sign-in page and waits for the home page. */
export async function signIn(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await openSignIn(page);
  await fillSignIn(page, credentials.email, credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectOnHome(page);
}

export async function signInAs(page: Page, key: DemoUserKey): Promise<void> {
  await signIn(page, { email: demoUser(key).email, password: DEMO_PASSWORD });
}

/** The signed-in home page: URL and main navigation. */
export async function expectOnHome(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expectHydrated(page);
}

export async function signOut(page: Page): Promise<void> {
  const signOutButton = page.getByRole("banner").getByRole("button", { name: "Sign out" });
  await signOutButton.click();
  // Where sign-out lands is the app's choice; what matters is that nobody is signed in there.
  await expect(signOutButton).toHaveCount(0);
  await expect(page).not.toHaveURL(/\/home$/);
  await expectNoSeriousA11yViolations(page);
}
