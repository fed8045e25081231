// Each role, signed in, finds the navigation and header that fit them.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { demoPerson } from "./support/auth";
import { openHome, sessionOf, type SignedInRole } from "./support/sessions";

const EVERYONE = ["Home", "People", "Institutions", "Account"];
const COORDINATOR_ONLY = ["Invitations", "Audit log"];

const ROLES: Array<{ key: SignedInRole; isCoordinator: boolean }> = [
  { key: "coordinator", isCoordinator: true },
  { key: "leader", isCoordinator: false },
  { key: "teacher", isCoordinator: false },
  { key: "lsa", isCoordinator: false },
];

for (const { key, isCoordinator } of ROLES) {
  const person = demoPerson(key);

  test.describe(() => {
    // Signed in through the form by the setup project (sign-in-once.setup.ts).
    test.use({ storageState: sessionOf(key) });

    test(`${person.roleLabel} ${person.name}, signed in, sees the navigation for their role`, async ({ page }) => {
      await openHome(page);

      const header = page.getByRole("banner");
      await expect(header).toContainText(person.name);
      await expect(header).toContainText(person.institutionName);
      await expect(header).toContainText(person.roleLabel);

      const nav = page.getByRole("navigation", { name: "Main" });
      for (const name of EVERYONE) {
        await expect(nav.getByRole("link", { name, exact: true }), `${name} link`).toBeVisible();
      }
      for (const name of COORDINATOR_ONLY) {
        const link = nav.getByRole("link", { name, exact: true });
        if (isCoordinator) await expect(link, `${name} link`).toBeVisible();
        else await expect(link, `no ${name} link`).toHaveCount(0);
      }
    });
  });
}

test.describe(() => {
  test.use({ storageState: sessionOf("coordinator") });

  test("the coordinator can open every page in the navigation, and each is accessible", async ({ page }) => {
    test.slow(); // seven pages, each with an accessibility check
    await openHome(page);
    const nav = page.getByRole("navigation", { name: "Main" });

    for (const name of [...EVERYONE, ...COORDINATOR_ONLY]) {
      await test.step(name, async () => {
        await nav.getByRole("link", { name, exact: true }).click();
        await page.waitForLoadState("networkidle");
        await expect(page.getByRole("heading", { level: 1 }), `${name} has a page heading`).toBeVisible();
        await expect(
          nav.getByRole("link", { name, exact: true }),
          `${name} is marked as the current page`,
        ).toHaveAttribute("aria-current", "page");
        await expectNoSeriousA11yViolations(page);
      });
    }
  });
});
