import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { launch, type BrowserName, type ExtensionBrowser, type Tab } from './support/browsers';
import { colorScheme } from './support/input';
import { useOnlyPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { startServer, type TestServer } from './support/server';

// A linked name: the page's own link underline sits where Gloss's dotted underline does.
const PAGE = readFileSync('tests/fixtures/pages/cards-article.html', 'utf8').replace(
  '</style>',
  'body{font-size:32px} a{color:#0645ad} @media (prefers-color-scheme: dark){body{background:#111;color:#eee} a{color:#8ab4f8}}</style>',
);

let server: TestServer;
let packUrl: string;
beforeAll(async () => {
  server = await startServer();
  server.put('/world/cards-article', PAGE);
  const pub = hostPublisher(server, 'link-marks');
  await pub.publish(NEWS_ENTITIES, NEWS_BRIEFS);
  packUrl = `${pub.base}pack.json`;
});
afterAll(() => server.close());

/** A screenshot of the link's box, as PNG bytes. */
async function shootLink(tab: Tab, name: BrowserName): Promise<Buffer> {
  const box = await tab.evaluate((documentCoordinates) => {
    const a = document.getElementById('link-putin')!;
    a.scrollIntoView({ block: 'center' });
    const r = a.getBoundingClientRect();
    // Playwright clips in the viewport's coordinates, puppeteer in the document's.
    const [dx, dy] = documentCoordinates ? [scrollX, scrollY] : [0, 0];
    return { x: Math.floor(r.x + dx), y: Math.floor(r.y + dy), width: Math.ceil(r.width), height: Math.ceil(r.height) };
  }, name === 'firefox');
  const bytes = await (tab.raw as PwPage | PpPage).screenshot({ clip: box, type: 'png' } as never);
  return Buffer.from(bytes as Uint8Array);
}

/**
 * The share of the link's pixels that the mark changes perceptibly (by 15 or more in some
 * channel). The pictures are decoded by the browser itself, on a canvas.
 */
async function changedShare(tab: Tab, marked: Buffer, plain: Buffer): Promise<number> {
  return tab.evaluate(async ([a, b]) => {
    const pixels = async (b64: string) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const [p, q] = [await pixels(a!), await pixels(b!)];
    let changed = 0;
    for (let i = 0; i < p.length; i += 4) {
      if (Math.max(Math.abs(p[i]! - q[i]!), Math.abs(p[i + 1]! - q[i + 1]!), Math.abs(p[i + 2]! - q[i + 2]!)) >= 15) changed++;
    }
    return changed / (p.length / 4);
  }, [marked.toString('base64'), plain.toString('base64')] as [string, string]);
}

async function setStyle(browser: ExtensionBrowser, style: 'underline' | 'background') {
  const options = await browser.openExtensionPage('options.html');
  await options.waitFor(() => document.querySelector('[data-testid="appearance"]') !== null);
  await options.evaluate((v) => document.querySelector<HTMLInputElement>(`input[name="highlightStyle"][value="${v}"]`)!.click(), style);
  await options.close();
}

async function checkLinkMark(browser: ExtensionBrowser, name: BrowserName, scheme: 'light' | 'dark') {
  for (const style of ['underline', 'background'] as const) {
    await setStyle(browser, style);
    const tab = await browser.newTab();
    if (name === 'chromium') await colorScheme(tab, scheme);
    await tab.goto(server.url('/world/cards-article'));
    await tab.waitFor(() => CSS.highlights.get('gloss-person-link')?.size === 1);
    await tab.waitFor((s) => document.querySelector('style[data-gloss]')?.textContent?.includes('dotted') === (s === 'underline'), style);
    const marked = await shootLink(tab, name);
    // The same link without Gloss's marks, for comparison.
    await tab.evaluate(() => CSS.highlights.clear());
    const plain = await shootLink(tab, name);
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/link-mark-${name}-${scheme}-${style}.png`, marked);
    expect(await changedShare(tab, marked, plain), `${style}, ${scheme}`).toBeGreaterThan(0.5);
    await tab.close();
  }
}

describe('a name inside a link keeps a visible mark', () => {
  it.each([['light'], ['dark']] as const)('in chromium, %s page, both styles', async (scheme) => {
    const browser = await launch('chromium');
    try {
      await useOnlyPack(browser, packUrl, 'Asia briefs');
      await checkLinkMark(browser, 'chromium', scheme);
    } finally {
      await browser.close();
    }
  });

  // Firefox takes its colour scheme from a preference set at launch: a browser per scheme.
  it.each([['light'], ['dark']] as const)('in firefox, %s page, both styles', async (scheme) => {
    const browser = await launch('firefox', { colorScheme: scheme });
    try {
      await useOnlyPack(browser, packUrl, 'Asia briefs');
      await checkLinkMark(browser, 'firefox', scheme);
    } finally {
      await browser.close();
    }
  });
});
