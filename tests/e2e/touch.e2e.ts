import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, PHONE, type ExtensionBrowser, type Tab } from './support/browsers';
import { readCard, waitForCard } from './support/card-view';
import { inGlossUi } from './support/gloss-ui';
import { pointAtText } from './support/input';
import { useOnlyPack } from './support/options';
import { buttonAt, controls, nameBox, openArticle as open, servePhonePages } from './support/phone';
import type { TestServer } from './support/server';
import { swipe, tap } from './support/touch';

// Taps and swipes as a finger makes them, on a phone (and a tablet); the layout of small
// screens (notice, popup, options, themes, accessibility) is in small-screens.e2e.ts.
let server: TestServer;
let packUrl: string;
beforeAll(async () => ({ server, packUrl } = await servePhonePages()));
afterAll(() => server.close());

const openArticle = (tab: Tab) => open(tab, server);
const viewport = (tab: Tab) => tab.evaluate(() => ({ width: innerWidth, height: innerHeight, scrollY }));

describe.each(BROWSERS)('touch in %s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name, { mobile: true });
    await useOnlyPack(browser, packUrl, 'Asia briefs');
  });
  afterAll(() => browser?.close());

  it('a tap on a name opens its card as a bottom sheet beside the name, a tap elsewhere closes it', async () => {
    const tab = await browser.newTab();
    await openArticle(tab);
    expect(await viewport(tab)).toMatchObject(PHONE);
    const at = await pointAtText(tab, '[data-testid="paragraph-0"]', 'Choe Son Hui');
    await tap(tab, at);
    await waitForCard(tab, (c) => c.name === 'Choe Son Hui' && c.text.includes('Developments in Asia-Pacific'));
    // Past the short entrance movement.
    await new Promise((r) => setTimeout(r, 400));
    const card = await readCard(tab);
    expect(card).toMatchObject({ role: 'dialog', label: 'Choe Son Hui', kind: 'Person' });
    // The full width of the screen, on its bottom edge, no taller than 60 % of it.
    expect(card!.rect.x).toBe(0);
    // (Firefox on a desktop keeps a classic scrollbar beside the page; a phone's overlays it.)
    expect(card!.rect.width).toBe(await tab.evaluate(() => document.documentElement.clientWidth));
    expect(Math.abs(card!.rect.y + card!.rect.height - PHONE.height)).toBeLessThanOrEqual(1);
    expect(card!.rect.height).toBeLessThanOrEqual(PHONE.height * 0.6 + 1);
    // The name stays in sight above the sheet.
    expect((await nameBox(tab, '[data-testid="paragraph-0"]', 'Choe Son Hui')).bottom).toBeLessThanOrEqual(card!.rect.y);
    // Every control is at least 44 px each way.
    const small = (await controls(tab))!.filter((c) => c.width < 44 || c.height < 44);
    expect(small).toEqual([]);
    // A tap on the page's text outside any name: the card closes.
    const elsewhere = await pointAtText(tab, '[data-testid="Heading"]', 'Ministers');
    expect(elsewhere.y).toBeLessThan(card!.rect.y);
    await tap(tab, elsewhere);
    expect(await waitForCard(tab, null, 3000)).toBeNull();

    // The close button closes it too.
    await tap(tab, await pointAtText(tab, '[data-testid="paragraph-0"]', 'Choe Son Hui'));
    await waitForCard(tab, (c) => c.name === 'Choe Son Hui');
    await new Promise((r) => setTimeout(r, 300));
    await tap(tab, (await buttonAt(tab, 'Close'))!);
    expect(await waitForCard(tab, null, 3000)).toBeNull();
    await tab.close();
  });

  it('on a tablet a tapped card stands beside its name, with the same finger-sized controls', async () => {
    const tab = await browser.newTab();
    if (name === 'chromium') await (tab.raw as PwPage).setViewportSize({ width: 820, height: 1180 });
    else await (tab.raw as PpPage).setViewport({ width: 820, height: 1180 });
    await openArticle(tab);
    const at = await pointAtText(tab, '[data-testid="paragraph-0"]', 'Choe Son Hui');
    await tap(tab, at);
    await waitForCard(tab, (c) => c.name === 'Choe Son Hui' && c.text.includes('Developments in Asia-Pacific'));
    await new Promise((r) => setTimeout(r, 400));
    const card = (await readCard(tab))!;
    expect(card.role).toBe('dialog');
    expect(await inGlossUi(tab, (root) => root.querySelector('.card')!.classList.contains('sheet'))).toBe(false);
    // Below the name, not across the screen.
    const box = await nameBox(tab, '[data-testid="paragraph-0"]', 'Choe Son Hui');
    expect(card.rect.y).toBeGreaterThanOrEqual(box.bottom);
    expect(card.rect.width).toBeLessThan(500);
    expect((await controls(tab))!.filter((c) => c.width < 44 || c.height < 44)).toEqual([]);
    await tap(tab, await pointAtText(tab, '[data-testid="Heading"]', 'Ministers'));
    expect(await waitForCard(tab, null, 3000)).toBeNull();
    await tab.close();
  });

  it('a name inside a link: the first tap opens its card with "Open link", the second tap follows the link', async () => {
    const tab = await browser.newTab();
    await openArticle(tab);
    const putin = await pointAtText(tab, '#link-putin', 'Vladimir Putin');
    await tap(tab, putin);
    const card = await waitForCard(tab, (c) => c.name === 'Vladimir Putin');
    expect(card!.buttons).toContain('Open link');
    // The first tap was held back from the page: still here.
    await new Promise((r) => setTimeout(r, 500));
    expect(await tab.evaluate(() => location.pathname)).toBe('/world/mobile-article');
    // The header's button follows the page's link.
    await new Promise((r) => setTimeout(r, 300));
    await tap(tab, (await buttonAt(tab, 'Open link'))!);
    await tab.waitFor(() => location.pathname === '/world/followed');

    // Again, and this time the second tap on the name itself follows the link.
    await openArticle(tab);
    const again = await pointAtText(tab, '#link-putin', 'Vladimir Putin');
    await tap(tab, again);
    await waitForCard(tab, (c) => c.name === 'Vladimir Putin');
    const now = await nameBox(tab, '#link-putin', 'Vladimir Putin');
    await new Promise((r) => setTimeout(r, 400));
    await tap(tab, { x: again.x, y: (now.top + now.bottom) / 2 });
    await tab.waitFor(() => location.pathname === '/world/followed');
    await tab.close();
  });

  it('a long sheet scrolls under the finger and a swipe down on its header closes it; a short drag does not', async () => {
    const tab = await browser.newTab();
    await openArticle(tab);
    await tap(tab, await pointAtText(tab, '[data-testid="paragraph-5"]', 'Operation Nightglass'));
    await waitForCard(tab, (c) => c.name.startsWith('Operation Nightglass'));
    await new Promise((r) => setTimeout(r, 400));
    const card = await readCard(tab);
    // The sheet scrolls as a whole under its header (the note and "Not this" scroll with the body).
    const body = () => inGlossUi(tab, (root) => { const c = root.querySelector('.card')!; const h = c.querySelector('.head')!.getBoundingClientRect(); const r = c.getBoundingClientRect(); return { top: h.bottom, bottom: r.bottom, scrollTop: c.scrollTop, overflow: c.scrollHeight - c.clientHeight }; });
    const before = (await body())!;
    expect(before.overflow).toBeGreaterThan(0);
    const x = PHONE.width / 2;
    if (name === 'chromium') {
      // A finger drawn up over the sheet below its header scrolls it.
      await swipe(tab, { x, y: before.bottom - 30 }, { x, y: before.top + 20 }, 10, 30);
    } else {
      // Firefox's WebDriver touch input reaches the page as events but never pans (it bypasses
      // the browser's own scrolling): the body must let a finger pan it, and a wheel scrolls it.
      expect(await inGlossUi(tab, (root) => getComputedStyle(root.querySelector('.card')!).touchAction)).toBe('pan-y');
      const mouse = (tab.raw as PpPage).mouse;
      await mouse.move(x, (before.top + before.bottom) / 2);
      await mouse.wheel({ deltaY: 200 });
    }
    await new Promise((r) => setTimeout(r, 600));
    expect((await body())!.scrollTop).toBeGreaterThan(20);
    // The page behind stayed where it was.
    expect((await readCard(tab))?.name).toBe(card!.name);

    const head = (await inGlossUi(tab, (root) => { const r = root.querySelector('.card .head')!.getBoundingClientRect(); return { x: r.left + 60, y: r.top + 12 }; }))!;
    // A short, slow drag: the sheet springs back.
    await swipe(tab, head, { x: head.x, y: head.y + 30 }, 6, 60);
    await new Promise((r) => setTimeout(r, 500));
    expect((await readCard(tab))?.rect.y).toBeCloseTo(card!.rect.y, 0);
    // A swipe down: it closes.
    await swipe(tab, head, { x: head.x, y: head.y + 220 }, 10, 16);
    expect(await waitForCard(tab, null, 3000)).toBeNull();
    await tab.close();
  });

  it('a name near the bottom of the screen is never covered by the sheet', async () => {
    const tab = await browser.newTab();
    await openArticle(tab);
    const at = await pointAtText(tab, '[data-testid="paragraph-9"]', 'Sergei Lavrov', 'end');
    expect(at.y).toBeGreaterThan(PHONE.height * 0.5);
    await tap(tab, at);
    await waitForCard(tab, (c) => c.name === 'Sergei Lavrov');
    await new Promise((r) => setTimeout(r, 400));
    const sheet = (await readCard(tab))!;
    const box = await nameBox(tab, '[data-testid="paragraph-9"]', 'Sergei Lavrov');
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(PHONE.height);
    // The last line of the page cannot be scrolled up: the sheet stands above the name instead.
    const clear = box.bottom <= sheet.rect.y || box.top >= sheet.rect.y + sheet.rect.height;
    expect({ clear, box, sheet: sheet.rect }).toMatchObject({ clear: true });
    expect(sheet.rect.height).toBeGreaterThanOrEqual(160);
    await tab.close();
  });

  it('highlights grow with a larger text size, and a tap still finds the name', async () => {
    const tab = await browser.newTab();
    await openArticle(tab);
    /** The underline Gloss draws under a person's name, as the page computes it, and the text's size. */
    const look = () =>
      tab.evaluate(() => {
        const p = document.querySelector('[data-testid="paragraph-0"]')!;
        const mark = getComputedStyle(p, '::highlight(gloss-person)');
        return { thickness: parseFloat(mark.textDecorationThickness), offset: parseFloat(mark.textUnderlineOffset), font: parseFloat(getComputedStyle(p).fontSize) };
      });
    const normal = await look();
    expect(normal.thickness).toBeGreaterThanOrEqual(2);
    // The reader's larger text size (a page style here, as the browser's setting would scale the text).
    await tab.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { font-size: 40px !important; }';
      document.head.append(style);
    });
    const large = await look();
    expect(large.font).toBe(40);
    expect(large.thickness / large.font).toBeCloseTo(normal.thickness / normal.font, 1);
    expect(large.offset).toBeGreaterThan(normal.offset * 2);
    await tap(tab, await pointAtText(tab, '[data-testid="paragraph-0"]', 'Choe Son Hui'));
    expect((await waitForCard(tab, (c) => c.name === 'Choe Son Hui'))?.name).toBe('Choe Son Hui');
    await tab.close();
  });

  if (name === 'chromium') {
    // Only Chromium's protocol can pinch; Firefox's WebDriver touch input does not zoom.
    it('on a pinch-zoomed page the sheet is drawn at its usual size on screen, with its close button in reach', async () => {
      const tab = await browser.newTab();
      await openArticle(tab);
      const page = tab.raw as PwPage;
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.synthesizePinchGesture', { x: 200, y: 200, scaleFactor: 2 });
      await cdp.detach();
      const view = () => tab.evaluate(() => ({ scale: visualViewport!.scale, left: visualViewport!.offsetLeft, top: visualViewport!.offsetTop, width: visualViewport!.width, height: visualViewport!.height }));
      await tab.waitFor(() => visualViewport!.scale > 1.9);
      const v = await view();
      // Touch points are given relative to the part of the page on screen.
      const onScreen = (p: { x: number; y: number }) => ({ x: p.x - v.left, y: p.y - v.top });
      const at = await tab.evaluate(() => {
        const text = document.querySelector('[data-testid="paragraph-0"]')!.firstChild!;
        const range = document.createRange();
        range.setStart(text, text.textContent!.indexOf('Choe'));
        range.setEnd(text, text.textContent!.indexOf('Choe') + 12);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, top: r.top, bottom: r.bottom };
      });
      expect(at.y).toBeGreaterThan(v.top);
      expect(at.y).toBeLessThan(v.top + v.height);
      await tap(tab, onScreen(at));
      await waitForCard(tab, (c) => c.name === 'Choe Son Hui');
      await new Promise((r) => setTimeout(r, 400));
      const card = (await readCard(tab))!;
      expect((await view()).scale).toBeCloseTo(v.scale, 1);
      // The whole sheet is within the zoomed view, across its width, on its bottom edge; the name is above it.
      expect(card.rect.x).toBeCloseTo(v.left, 0);
      expect(card.rect.width).toBeCloseTo(v.width, 0);
      expect(card.rect.y + card.rect.height).toBeCloseTo(v.top + v.height, 0);
      expect(at.bottom).toBeLessThanOrEqual(card.rect.y);
      const close = (await buttonAt(tab, 'Close'))!;
      expect(close.x).toBeLessThan(v.left + v.width);
      expect(close.y).toBeLessThan(v.top + v.height);
      await tap(tab, onScreen(close));
      expect(await waitForCard(tab, null, 3000)).toBeNull();
      await tab.close();
    });
  }

});
