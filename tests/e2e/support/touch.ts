import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import type { Tab } from './browsers';

type Point = { x: number; y: number };
const isPlaywright = (tab: Tab) => 'context' in tab.raw;

/**
 * Real touch input, as a finger makes it: in Chromium through the DevTools protocol's
 * `Input.dispatchTouchEvent` (the page gets touch, pointer and then click events from the
 * browser's own gesture handling), in Firefox through WebDriver BiDi's `input.performActions`
 * with a `touch` pointer (what puppeteer's touchscreen sends).
 */
async function touch(tab: Tab, points: Point[], pauseMs: number): Promise<void> {
  const [first, ...rest] = points;
  const last = points.at(-1)!;
  if (isPlaywright(tab)) {
    const page = tab.raw as PwPage;
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: first!.x, y: first!.y }] });
      for (const p of rest) {
        await new Promise((r) => setTimeout(r, pauseMs));
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: p.x, y: p.y }] });
      }
      await new Promise((r) => setTimeout(r, pauseMs));
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } finally {
      await cdp.detach();
    }
    return;
  }
  const screen = (tab.raw as PpPage).touchscreen;
  if (!rest.length) return screen.tap(Math.round(last.x), Math.round(last.y));
  await screen.touchStart(Math.round(first!.x), Math.round(first!.y));
  for (const p of rest) {
    await new Promise((r) => setTimeout(r, pauseMs));
    await screen.touchMove(Math.round(p.x), Math.round(p.y));
  }
  await new Promise((r) => setTimeout(r, pauseMs));
  await screen.touchEnd();
}

/** A tap: a finger down and up at one point. */
export const tap = (tab: Tab, at: Point) => touch(tab, [at], 40);

/** A finger drawn from `from` to `to` in `steps` moves, `pauseMs` apart (slower is a drag, quicker a flick). */
export function swipe(tab: Tab, from: Point, to: Point, steps = 8, pauseMs = 16): Promise<void> {
  const points = Array.from({ length: steps + 1 }, (_, i) => ({ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }));
  return touch(tab, points, pauseMs);
}
