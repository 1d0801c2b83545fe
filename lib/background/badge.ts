import { browser } from 'wxt/browser';

/** Dark enough for the white badge text to read at AA on any toolbar. */
const BADGE_COLOR = '#35506e';

/** Shows a count on one tab's toolbar button; a tab that closed meanwhile is not an error. */
export async function setTabBadge(tabId: number, text: string): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    // The tab is gone.
  }
}
