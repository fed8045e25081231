// Each role signs in and finds the navigation and header that fit them.
import { expect, test } from "@playwright/test";
import type { DemoUserKey } from "../../prisma/seed-data";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { demoPerson, signInAs } from "./support/auth";

const EVERYONE = ["Home", "People", "Institutions", "Account"];
const COORDINATOR_ONLY = ["Invitations", "Audit log"];

const ROLES: Array<{ key: DemoUserKey; isCoordinator: boolean }> = [
  { key: "coordinator", isCoordinator: true },
  { key: "leader", isCoordinator: false },
  { key: "teacher", isCoordinator: false },
  { key: "lsa", isCoordinator: false },
];

for (const { key, isCoordinator } of ROLES) {
  const person = demoPerson(key);

  test(`${person.roleLabel} ${person.name} signs in and sees the navigation for their role`, async ({ page }) => {
    await signInAs(page, key);

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
}

test("the coordinator can open every page in the navigation, and each is accessible", async ({ page }) => {
  test.slow(); // seven pages, each with an accessibility check
  await signInAs(page, "coordinator");
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
