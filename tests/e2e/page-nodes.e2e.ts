import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './support/browsers';
import { waitForCard } from './support/card-view';
import { readHighlights } from './support/highlights';
import { moveMouse, pointAtText, press } from './support/input';
import { useOnlyPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { openPopupFor, toFront } from './support/popup';
import { startServer, type TestServer } from './support/server';

// A single-page news app, written for this test. It records every element added to the
// document: it has no other scripts, so whatever else is added is Gloss's.
const APP = (first: [string, string]) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour news</title></head>
<body><nav><a id="nav-home" href="/">Home</a></nav><main><article id="story"><h1></h1><p id="lead"></p></article></main>
<script>
  window.__added = [];
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) window.__added.push(n.localName);
  }).observe(document, { childList: true, subtree: true });
  const stories = {
    '/world/quiet': ['Ferry timetable kept', 'The harbour master said the winter ferries would keep their times.'],
    '/world/talks': ['Talks resume', 'Choe Son Hui met Sergei Lavrov on Tuesday, and Russia called the talks useful.'],
  };
  const show = ([title, body]) => {
    const article = document.createElement('article');
    article.id = 'story';
    article.innerHTML = '<h1></h1><p id="lead"></p>';
    article.querySelector('h1').textContent = title;
    article.querySelector('p').textContent = body;
    document.querySelector('main').replaceChildren(article);
  };
  window.navigateTo = (path) => { history.pushState({}, '', path); show(stories[path]); };
  show(${JSON.stringify(first)});
</script></body></html>`;

const QUIET: [string, string] = ['Lighthouse repaired', 'Work on the old lighthouse ended on Monday, a week early, the council said.'];
const NAMED: [string, string] = ['Envoys gather', 'Choe Son Hui met envoys on Monday, and North Korea said little afterwards.'];

let server: TestServer;
let packUrl: string;
beforeAll(async () => {
  server = await startServer();
  server.put('/world/lighthouse', APP(QUIET));
  server.put('/world/envoys', APP(NAMED));
  const pub = hostPublisher(server, 'page-nodes-test');
  await pub.publish(NEWS_ENTITIES, NEWS_BRIEFS);
  packUrl = `${pub.base}pack.json`;
});
afterAll(() => server.close());

/** Gloss's nodes in the document now, and every element Gloss ever added to it. */
const glossNodes = (tab: Tab) =>
  tab.evaluate(() => ({
    now: [...document.querySelectorAll('gloss-host, style')].map((el) => el.localName),
    added: (window as unknown as { __added: string[] }).__added.filter((n) => !['article', 'h1', 'p'].includes(n)),
  }));

/** Waits for Gloss's nodes to be exactly `expected` (they come and go a moment after the names). */
async function waitForNodes(tab: Tab, expected: string[]) {
  await tab
    .waitFor((want) => JSON.stringify([...document.querySelectorAll('gloss-host, style')].map((el) => el.localName).sort()) === JSON.stringify(want), [...expected].sort(), 10_000)
    .catch(() => {});
  return (await glossNodes(tab)).now.sort();
}

describe.each(BROWSERS)('what Gloss adds to a page in %s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
    await useOnlyPack(browser, packUrl, 'Asia briefs');
  });
  afterAll(() => browser?.close());

  it('adds nothing to a page that names no known entity, even after reading it', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/lighthouse'));
    // The popup asks the page what it names: Gloss has read the story and found no one.
    const popup = await openPopupFor(browser, server.url('/world/lighthouse'));
    await popup.waitFor(() => document.querySelector('[data-testid="page-entities"] p.muted') !== null, undefined, 20_000);
    await popup.close();
    await toFront(tab);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await glossNodes(tab)).toEqual({ now: [], added: [] });
    expect(await readHighlights(tab)).toEqual([]);

    // The page moves on to a story with names: now Gloss shows them, with its style and its host.
    await tab.evaluate(() => (window as unknown as { navigateTo(p: string): void }).navigateTo('/world/talks'));
    await tab.waitFor(() => document.querySelector('style[data-gloss]') !== null);
    expect(await waitForNodes(tab, ['gloss-host', 'style'])).toEqual(['gloss-host', 'style']);
    expect((await readHighlights(tab)).map((h) => h.text)).toEqual(['Choe Son Hui', 'Sergei Lavrov', 'Russia']);
    await tab.close();
  });

  it('takes its style and host away when the names go, and the card still opens when they are back', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/envoys'));
    await tab.waitFor(() => document.querySelector('style[data-gloss]') !== null);
    expect(await waitForNodes(tab, ['gloss-host', 'style'])).toEqual(['gloss-host', 'style']);

    // A single-page navigation to a story without names.
    await tab.evaluate(() => (window as unknown as { navigateTo(p: string): void }).navigateTo('/world/quiet'));
    expect(await waitForNodes(tab, [])).toEqual([]);
    expect(await readHighlights(tab)).toEqual([]);

    // Names again (another navigation): style and host come back, and the card opens by hover and by keyboard.
    await tab.evaluate(() => (window as unknown as { navigateTo(p: string): void }).navigateTo('/world/talks'));
    expect(await waitForNodes(tab, ['gloss-host', 'style'])).toEqual(['gloss-host', 'style']);
    const at = await pointAtText(tab, '#lead', 'Sergei Lavrov');
    await moveMouse(tab, at.x, at.y);
    expect((await waitForCard(tab, (c) => c.name === 'Sergei Lavrov'))?.role).toBe('tooltip');
    await moveMouse(tab, 4, 4);
    expect(await waitForCard(tab, null, 3000)).toBeNull();
    await tab.evaluate(() => document.getElementById('nav-home')!.focus());
    await press(tab, 'Alt+Shift+KeyJ');
    expect((await waitForCard(tab, (c) => c.label === 'Choe Son Hui'))?.role).toBe('dialog');
    await press(tab, 'Escape');
    expect(await waitForCard(tab, null, 3000)).toBeNull();

    // The story itself replaced in place by one without names.
    await tab.evaluate(() => {
      document.getElementById('lead')!.textContent = 'The harbour master said nothing more on Wednesday.';
    });
    expect(await waitForNodes(tab, [])).toEqual([]);
    await tab.close();
  });
});
