// A leader opens the LSA deployment dashboard from the navigation, reads the table behind a chart, follows a row to
// the records behind it, and downloads the table as CSV (Excel-ready: byte-order mark, header, the page's figures);
// every page passes the accessibility check.
import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

test("a leader reads the deployment dashboard's table, drills down and downloads it as CSV", async ({ browser }) => {
  test.slow();
  const page = await signedInPage(browser, "leader");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboards" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboards" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "LSA deployment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "LSA deployment dashboard" })).toBeVisible();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expectNoSeriousA11yViolations(page);

  // The chart is drawn for sight; the table beside it is what a screen reader (and this test) reads.
  const section = page.getByRole("region", { name: "LSA support per support pattern" });
  // Drawn twice, for a wide and a narrow column: the column's width shows one.
  await expect(section.locator("svg.chart__svg--wide")).toHaveAttribute("aria-hidden", "true");
  await expect(section.locator("svg.chart__svg--compact")).toHaveAttribute("aria-hidden", "true");
  await expect(section.locator("svg.chart__svg--wide")).toBeVisible();
  await expect(section.locator("svg.chart__svg--compact")).toBeHidden();
  const table = section.getByRole("table", { name: "LSA support per support pattern" });
  const firstRow = table.getByRole("row").nth(1);
  const pattern = (await firstRow.getByRole("rowheader").innerText()).trim();
  const sessions = (await firstRow.getByRole("cell").first().innerText()).trim();
  expect(Number(sessions)).toBeGreaterThan(0);

  // Its CSV holds the same row.
  const downloading = page.waitForEvent("download");
  await section.getByRole("link", { name: /Download this table as CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^deployment-per-pattern-.*\.csv$/);
  const csv = await fs.readFile(await download.path(), "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const lines = csv.slice(1).trim().split("\r\n");
  expect(lines[0]).toBe("Support pattern,Sessions,Minutes");
  expect(lines.some((line) => line.startsWith(`${pattern},${sessions},`))).toBe(true);

  // The row's link opens the deployments behind the figure: as many as the table said.
  const recordsLink = firstRow.getByRole("link", { name: /^See records/ });
  await expect(recordsLink).toContainText(pattern);
  await recordsLink.click();
  await expect(page.getByRole("heading", { level: 1, name: "LSA deployments behind the figure" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `${sessions} record` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The gallery is a click away too.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Shared practice" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Shared practice" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("on a 375 px phone every dashboard fits the width, draws its charts for it and passes the accessibility check", async ({
  browser,
}) => {
  test.slow();
  const page = await signedInPage(browser, "leader");
  await page.setViewportSize({ width: 375, height: 812 });
  for (const slug of ["deployment", "strategies", "co-planning", "meetings"]) {
    await page.goto(`/dashboards/${slug}`);
    await expectHydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // No sideways scrolling of the page: wide tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), slug).toBeLessThanOrEqual(375);
    const charts = page.locator(".chart");
    for (let i = 0; i < (await charts.count()); i++) {
      await expect(charts.nth(i).locator("svg.chart__svg--compact")).toBeVisible();
      await expect(charts.nth(i).locator("svg.chart__svg--wide")).toBeHidden();
    }
    await expectNoSeriousA11yViolations(page);
  }
  // The co-planning matrix: a column and a row head per institution, read out in full.
  await page.goto("/dashboards/co-planning");
  await expectHydrated(page);
  const matrix = page.getByRole("table", { name: /^Institutions that plan together/ });
  await expect(matrix.getByRole("columnheader", { name: "Hollins Park Sports College" })).toBeAttached();
  await expect(matrix.getByRole("rowheader", { name: "Hollins Park Sports College" })).toBeAttached();
  // The meetings drill-down keeps the figure's filter and date range.
  await page.goto("/dashboards/meetings?from=2026-09-01&to=2027-08-31");
  await expectHydrated(page);
  const records = page.getByRole("link", { name: /^See records/ }).first();
  if (await records.count()) {
    await expect(records).toHaveAttribute(
      "href",
      /\/dashboards\/records\/meetings\?from=2026-09-01&to=2027-08-31&(institution|group)=/,
    );
  }
});
