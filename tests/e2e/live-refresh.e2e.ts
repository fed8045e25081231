// A page reloads its data quietly whenever something changes in the partnership, the saver's own change included.
// What the page said about the last thing a person did stays through those reloads; it goes only when she does
// something else or leaves the page.
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./support/sessions";

/**
 * How many times the page has reloaded its data in the background so far (a GET of the route's data: after a save,
 * and on every live refresh), counted from now.
 */
function dataReloads(page: Page): () => number {
  let count = 0;
  page.on("response", (response) => {
    if (response.request().method() === "GET" && new URL(response.url()).pathname.endsWith(".data")) count++;
  });
  return () => count;
}

/** Lets the page render what it has just received. */
async function settled(page: Page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

test("what a page said after a save stays while colleagues' changes reload it", async ({ browser }) => {
  // Sarah (Hollins Park) and Tom (Ashbury College) co-plan the BTEC course; both have its edit page open.
  const sarah = await signedInPage(browser, "teacher", "/courses");
  await sarah.getByRole("link", { name: "BTEC First Award in Sport", exact: true }).click();
  await sarah.getByRole("link", { name: "Edit course, units and co-planners" }).click();
  await expect(sarah.getByRole("heading", { level: 1, name: "Edit BTEC First Award in Sport" })).toBeVisible();
  const tom = await signedInPage(browser, "teacherFe", new URL(sarah.url()).pathname);
  await expect(tom.getByRole("heading", { level: 1, name: "Edit BTEC First Award in Sport" })).toBeVisible();

  const sarahUnit = `Warm-ups ${Date.now()}`;
  const tomUnit = `Cool-downs ${Date.now()}`;

  // Sarah adds a unit. Her own change reaches her page too, which reloads its data: the notice stays.
  const reloads = dataReloads(sarah);
  await sarah.getByLabel("Unit title", { exact: true }).fill(sarahUnit);
  await sarah.getByRole("button", { name: "Add unit" }).click();
  const notice = sarah.getByText(`Unit “${sarahUnit}” added.`);
  await expect(notice).toBeVisible();
  // The save's own reload, then the live one that her change set off.
  await expect.poll(reloads).toBeGreaterThanOrEqual(2);
  await settled(sarah);
  await expect(notice).toBeVisible();

  // Tom adds one too: Sarah's page shows his unit without a reload, and still what happened to hers.
  const before = reloads();
  await tom.getByLabel("Unit title", { exact: true }).fill(tomUnit);
  await tom.getByRole("button", { name: "Add unit" }).click();
  await expect(tom.getByText(`Unit “${tomUnit}” added.`)).toBeVisible();
  await expect.poll(reloads).toBeGreaterThan(before);
  await expect(sarah.getByText(tomUnit).first()).toBeVisible();
  await settled(sarah);
  await expect(notice).toBeVisible();

  // Once she leaves the page, what it said goes with it.
  await sarah.getByRole("link", { name: "Back to BTEC First Award in Sport" }).click();
  await sarah.getByRole("link", { name: "Edit course, units and co-planners" }).click();
  await expect(sarah.getByRole("heading", { level: 1, name: "Edit BTEC First Award in Sport" })).toBeVisible();
  await expect(sarah.getByText(sarahUnit).first()).toBeVisible();
  await expect(notice).toHaveCount(0);
  await sarah.context().close();
  await tom.context().close();
});
