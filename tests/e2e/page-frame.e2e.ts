// The frame around every page, as a first hour in a real browser found it wanting: an unknown address, a phone-sized
// screen, and a printed page.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { openHome, sessionOf } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

test.use({ storageState: sessionOf("teacher") });

test("an unknown address says so inside the app's header and navigation, in plain words", async ({ page }) => {
  const response = await page.goto("/nope-x");
  await expectHydrated(page);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Sarah Whitfield");
  await expect(page.locator("body")).not.toContainText("No route matches");
  await expect(page.getByRole("link", { name: "Go to your home page" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A record that is out of reach gets the same frame.
  await page.goto("/courses/no-such-course");
  await expectHydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("on a 375 px screen the header and menu take one short band, and Sign out stays on one line", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openHome(page);
  const header = await page.getByRole("banner").boundingBox();
  const nav = await page.getByRole("navigation", { name: "Main" }).boundingBox();
  expect(header && nav).toBeTruthy();
  // Before: ~320 px of every page (a three-line header and a menu wrapped over three rows).
  // 144: the header now also holds the notification bell (it measured 141 px with it, 1 Dec 2026).
  expect(header!.height + nav!.height).toBeLessThanOrEqual(144);
  const signOut = await page.getByRole("button", { name: "Sign out" }).boundingBox();
  expect(signOut!.height).toBeLessThan(48);
  // The menu scrolls sideways rather than wrapping: every link is on one row.
  const tops = await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  await expectNoSeriousA11yViolations(page);

  // The quick search box gives way to a Search button there, which opens it by keyboard.
  await expect(page.getByRole("combobox", { name: "Search Staffroom" })).toBeHidden();
  const search = page.getByRole("link", { name: "Search" });
  await search.focus();
  await page.keyboard.press("Enter");
  const box = page.getByRole("combobox", { name: "Search Staffroom" });
  await expect(box).toBeFocused();
  await page.keyboard.type("sport");
  await expect(page.getByRole("listbox", { name: "Quick results" }).getByRole("option").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Escape closes the list, a second Escape the band, and the focus goes back to the button.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(box).toBeHidden();
  await expect(search).toBeFocused();
});

test("printing leaves out the navigation and the buttons, and keeps the page's content", async ({ page }) => {
  await openHome(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
