// Signing out ends the session for real: not just in this tab, and not in the history.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { demoPerson, signInAs, signOut } from "./support/auth";
import { expectHydrated } from "./support/hydration";

test("signing out ends the session, and back does not show the signed-in page", async ({ page, browser, baseURL }) => {
  const teacher = demoPerson("teacher");
  await signInAs(page, "teacher");
  await expect(page.getByRole("banner")).toContainText(teacher.name);
  const cookiesWhileSignedIn = await page.context().cookies();

  await signOut(page);

  await page.goBack();
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await expect(page.getByText(teacher.name)).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.goto("/home");
  await expectHydrated(page);
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expectNoSeriousA11yViolations(page);

  // The old cookie, replayed from elsewhere, must not work either: the session is gone on the server.
  const replay = await browser.newContext({ baseURL });
  try {
    await replay.addCookies(cookiesWhileSignedIn);
    const replayPage = await replay.newPage();
    await replayPage.goto("/home");
    await expectHydrated(replayPage);
    await expect(replayPage).toHaveURL(/\/login(\?|$)/);
    await expectNoSeriousA11yViolations(replayPage);
  } finally {
    await replay.close();
  }
});
