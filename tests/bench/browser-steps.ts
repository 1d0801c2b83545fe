// Steps the browser benches share: waiting for a pack in the extension, timing cards by hover.
import type { ExtensionBrowser, Tab } from '../e2e/support/browsers';
import { moveMouse, pointAtText } from '../e2e/support/input';

/** The subscription number of the one pack, once the background has applied it (large packs take minutes). */
export async function appliedPackSub(browser: ExtensionBrowser): Promise<number> {
  const ext = await browser.openExtensionPage('options.html');
  return ext.evaluate(async () => {
    type Pack = { sub: number; version?: number; lastError?: { message: string } };
    const send = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: Pack[] }> } } }).chrome.runtime.sendMessage;
    for (let i = 0; i < 1200; i++) {
      const [pack] = (await send({ gloss: 1, channel: 'ui', call: 'listPacks', args: {} })).value;
      if (pack?.lastError) throw new Error(pack.lastError.message);
      if (pack?.version) return pack.sub;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the pack was not applied in two minutes');
  });
}

/**
 * Hovers `names[i]` in the element `#<idPrefix><i>`, one after the other, and reads how long after
 * its hover delay each card was painted (the card layer writes it on its host).
 */
export async function dwellToPaint(tab: Tab, names: readonly string[], idPrefix: string): Promise<number[]> {
  const out: number[] = [];
  for (const [i, name] of names.entries()) {
    await tab.evaluate(() => document.querySelector('gloss-host')?.removeAttribute('data-paint-ms'));
    const at = await pointAtText(tab, `#${idPrefix}${i}`, name);
    await moveMouse(tab, at.x, at.y);
    await tab.waitFor(() => document.querySelector('gloss-host')?.hasAttribute('data-paint-ms'), undefined, 5000);
    out.push(Number(await tab.evaluate(() => document.querySelector('gloss-host')!.getAttribute('data-paint-ms'))));
    // Away, so the next card opens afresh.
    await moveMouse(tab, 2, 2);
    await new Promise((r) => setTimeout(r, 450));
  }
  return out;
}
