// A server-rendered page looks ready before React has taken it over: a key pressed or a button clicked in between
// reaches no handler (or, for a link, makes a full page load). The root layout marks <html data-hydrated> once
// its effects have run; the helpers that open a page wait for it before the story types or presses anything.
import { expect, type Page } from "@playwright/test";

/** Waits until React has hydrated the page (every handler outside a still-loading lazy section attached). */
export async function expectHydrated(page: Page): Promise<void> {
  // A page on a slow, shared CI machine can take several seconds to parse and run its modules.
  await expect(page.locator("html[data-hydrated]")).toBeAttached({ timeout: 20_000 });
}
