import type { ExtensionBrowser } from './browsers';

/** The toolbar badge of the tab showing `path`, read from one of the extension's pages. */
export async function badgeOf(browser: ExtensionBrowser, path: string): Promise<string | null> {
  const ext = await browser.openExtensionPage('options.html');
  const text = await ext.evaluate(async (part) => {
    type Api = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> }; action: { getBadgeText(d: object): Promise<string> } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    const tab = (await api.tabs.query({})).find((t) => t.url?.includes(part));
    return tab ? api.action.getBadgeText({ tabId: tab.id }) : null;
  }, path);
  await ext.close();
  return text;
}
