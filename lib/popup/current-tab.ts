import { browser } from 'wxt/browser';

export interface CurrentTab {
  id: number;
  /** Absent when the browser does not tell Gloss the address (a page it may not read). */
  url?: string;
}

/**
 * The tab the popup acts on: the one named by `?tab=` (the popup opened for a given
 * tab, as in a tab of its own), else the active tab of the window it opened over.
 */
export async function currentTab(search: string): Promise<CurrentTab | null> {
  const named = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(named) && named > 0) {
    const tab = await browser.tabs.get(named).catch(() => null);
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

/** In a tab of its own (`?tab=`), the popup stays open after acting; over a page, it gets out of the way. */
export const isToolbarPopup = (search: string) => !new URLSearchParams(search).has('tab');
