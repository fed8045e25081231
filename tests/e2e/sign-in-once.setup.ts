// Signs each role the other tests use in once, through the real sign-in form, and
// saves the session for them (support/sessions.ts). Each role's home page passes
// the accessibility gate here, once; the sign-in page itself is checked by sign-in.e2e.ts.
import { test as setup } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signInAs } from "./support/auth";
import { SIGNED_IN_ROLES, sessionOf } from "./support/sessions";

for (const role of SIGNED_IN_ROLES) {
  setup(`${role} signs in through the form`, async ({ page }) => {
    await signInAs(page, role);
    await expectNoSeriousA11yViolations(page);
    await page.context().storageState({ path: sessionOf(role) });
  });
}
