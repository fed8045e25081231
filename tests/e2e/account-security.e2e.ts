// The coordinator changes a member's role: Staffroom first asks "Confirm it's you" (the change is not made until
// then), sends them back to the member's page, and the member is told of the change on their next page, with a
// notice they can dismiss by keyboard and find again under "Changes to your account".
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { DEMO_PASSWORD, signIn, signInAs } from "./support/auth";
import { createMember } from "./support/members";
import { expectHydrated } from "./support/hydration";

test("a role change asks the coordinator to confirm it's them, and tells the member", async ({ browser, baseURL }) => {
  test.slow(); // two browsers, two sign-ins and five accessibility checks
  const member = await createMember(baseURL!, {
    name: `Priya Natarajan ${Date.now().toString(36)}`,
    role: "lsa",
    institution: "Thornbury Grammar School for the Deaf",
  });

  // A fresh sign-in: a saved session may have confirmed its password in another test.
  const coordinatorContext = await browser.newContext({ baseURL });
  const page = await coordinatorContext.newPage();
  await signInAs(page, "coordinator");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People", exact: true }).click();
  await page.getByRole("link", { name: member.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: member.name })).toBeVisible();
  const memberUrl = page.url();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Teacher" });
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Confirm it's you" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Your change has not been made yet" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoSeriousA11yViolations(page);

  const password = page.getByLabel("Password", { exact: true });
  await password.fill("not my password");
  await password.press("Enter");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/That is not your password\./);
  await expectNoSeriousA11yViolations(page);

  await password.fill(DEMO_PASSWORD);
  await password.press("Enter");
  await expect(page).toHaveURL(memberUrl);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Teacher" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes saved." })).toBeVisible();
  await coordinatorContext.close();

  // The member, in their own browser.
  const theirs = await browser.newContext({ baseURL });
  try {
    const memberPage = await theirs.newPage();
    await signIn(memberPage, member);
    const notice = memberPage.getByRole("status").filter({ hasText: "A change to your account" });
    await expect(notice).toContainText("changed your role from LSA to Teacher.");
    await memberPage.waitForLoadState("networkidle");
    await expectNoSeriousA11yViolations(memberPage);

    await notice.getByRole("button", { name: "Dismiss this notice" }).focus();
    await memberPage.keyboard.press("Enter");
    await expect(memberPage.getByText("A change to your account")).toHaveCount(0);

    await memberPage.goto("/account");
    await expectHydrated(memberPage);
    const changes = memberPage.getByRole("region", { name: "Changes to your account" });
    await expect(changes).toContainText("changed your role from LSA to Teacher.");
    await memberPage.waitForLoadState("networkidle");
    await expectHydrated(memberPage);
    await expectNoSeriousA11yViolations(memberPage);
  } finally {
    await theirs.close();
  }
});
