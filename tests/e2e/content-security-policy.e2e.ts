// The Content-Security-Policy lets every page work as before: signed in, the main pages hydrate and navigate,
// and a live lesson plan connects, syncs and shows where a co-planner is writing, without one violation
// (Chromium reports each as a `securitypolicyviolation` event and a console error).
import { expect, test, type Page } from "@playwright/test";
import { openHome, signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/** Collects the page's policy violations, from the DOM event and from the console, across navigations. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile})`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

async function expectNoViolations(page: Page, seen: string[]): Promise<void> {
  const fromEvents = await page.evaluate(() => window.cspViolations);
  expect([...seen, ...fromEvents], `policy violations on ${page.url()}`).toEqual([]);
}

const PAGES = [
  "/home",
  "/courses",
  "/strategies",
  "/students",
  "/people",
  "/institutions",
  "/deployments",
  "/documents",
  "/account",
  "/audit",
];

test("the coordinator's main pages load, hydrate and navigate without a policy violation", async ({ browser }) => {
  test.slow(); // ten pages on two shared cores
  const page = await signedInPage(browser, "coordinator");
  const seen = await watchViolations(page);
  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toContain("'nonce-");
    await page.waitForLoadState("networkidle");
    await expectHydrated(page);
    await expectNoViolations(page, seen);
  }
  // Client-side navigation works: the scripts ran.
  await openHome(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People", exact: true }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expectNoViolations(page, seen);
});

test("a live lesson plan connects and shows a co-planner's cursor without a policy violation", async ({ browser }) => {
  test.slow(); // two people on a live document
  const sarah = await signedInPage(browser, "teacher");
  const tom = await signedInPage(browser, "teacherFe");
  const seenBySarah = await watchViolations(sarah);
  const seenByTom = await watchViolations(tom);

  await sarah.goto("/courses");
  await expectHydrated(sarah);
  await sarah.getByRole("link", { name: "BTEC First Award in Sport", exact: true }).click();
  await sarah.getByRole("link", { name: "Plan a lesson" }).click();
  await sarah.getByLabel("Title").fill(`Policy check ${Date.now()}`);
  await sarah.getByLabel("Date").fill(new Date().toISOString().slice(0, 10));
  await sarah.getByRole("button", { name: "Create lesson plan" }).click();
  await expect(sarah.locator(".sync-indicator")).toHaveText("All changes saved");
  await tom.goto(sarah.url());
  await expectHydrated(tom);
  await expect(tom.locator(".sync-indicator")).toHaveText("All changes saved");

  await sarah.locator('[contenteditable][aria-label="Starter"]').click();
  await sarah.keyboard.type("Warm-up laps. ", { delay: 20 });
  await expect(tom.locator('[contenteditable][aria-label="Starter"]')).toContainText("Warm-up laps.");
  await expect(tom.locator('.live-part[data-part="starter"] .live-part__writers')).toHaveText(
    "Sarah Whitfield is writing here",
  );
  await expectNoViolations(sarah, seenBySarah);
  await expectNoViolations(tom, seenByTom);
});
