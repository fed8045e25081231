// A lesson plan is one live document. Two co-planners from different institutions type in two parts of the same
// plan at once while one of them changes its status: nothing either typed is lost, each sees the other's text as
// it is typed and where the other is writing, the status reaches the other without disturbing her typing or focus,
// and a reload shows everything. The reading view passes the accessibility gate and prints without its controls.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signedInPage } from "./support/sessions";
import { ukToday } from "../../app/lib/lesson-dates";

// Lexical drops the textbox role when the editor is read-only, so find the content area by its label.
function part(page: Page, label: string) {
  return page.locator(`[contenteditable][aria-label="${label}"]`);
}

async function saved(page: Page) {
  await expect(page.locator(".sync-indicator")).toHaveText("All changes saved");
}

test("two co-planners write in two parts at once while a status changes: nothing is lost", async ({ browser }) => {
  test.slow(); // two people, typing at a person's pace
  const title = `Sprint starts ${Date.now()}`;

  // Sarah (Hollins Park) plans a lesson in the BTEC course she co-plans with Tom (Ashbury College).
  const sarah = await signedInPage(browser, "teacher", "/courses");
  await sarah.getByRole("link", { name: "BTEC First Award in Sport", exact: true }).click();
  await sarah.getByRole("link", { name: "Plan a lesson" }).click();
  await sarah.getByLabel("Title").fill(title);
  await sarah.getByLabel("Date").fill(ukToday());
  await sarah.getByRole("button", { name: "Create lesson plan" }).click();
  await expect(sarah.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await saved(sarah);
  const planUrl = sarah.url();
  await expectNoSeriousA11yViolations(sarah);

  const tom = await signedInPage(browser, "teacherFe", planUrl);
  await saved(tom);

  // Both start typing, in different parts, at the same time.
  await part(sarah, "Starter").click();
  await part(tom, "Main activity").click();
  await Promise.all([
    sarah.keyboard.type("Reaction drill: go on the whistle. ", { delay: 25 }),
    tom.keyboard.type("Block starts in pairs, three runs each. ", { delay: 25 }),
  ]);
  // Each sees the other's text as it is typed, and where the other is writing.
  await expect(part(sarah, "Main activity")).toContainText("Block starts in pairs, three runs each.");
  await expect(part(tom, "Starter")).toContainText("Reaction drill: go on the whistle.");
  await expect(sarah.locator('.live-part[data-part="mainActivity"] .live-part__writers')).toHaveText(
    "Tom Gallagher is writing here",
  );

  // Tom switches to editing and changes the status while Sarah keeps typing in the starter.
  await tom.getByRole("link", { name: "Edit details, deployment and resources" }).click();
  await expect(tom.getByLabel("Status")).toBeVisible();
  // His text is still there after the switch (the editors were not remounted).
  await expect(part(tom, "Main activity")).toContainText("Block starts in pairs, three runs each.");
  const sarahTyping = sarah.keyboard.type("Then race to the cone and back.", { delay: 40 });
  await tom.getByLabel("Status").selectOption({ label: "Ready to teach" });
  await tom.getByRole("button", { name: "Change status" }).click();
  await expect(tom.getByText("Status changed.")).toBeVisible();
  await sarahTyping;
  // The status reached Sarah without a reload, and her typing, caret and text were left alone.
  await expect(sarah.locator(".status")).toHaveText("Ready to teach");
  await expect(part(sarah, "Starter")).toContainText(
    "Reaction drill: go on the whistle. Then race to the cone and back.",
  );
  expect(await sarah.evaluate(() => document.activeElement?.getAttribute("data-part"))).toBe("starter");
  await expect(part(tom, "Starter")).toContainText("Then race to the cone and back.");
  await saved(sarah);
  await saved(tom);

  // A reload shows both parts, for both of them.
  for (const page of [sarah, tom]) {
    await page.reload();
    await saved(page);
    await expect(part(page, "Starter")).toContainText(
      "Reaction drill: go on the whistle. Then race to the cone and back.",
    );
    await expect(part(page, "Main activity")).toContainText("Block starts in pairs, three runs each.");
  }
  await expectNoSeriousA11yViolations(tom);

  // Printed, the plan keeps its text and leaves out the controls.
  await sarah.emulateMedia({ media: "print" });
  await expect(sarah.getByRole("link", { name: "Edit details, deployment and resources" })).toBeHidden();
  await expect(sarah.locator(".sync-indicator")).toBeHidden();
  await expect(part(sarah, "Main activity")).toBeVisible();
  await sarah.context().close();
  await tom.context().close();
});
