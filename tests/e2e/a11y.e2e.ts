import { readFileSync } from 'node:fs';
import type { Page as PwPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { copyGlossUiForAxe, seriousViolations } from './support/axe';
import { launch, type BrowserName, type ExtensionBrowser, type Tab } from './support/browsers';
import { waitForCard } from './support/card-view';
import { useOnlyPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { openPopupFor, toFront, waitForEntities } from './support/popup';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let packUrl: string;
beforeAll(async () => {
  server = await startServer();
  server.put('/world/reuters-article', readFileSync('tests/fixtures/pages/reuters-article.html', 'utf8'));
  const pub = hostPublisher(server, 'a11y-test');
  await pub.publish(NEWS_ENTITIES, NEWS_BRIEFS);
  packUrl = `${pub.base}pack.json`;
});
afterAll(() => server.close());

type Scheme = 'light' | 'dark';
const CASES: [BrowserName, Scheme][] = [
  ['chromium', 'light'],
  ['chromium', 'dark'],
  ['firefox', 'light'],
  ['firefox', 'dark'],
];

describe.each(CASES)('accessibility in %s, %s', (name, scheme) => {
  let browser: ExtensionBrowser;
  let article: Tab;
  /** Chromium emulates the scheme per tab; Firefox was launched in it. */
  const inScheme = async (tab: Tab) => {
    if (name === 'chromium') await (tab.raw as PwPage).emulateMedia({ colorScheme: scheme });
    expect(await tab.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    return tab;
  };

  beforeAll(async () => {
    browser = await launch(name, { colorScheme: scheme });
    await useOnlyPack(browser, packUrl, 'Asia briefs');
    article = await inScheme(await browser.newTab());
    await article.goto(server.url('/world/reuters-article'));
    await article.waitFor(() => document.querySelector('style[data-gloss]') !== null);
  });
  afterAll(() => browser?.close());

  it('the popup, with the page’s entities and briefs, then with a card open, has no serious violations', async () => {
    const popup = await inScheme(await openPopupFor(browser, server.url('/world/reuters-article')));
    await waitForEntities(popup, 11);
    await popup.waitFor(() => document.querySelector('[data-testid="related-briefs"] .brief') !== null);
    expect(await seriousViolations(popup)).toEqual([]);

    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#search-input')!;
      input.value = 'kim';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.waitFor(() => document.querySelector('[data-testid="search-results"] button.result') !== null);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="search-results"] button.result')!.click());
    await popup.waitFor(() => document.querySelector('[data-testid="popup-card"] .body') !== null);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('the options page has no serious violations', async () => {
    const options = await inScheme(await browser.openExtensionPage('options.html'));
    await options.waitFor(() => document.querySelector('[data-testid="languages"] li') !== null && document.querySelector('[data-testid="pack"]') !== null);
    // With the reset question showing, its buttons are checked too.
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="reset"]')!.click());
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it('a card on the page has no serious violations', async () => {
    const popup = await openPopupFor(browser, server.url('/world/reuters-article'));
    await waitForEntities(popup, 11);
    await toFront(article);
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('button.entity')!.click());
    const card = await waitForCard(article, (c) => c.name === 'Choe Son Hui' && c.text.includes('Developments in Asia-Pacific'));
    expect(card?.name).toBe('Choe Son Hui');
    await popup.close();
    const copy = await copyGlossUiForAxe(article);
    expect(await article.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.querySelector('.card') !== null, copy)).toBe(true);
    expect(await seriousViolations(article, copy)).toEqual([]);
  });
});
