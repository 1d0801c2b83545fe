import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyGlossUiForAxe, seriousViolations } from './support/axe';
import { BROWSERS, launch, PHONE, type ExtensionBrowser, type Tab } from './support/browsers';
import { waitForCard, waitForNotice } from './support/card-view';
import { inGlossUi } from './support/gloss-ui';
import { colorScheme, pointAtText, screenshot } from './support/input';
import { useOnlyPack } from './support/options';
import { openArticle as open, servePhonePages } from './support/phone';
import { openPopupFor, waitForEntities } from './support/popup';
import type { TestServer } from './support/server';
import { tap } from './support/touch';

// Gloss on a phone's screen: the notice, the bottom sheet's looks and accessibility, the popup
// and the options page at 360 px. The gestures are in touch.e2e.ts.
let server: TestServer;
let packUrl: string;
beforeAll(async () => ({ server, packUrl } = await servePhonePages()));
afterAll(() => server.close());

const openArticle = (tab: Tab) => open(tab, server);

describe.each(BROWSERS)('small screens in %s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name, { mobile: true });
    await useOnlyPack(browser, packUrl, 'Asia briefs');
  });
  afterAll(() => browser?.close());

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
