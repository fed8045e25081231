// The header's notification bell, as the stories that notify someone read it.
import { expect, type Page } from "@playwright/test";

export const bell = (page: Page) => page.getByRole("link", { name: /^Notifications, / });

/** The unread count the bell shows. */
export const unreadOf = async (page: Page) => Number(await bell(page).getAttribute("data-unread"));

/**
 * Waits until the member's list shows their mention in the line holding `text`, once, and returns it. Other stories
 * running beside the caller notify the same members, so neither the bell's count nor its first rise says which
 * notification arrived: the list does. The bell is opened again until the mention is there.
 */
export async function mentionIn(page: Page, text: string) {
  const item = page.getByRole("listitem").filter({ hasText: text });
  await expect(async () => {
    await bell(page).click();
    await expect(item).toContainText("You were mentioned in", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(item).toHaveCount(1);
  return item;
}
