// A leader searches from the header for a strategy by a word only its co-edited description holds, narrows the
// results by area of need, then finds a lesson plan by a word of its main activity and opens it from the snippet;
// every page passes the accessibility check, and the quick search works from the keyboard alone.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signedInPage } from "./support/sessions";

test("a leader finds a strategy by its description, filters by need, and opens a plan from a snippet", async ({
  browser,
}) => {
  test.slow(); // several searches, each page with an accessibility check
  const david = await signedInPage(browser, "leader");

  // "/" from anywhere puts the caret in the header's search; the quick list shows the first hits as he types.
  await david.keyboard.press("/");
  const box = david.getByRole("combobox", { name: "Search Staffroom" });
  await expect(box).toBeFocused();
  await box.fill("mixes");
  const quick = david.getByRole("listbox", { name: "Quick results" });
  await expect(quick.getByRole("option", { name: /Peer coaching in practical sport/ })).toBeVisible();
  await expectNoSeriousA11yViolations(david);
  // Escape closes the list; Enter without a chosen hit opens the full results.
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.press("Enter");
  await expect(david.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await expect(david).toHaveURL(/\/search\?q=mixes/);
  await expect(david.getByRole("link", { name: "Peer coaching in practical sport" })).toBeVisible();
  await expectNoSeriousA11yViolations(david);

  // He narrows to one area of need: the choice goes into the URL and the strategy stays.
  await david.getByLabel("Area of need").selectOption("semh");
  await david.getByRole("button", { name: "Apply filters" }).click();
  await expect(david).toHaveURL(/need=semh/);
  await expect(david.getByRole("link", { name: "Peer coaching in practical sport" })).toBeVisible();
  await expectNoSeriousA11yViolations(david);

  // A word of a plan's main activity: the snippet marks it, and the title opens the plan.
  await david.getByLabel("Search plans, strategies, courses, minutes and documents").fill("recorder");
  await david.getByRole("button", { name: "Search", exact: true }).click();
  const result = david.getByRole("listitem").filter({ hasText: "Fitness testing: the Illinois agility run" });
  await expect(result.locator("mark", { hasText: /recorder/i })).toBeVisible();
  await expectNoSeriousA11yViolations(david);
  await result.getByRole("link", { name: "Fitness testing: the Illinois agility run" }).click();
  await expect(
    david.getByRole("heading", { level: 1, name: "Fitness testing: the Illinois agility run" }),
  ).toBeVisible();

  // Ctrl+K, arrows and Enter open a hit without the mouse.
  await david.keyboard.press("Control+k");
  await expect(box).toBeFocused();
  await box.fill("agility");
  await expect(quick.getByRole("option").first()).toBeVisible();
  await box.press("ArrowDown");
  await expect(quick.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(david).toHaveURL(/\/(plans|strategies|courses)\//);
});
