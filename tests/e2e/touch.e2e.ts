import { mkdirSync, readFileSync } from 'node:fs';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileRecords } from '../fixtures/hostile-pack';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { copyGlossUiForAxe, seriousViolations } from './support/axe';
import { BROWSERS, launch, PHONE, type ExtensionBrowser, type Tab } from './support/browsers';
import { readCard, waitForCard, waitForNotice } from './support/card-view';
import { inGlossUi } from './support/gloss-ui';
import { colorScheme, pointAtText, screenshot } from './support/input';
import { useOnlyPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { openPopupFor, waitForEntities } from './support/popup';
import { startServer, type TestServer } from './support/server';
import { swipe, tap } from './support/touch';

const page = (name: string) => readFileSync(`tests/fixtures/pages/${name}`, 'utf8');

let server: TestServer;
let packUrl: string;
beforeAll(async () => {
  server = await startServer();
  server.put('/world/mobile-article', page('mobile-article.html'));
  server.put('/world/mobile-cited', page('mobile-cited.html'));
  server.put('/world/followed', '<!doctype html><title>Followed</title><p>The link was followed.</p>');
  const hostile = hostileRecords(server.url('/world/mobile-cited'));
  const pub = hostPublisher(server, 'touch-test');
  await pub.publish([...NEWS_ENTITIES, ...hostile.entities], [...NEWS_BRIEFS, ...hostile.briefs]);
  packUrl = `${pub.base}pack.json`;
  mkdirSync('test-results', { recursive: true });
});
afterAll(() => server.close());

async function openArticle(tab: Tab, path = '/world/mobile-article') {
  await tab.goto(server.url(path));
  await tab.waitFor(() => {
    let n = 0;
    CSS.highlights.forEach((h, name) => {
      if (name !== 'gloss-focus') n += h.size;
    });
    return n >= 5;
  });
}

/** Where a name is on screen now (after any scrolling the card did). */
function nameBox(tab: Tab, selector: string, text: string) {
  return tab.evaluate(
    ([sel, wanted]) => {
      const root = document.querySelector(sel!)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(wanted!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + wanted!.length);
        const r = range.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      }
      throw new Error(`no "${wanted}" in ${sel}`);
    },
    [selector, text],
  );
}

/** The sheet's controls as a finger meets them: every button and link, with its size. */
const controls = (tab: Tab) =>
  inGlossUi(tab, (root) =>
    [...root.querySelectorAll<HTMLElement>('.card button, .card a')].map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.getAttribute('aria-label') ?? el.textContent ?? '', width: r.width, height: r.height };
    }),
  );

/** The centre of a button of the card, found by its accessible name or text. */
const buttonAt = (tab: Tab, name: string) =>
  inGlossUi(
    tab,
    (root, wanted) => {
      const b = [...root.querySelectorAll<HTMLElement>('.card button')].find((el) => el.getAttribute('aria-label') === wanted || el.textContent === wanted);
      if (!b) return null;
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    name,
  );

const viewport = (tab: Tab) => tab.evaluate(() => ({ width: innerWidth, height: innerHeight, scrollY }));

describe.each(BROWSERS)('touch and small screens in %s', (name) => {
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
    const body = () => inGlossUi(tab, (root) => { const b = root.querySelector('.card .body')!; const r = b.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, scrollTop: b.scrollTop, overflow: b.scrollHeight - b.clientHeight }; });
    const before = (await body())!;
    expect(before.overflow).toBeGreaterThan(0);
    const x = PHONE.width / 2;
    if (name === 'chromium') {
      // A finger drawn up over the body scrolls it.
      await swipe(tab, { x, y: before.bottom - 30 }, { x, y: before.top + 20 }, 10, 30);
    } else {
      // Firefox's WebDriver touch input reaches the page as events but never pans (it bypasses
      // the browser's own scrolling): the body must let a finger pan it, and a wheel scrolls it.
      expect(await inGlossUi(tab, (root) => getComputedStyle(root.querySelector('.card .body')!).touchAction)).toBe('pan-y');
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

  it('the cited-page notice fits the phone, with a dismiss button a finger can hit', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/mobile-cited'));
    expect((await waitForNotice(tab))?.text).toContain('Nightglass review');
    const fit = await inGlossUi(tab, (root) => {
      const n = root.querySelector('.notice')!.getBoundingClientRect();
      const b = root.querySelector('.notice button')!.getBoundingClientRect();
      return { left: n.left, right: n.right, top: n.top, bottom: n.bottom, button: { width: b.width, height: b.height } };
    });
    expect(fit!.left).toBeGreaterThanOrEqual(0);
    expect(fit!.right).toBeLessThanOrEqual(PHONE.width);
    expect(fit!.top).toBeGreaterThanOrEqual(0);
    expect(fit!.bottom).toBeLessThanOrEqual(PHONE.height);
    expect(fit!.button.width).toBeGreaterThanOrEqual(44);
    expect(fit!.button.height).toBeGreaterThanOrEqual(44);
    expect(await tab.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await tab.close();
  });

  it('the sheet has no serious accessibility violations, and is drawn light and dark (screenshots in test-results/)', async () => {
    const schemes = name === 'chromium' ? (['light', 'dark'] as const) : (['light'] as const);
    for (const scheme of schemes) {
      const tab = await browser.newTab();
      if (name === 'chromium') await colorScheme(tab, scheme);
      await openArticle(tab);
      await tap(tab, await pointAtText(tab, '[data-testid="paragraph-0"]', 'Choe Son Hui'));
      await waitForCard(tab, (c) => c.name === 'Choe Son Hui' && c.text.includes('Developments in Asia-Pacific'));
      await new Promise((r) => setTimeout(r, 400));
      await screenshot(tab, `test-results/sheet-${scheme}-${name}.png`);
      const copy = await copyGlossUiForAxe(tab);
      expect(await tab.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.querySelector('.card.sheet') !== null, copy)).toBe(true);
      expect(await seriousViolations(tab, copy)).toEqual([]);
      await tab.close();
    }
  });

  it('the popup and the options page fit 360 px with no horizontal scrolling', async () => {
    const narrow = async (tab: Tab) => {
      if (name === 'chromium') await (tab.raw as PwPage).setViewportSize({ width: 360, height: 740 });
      else await (tab.raw as PpPage).setViewport({ width: 360, height: 740 });
      await new Promise((r) => setTimeout(r, 200));
      return tab.evaluate(() => ({
        width: innerWidth,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        // Anything poking out past the right edge, by its test id or tag.
        wide: [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .map((el) => el.dataset.testid ?? el.localName)
          .slice(0, 5),
      }));
    };
    const article = await browser.newTab();
    await openArticle(article);
    const popup = await openPopupFor(browser, server.url('/world/mobile-article'));
    await waitForEntities(popup, 5);
    const p = await narrow(popup);
    expect(p.width).toBe(360);
    expect(p.wide).toEqual([]);
    expect(p.scrollWidth).toBeLessThanOrEqual(p.clientWidth);
    await popup.close();

    const options = await browser.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('[data-testid="languages"] li') !== null && document.querySelector('[data-testid="pack"]') !== null);
    const o = await narrow(options);
    expect(o.width).toBe(360);
    expect(o.wide).toEqual([]);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
    await options.close();
    await article.close();
  });
});

// Firefox takes its colour scheme from a preference set at launch, so the dark sheet gets a browser of its own.
describe('the dark bottom sheet in firefox', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch('firefox', { mobile: true, colorScheme: 'dark' });
    await useOnlyPack(browser, packUrl, 'Asia briefs');
  });
  afterAll(() => browser?.close());

  it('is drawn dark with no serious accessibility violations (screenshot in test-results/)', async () => {
    const tab = await browser.newTab();
    await openArticle(tab);
    expect(await tab.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await tap(tab, await pointAtText(tab, '[data-testid="paragraph-0"]', 'Choe Son Hui'));
    await waitForCard(tab, (c) => c.name === 'Choe Son Hui' && c.text.includes('Developments in Asia-Pacific'));
    expect(await inGlossUi(tab, (root) => getComputedStyle(root.querySelector('.card.sheet')!).backgroundColor)).toBe('rgb(31, 32, 35)');
    await new Promise((r) => setTimeout(r, 400));
    await screenshot(tab, 'test-results/sheet-dark-firefox.png');
    const copy = await copyGlossUiForAxe(tab);
    expect(await seriousViolations(tab, copy)).toEqual([]);
    await tab.close();
  });
});
