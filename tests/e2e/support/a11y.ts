// The accessibility gate every e2e test applies to every page it visits: axe-core's
// WCAG 2.0/2.1/2.2 A and AA rules; serious and critical findings fail the test.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const FAILING_IMPACTS = new Set(["serious", "critical"]);

export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    // axe.run in the page itself, not runPartial per frame and finishRun in a blank page opened for each check (a
    // second page and copy of axe every time): about half the time per check, measured. The app has no frames, so
    // the same rules see the same nodes and report the same violations; legacy mode leaves out cross-origin frames.
    // (resultTypes: ["violations"], though faster still, lost a target-size violation: not used.)
    .setLegacyMode()
    .analyze();
  const failing = results.violations.filter((v) => v.impact && FAILING_IMPACTS.has(v.impact));
  const report = failing
    .map((v) => {
      const targets = v.nodes.map((node) => `    - ${node.target.join(" ")}`).join("\n");
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets}`;
    })
    .join("\n");
  if (failing.length > 0) console.error(`Accessibility violations on ${page.url()}:\n${report}`);
  const summary = failing.map(
    (v) => `${v.id}: ${v.help} at ${v.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(summary, `serious or critical accessibility violations on ${page.url()}`).toEqual([]);
}
