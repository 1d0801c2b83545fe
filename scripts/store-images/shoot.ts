/**
 * Store images from the built Chrome extension, in Debian's Chromium through Playwright:
 * for each language and colour scheme, a card on an article, the popup over that article and
 * the options page, at 1280×800; and a 440×280 promotional tile per language.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, type ExtensionBrowser, type Tab } from '../../tests/e2e/support/browsers';
import { readCard, waitForCard } from '../../tests/e2e/support/card-view';
import { colorScheme, moveMouse, pointAtText } from '../../tests/e2e/support/input';
import { openPopupFor, toFront } from '../../tests/e2e/support/popup';
import { startServer, type TestServer } from '../../tests/e2e/support/server';
import { highlightCss, highlightName } from '../../lib/annotate/highlights';
import { ARTICLES, articleHtml, type StoreLang } from './articles';

export const SCREEN = { width: 1280, height: 800 } as const;
export const TILE = { width: 440, height: 280 } as const;
export const LANGS: readonly StoreLang[] = ['en', 'tr', 'ru'];
export const SCHEMES = ['light', 'dark'] as const;
export const SCENES = ['card', 'popup', 'options'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const screenshotName = (lang: StoreLang, scene: (typeof SCENES)[number], scheme: Scheme) => `${lang}-${scene}-${scheme}.png`;
export const tileName = (lang: StoreLang) => `${lang}-tile-440x280.png`;

const raw = (tab: Tab) => tab.raw as Page;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openArticle(browser: ExtensionBrowser, server: TestServer, lang: StoreLang, scheme: Scheme): Promise<Tab> {
  const tab = await browser.newTab();
  await raw(tab).setViewportSize(SCREEN);
  await colorScheme(tab, scheme);
  await tab.goto(server.url(`/world/${lang}/treaty`));
  // The starter pack arrives in a new profile a moment after install; wait for its highlights.
  await tab.waitFor(() => {
    let n = 0;
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('gloss-') && name !== 'gloss-focus') n += h.size;
    });
    return n >= 6;
  }, undefined, 30_000);
  return tab;
}

async function cardScene(tab: Tab, lang: StoreLang): Promise<Buffer> {
  const { hover, cardName } = ARTICLES[lang];
  await toFront(tab);
  // The mention is in the first paragraph; aligning that paragraph's end keeps the page at its top.
  const at = await pointAtText(tab, 'article p', hover, 'end');
  await moveMouse(tab, at.x - 40, at.y + 60);
  await moveMouse(tab, at.x, at.y);
  const card = await waitForCard(tab, (c) => c.name === cardName, 15_000);
  if (card?.name !== cardName) throw new Error(`${lang}: no card for "${hover}"; saw ${JSON.stringify(await readCard(tab))}`);
  await pause(500); // past the card's short entrance
  return raw(tab).screenshot();
}

async function popupScene(browser: ExtensionBrowser, article: Tab, scheme: Scheme): Promise<Buffer> {
  await article.evaluate(() => window.scrollTo(0, 0));
  const articleShot = await raw(article).screenshot();
  const popup = await openPopupFor(browser, article.url());
  await colorScheme(popup, scheme);
  await raw(popup).setViewportSize({ width: 380, height: 800 });
  await popup.waitFor(() => document.querySelectorAll('[data-testid="page-entities"] button.entity').length >= 4, undefined, 20_000);
  await pause(300);
  const panel = await raw(popup).locator('main.popup').screenshot();
  await popup.close();
  // The popup as the toolbar shows it: a panel at the top right over the page it is about.
  const frame = await browser.newTab();
  await raw(frame).setViewportSize(SCREEN);
  await colorScheme(frame, scheme);
  await raw(frame).setContent(`<!doctype html><html><body style="margin:0;overflow:hidden">
<img src="data:image/png;base64,${articleShot.toString('base64')}" style="position:absolute;inset:0;filter:brightness(${scheme === 'dark' ? 0.8 : 0.94})">
<img src="data:image/png;base64,${panel.toString('base64')}" style="position:absolute;top:10px;right:16px;max-height:780px;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35),0 0 0 1px rgba(0,0,0,.12)">
</body></html>`);
  const shot = await raw(frame).screenshot();
  await frame.close();
  return shot;
}

async function optionsScene(browser: ExtensionBrowser, scheme: Scheme): Promise<Buffer> {
  const tab = await browser.openExtensionPage('options.html');
  await raw(tab).setViewportSize(SCREEN);
  await colorScheme(tab, scheme);
  await tab.waitFor(() => document.querySelector('[data-testid="pack"]') !== null, undefined, 20_000);
  await pause(300);
  const shot = await raw(tab).screenshot();
  await tab.close();
  return shot;
}

/** The tile: the icon, the name, and a line with names marked as Gloss marks them. */
async function tile(browser: ExtensionBrowser, lang: StoreLang): Promise<Buffer> {
  const icon = await readFile('public/icon/128.png');
  const a = ARTICLES[lang];
  const tab = await browser.newTab();
  await raw(tab).setViewportSize(TILE);
  await colorScheme(tab, 'light');
  await raw(tab).setContent(`<!doctype html><html lang="${lang}"><head><style>
  body { margin:0; width:440px; height:280px; box-sizing:border-box; padding:28px 30px; background:linear-gradient(135deg,#f7f4ee,#e9eef7);
         font-family:'DejaVu Sans',Arial,sans-serif; color:#1d1d1f; overflow:hidden; }
  header { display:flex; align-items:center; gap:16px; }
  img { width:64px; height:64px; }
  h1 { margin:0; font-size:42px; letter-spacing:.01em; }
  .tag { margin:14px 0 16px; font-size:17px; font-weight:600; color:#3c4043; }
  .line { font:16px/1.55 Georgia,'DejaVu Serif',serif; color:#2b2b2e; }
  ${highlightCss({ style: 'background', hidden: [] })}
</style></head><body>
<header><img alt="" src="data:image/png;base64,${icon.toString('base64')}"><h1>Gloss</h1></header>
<div class="tag">${a.tagline}</div>
<div class="line" id="line"></div>
</body></html>`);
  // The same highlight names and colours as on a page, over the article's first sentence.
  await raw(tab).evaluate(
    ([text, marks]) => {
      const line = document.getElementById('line')!;
      line.textContent = text;
      const node = line.firstChild!;
      for (const [name, word] of marks) {
        const at = text.indexOf(word);
        if (at < 0) continue;
        const range = new Range();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const h = CSS.highlights.get(name) ?? new Highlight();
        h.add(range);
        CSS.highlights.set(name, h);
      }
    },
    [a.tileSentence, a.tileNames.map((n, i): [string, string] => [highlightName(i < 2 ? 'person' : 'place'), n])] as const,
  );
  const overflow = await raw(tab).evaluate(() => document.body.scrollHeight - innerHeight);
  if (overflow > 0) throw new Error(`${lang}: the tile's text runs ${overflow} px past its 280`);
  const shot = await raw(tab).screenshot();
  await tab.close();
  return shot;
}

export interface StoreImagesResult {
  files: string[];
}

/** Writes every store image into `outDir`; `log` hears each file as it is written. */
export async function makeStoreImages(outDir: string, log: (line: string) => void = () => {}): Promise<StoreImagesResult> {
  await mkdir(outDir, { recursive: true });
  const server = await startServer();
  for (const lang of LANGS) server.put(`/world/${lang}/treaty`, articleHtml(lang));
  const files: string[] = [];
  const save = async (name: string, png: Buffer) => {
    await writeFile(join(outDir, name), png);
    files.push(name);
    log(`  ${join(outDir, name)} (${Math.round(png.byteLength / 1024)} KB)`);
  };
  try {
    for (const lang of LANGS) {
      const browser = await launch('chromium', lang === 'en' ? {} : { locale: lang });
      try {
        for (const scheme of SCHEMES) {
          const article = await openArticle(browser, server, lang, scheme);
          await save(screenshotName(lang, 'card', scheme), await cardScene(article, lang));
          await moveMouse(article, 5, 5); // the card closes, so the popup's backdrop is the plain article
          await pause(600);
          await save(screenshotName(lang, 'popup', scheme), await popupScene(browser, article, scheme));
          await article.close();
          await save(screenshotName(lang, 'options', scheme), await optionsScene(browser, scheme));
        }
        await save(tileName(lang), await tile(browser, lang));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return { files };
}
