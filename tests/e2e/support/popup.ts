import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { ExtensionBrowser, Tab } from './browsers';

/**
 * Shows a tab, as the page under a toolbar popup is shown: with the popup in a tab of
 * its own, the article would otherwise be hidden, and a hidden page draws no card.
 */
export async function toFront(tab: Tab): Promise<void> {
  await (tab.raw as PwPage | PpPage).bringToFront();
}

/** The id of the tab showing `url`, asked of the extension's own tabs API from one of its pages. */
export async function tabIdOf(page: Tab, url: string): Promise<number> {
  const id = await page.evaluate(async (u) => {
    type TabsApi = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
    const g = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
    const api = g.browser ?? g.chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((tab) => tab.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab shows ${url}`);
  return id;
}

/**
 * The popup for the tab showing `url`. A test cannot click the toolbar button, so the
 * popup opens in a tab of its own, told which tab to act on (`?tab=`), as it supports.
 */
export async function openPopupFor(browser: ExtensionBrowser, url: string): Promise<Tab> {
  const probe = await browser.openExtensionPage('options.html');
  const id = await tabIdOf(probe, url);
  await probe.close();
  const popup = await browser.openExtensionPage(`popup.html?tab=${id}`);
  await popup.waitFor(() => document.querySelector('main.popup') !== null);
  return popup;
}

export interface PopupEntities {
  kind: string;
  items: { name: string; count: string }[];
}

/** The page's entities as the popup lists them: heading, then names with counts. */
export function popupEntities(popup: Tab): Promise<PopupEntities[]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll('[data-testid="page-entities"] .kind-group')].map((g) => ({
      kind: g.querySelector('h3')!.textContent!,
      items: [...g.querySelectorAll('button.entity')].map((b) => ({
        name: b.querySelector('.name')!.textContent!,
        count: b.querySelector('.count')!.textContent!,
      })),
    })),
  );
}

/** Waits until the popup lists `n` entities; fails with what it shows instead. */
export async function waitForEntities(popup: Tab, n: number): Promise<PopupEntities[]> {
  await popup
    .waitFor((count) => document.querySelectorAll('[data-testid="page-entities"] button.entity').length === count, n, 20_000)
    .catch(async (err) => {
      throw new Error(`${String(err)}\nThe popup shows:\n${await popup.evaluate(() => document.body.innerText)}`);
    });
  return popupEntities(popup);
}

/** Clicks a switch by its name (`site`, `pause`) and waits for it to say the new state. */
export async function flipSwitch(page: Tab, name: string): Promise<boolean> {
  const next = await page.evaluate((n) => {
    const el = document.querySelector<HTMLButtonElement>(`button[role="switch"][data-name="${n}"]`)!;
    const wanted = el.getAttribute('aria-checked') !== 'true';
    el.click();
    return wanted;
  }, name);
  await page.waitFor(
    ([n, w]) => document.querySelector(`button[role="switch"][data-name="${n}"]`)?.getAttribute('aria-checked') === String(w),
    [name, next] as const,
  );
  return next;
}
