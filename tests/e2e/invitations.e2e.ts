// The coordinator invites a new teacher, who joins through the link, signs in
// again later; after that the link only says it has been used.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expectOnHome, signIn, signOut } from "./support/auth";
import { signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

test("invite a teacher, who accepts, signs out and signs in again; the link is then used up", async ({
  browser,
  baseURL,
}) => {
  test.slow(); // three browsers, four sign-ins and eight accessibility checks: a long story
  const newcomer = {
    email: `new.teacher.${Date.now()}.${test.info().workerIndex}@kestrel.example`,
    name: "Imogen Blake",
    password: "a long and memorable phrase",
    institution: "Kestrel Performing Arts College",
  };

  // The coordinator starts from a saved session; the newcomer signs in through the form.
  const page = await signedInPage(browser, "coordinator");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invitations", exact: true }).click();
  await expect(page).toHaveURL(/\/people\/invite$/);
  await page.waitForLoadState("networkidle");
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Email address").fill(newcomer.email);
  await page.getByLabel("Name (optional)").fill(newcomer.name);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Teacher" });
  await page.getByLabel("Institution", { exact: true }).selectOption({ label: newcomer.institution });
  await page.getByRole("button", { name: "Create invitation" }).click();

  const linkField = page.getByLabel("Invitation link");
  await expect(linkField).toBeVisible();
  await expect(linkField).not.toBeEditable();
  await expect(linkField).toHaveValue(/\/invite\/[^/?#]+$/);
  const inviteLink = await linkField.inputValue();
  await expectNoSeriousA11yViolations(page);

  // The newcomer, in their own browser.
  const theirs = await browser.newContext({ baseURL });
  try {
    const newcomerPage = await theirs.newPage();
    await newcomerPage.goto(inviteLink);
    await expect(newcomerPage.getByRole("heading", { name: /^Join/ })).toBeVisible();
    await newcomerPage.waitForLoadState("networkidle");
    await expectHydrated(newcomerPage);
    await expectNoSeriousA11yViolations(newcomerPage);

    await newcomerPage.getByLabel("Your name").fill(newcomer.name);
    await newcomerPage.getByLabel("Password", { exact: true }).fill(newcomer.password);
    await newcomerPage.getByLabel("Confirm password").fill(newcomer.password);
    await newcomerPage.getByRole("button", { name: "Join the partnership" }).click();

    await expectOnHome(newcomerPage);
    await expectNoSeriousA11yViolations(newcomerPage);
    const header = newcomerPage.getByRole("banner");
    await expect(header).toContainText(newcomer.name);
    await expect(header).toContainText(newcomer.institution);
    await expect(header).toContainText("Teacher");

    await signOut(newcomerPage);
    await signIn(newcomerPage, { email: newcomer.email, password: newcomer.password });
    await expect(newcomerPage.getByRole("banner")).toContainText(newcomer.name);
  } finally {
    await theirs.close();
  }

  // Whoever opens the link now is told it has been used.
  const later = await browser.newContext({ baseURL });
  try {
    const laterPage = await later.newPage();
    const used = await laterPage.goto(inviteLink);
    await expectHydrated(laterPage);
    expect(used?.status(), "a used link answers 410 Gone").toBe(410);
    await expect(laterPage.getByRole("main")).toContainText(/been used/i);
    await expect(laterPage.getByRole("button", { name: "Join the partnership" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(laterPage);

    // A link that never existed answers 404, with the same kind of friendly page.
    const unknown = await laterPage.goto(`${new URL(inviteLink).origin}/invite/no-such-invitation-link-0123456789`);
    await expectHydrated(laterPage);
    expect(unknown?.status()).toBe(404);
    await expect(laterPage.getByRole("heading", { name: "This invitation link no longer works" })).toBeVisible();
    await expect(laterPage.getByRole("link", { name: "Go to sign in" })).toBeVisible();
    await expectNoSeriousA11yViolations(laterPage);
  } finally {
    await later.close();
  }
});
