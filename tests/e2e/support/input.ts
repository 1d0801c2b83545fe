import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { Tab } from './browsers';

const isPlaywright = (tab: Tab) => 'context' in tab.raw;

/** Moves the real pointer (trusted events) in a few steps, as a hand would. */
export async function moveMouse(tab: Tab, x: number, y: number): Promise<void> {
  await (tab.raw as PwPage | PpPage).mouse.move(x, y, { steps: 4 });
}

export async function clickAt(tab: Tab, x: number, y: number): Promise<void> {
  await (tab.raw as PwPage | PpPage).mouse.click(x, y);
}

/** Presses a combination such as `Alt+Shift+KeyJ`, modifiers first. */
export async function press(tab: Tab, combo: string): Promise<void> {
  if (isPlaywright(tab)) return (tab.raw as PwPage).keyboard.press(combo);
  const keys = combo.split('+') as Parameters<PpPage['keyboard']['down']>[0][];
  const kb = (tab.raw as PpPage).keyboard;
  for (const k of keys.slice(0, -1)) await kb.down(k);
  await kb.press(keys.at(-1)!);
  for (const k of keys.slice(0, -1).reverse()) await kb.up(k);
}

export async function screenshot(tab: Tab, path: `${string}.png`): Promise<void> {
  await (tab.raw as PwPage | PpPage).screenshot({ path });
}

/** Emulates a colour scheme for one tab; Chromium only (launch Firefox with `colorScheme` instead). */
export async function colorScheme(tab: Tab, scheme: 'light' | 'dark'): Promise<void> {
  if (!isPlaywright(tab)) throw new Error('Only Chromium emulates a colour scheme per tab');
  await (tab.raw as PwPage).emulateMedia({ colorScheme: scheme });
}

/** The centre of the first box of `text` inside `selector`, scrolled into view (to the middle, or the bottom edge). */
export function pointAtText(tab: Tab, selector: string, text: string, block: 'center' | 'end' = 'center'): Promise<{ x: number; y: number }> {
  return tab.evaluate(
    ([sel, wanted, where]) => {
      const root = document.querySelector(sel!)!;
      root.scrollIntoView({ block: where as ScrollLogicalPosition });
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(wanted!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + wanted!.length);
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error(`no "${wanted}" in ${sel}`);
    },
    [selector, text, block],
  );
}
