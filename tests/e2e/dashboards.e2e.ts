// A leader opens the LSA deployment dashboard from the navigation, reads the table behind a chart, follows a row to
// the records behind it, and downloads the table as CSV (Excel-ready: byte-order mark, header, the page's figures);
// every page passes the accessibility check.
import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signedInPage } from "./support/sessions";

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
  await expect(section.locator("svg.chart__svg")).toHaveAttribute("aria-hidden", "true");
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
