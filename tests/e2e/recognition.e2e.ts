import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './support/browsers';
import { event, org, person, readHighlights, state, waitForHighlights } from './support/highlights';
import { useOnlyPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { startServer, type TestServer } from './support/server';

const page = (name: string) => readFileSync(`tests/fixtures/pages/${name}`, 'utf8');

let server: TestServer;
let packUrl: string;
beforeAll(async () => {
  server = await startServer();
  for (const name of ['reuters-article', 'turkish-article', 'russian-article', 'live-blog', 'spa', 'unmatched-places', 'expandable']) {
    server.put(`/world/${name}`, page(`${name}.html`));
  }
  // The single-page app's second route, when loaded directly, is the same document.
  server.put('/world/second', page('spa.html'));
  const pub = hostPublisher(server, 'news-test');
  await pub.publish(NEWS_ENTITIES, NEWS_BRIEFS);
  packUrl = `${pub.base}pack.json`;
});
afterAll(() => server.close());

/** The article as the server sent it, next to the article as it is now. */
async function articleBeforeAndAfter(tab: Tab, selector: string) {
  return tab.evaluate(async (sel) => {
    const sent = await (await fetch(location.href)).text();
    const original = new DOMParser().parseFromString(sent, 'text/html').querySelector(sel)!;
    return { sent: original.outerHTML, now: document.querySelector(sel)!.outerHTML };
  }, selector);
}

describe.each(BROWSERS)('recognition in %s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
    await useOnlyPack(browser, packUrl, 'Asia briefs');
  });
  afterAll(() => browser?.close());

  it('highlights every mention in a Reuters-like article and nothing outside it', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/reuters-article'));
    const expected = [
      state('North Korea'), state('Russia'),
      state('North Korea'), person('Choe Son Hui'), state('United States'), state('South Korea'), state('Japan'), state('Russia'), org('KCNA'),
      person('Choe'), person('Sergei Lavrov'),
      state('U.S.'), event('Vostochny summit'), person('Kim Jong Un'), person('Vladimir Putin'), state('Russia'),
      person('Lavrov'), state('DPRK'),
      person('Putin'), person('Kim Jong-un'),
    ];
    expect(await waitForHighlights(tab, expected)).toEqual(expected);
    const { sent, now } = await articleBeforeAndAfter(tab, 'article');
    expect(now).toBe(sent);
    // Gloss's only additions to the document, outside the story: its style element in the head, and
    // its card layer's host on the root element (both only while there are names: page-nodes.e2e.ts).
    expect(await tab.evaluate(() => document.querySelectorAll('[data-gloss]').length)).toBe(1);
    expect(await tab.evaluate(() => document.head.querySelector('style[data-gloss]') !== null)).toBe(true);
    expect(await tab.evaluate(() => [...document.querySelectorAll('gloss-host')].map((h) => h.parentElement === document.documentElement))).toEqual([true]);
    await tab.close();
  });

  it('reads Turkish: case, dotted İ, apostrophe suffixes', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/turkish-article'));
    const expected = [
      state('KUZEY KORE'), state('RUSYA'),
      state('Kuzey Kore'), person('Choe Son Hui'), state('ABD'), state('Güney Kore'), state('Japonya'), state('Rusya'),
      person('Choe'), state('Rusya'), state('Kuzey Kore'),
      state('Rusya'), person('Sergey Lavrov'),
    ];
    expect(await waitForHighlights(tab, expected)).toEqual(expected);
    await tab.close();
  });

  it('reads Russian: inflected forms, stems, and short forms after the full name', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/russian-article'));
    const expected = [
      state('КНДР'),
      state('КНДР'), person('Чхве Сон Хи'), state('США'), state('Южной Кореи'), state('Японии'), state('России'),
      person('Чхве'), state('Северной Кореи'), state('Россией'),
      person('Сергей Лавров'), person('Лавров'),
      person('Ким Чен Ына'), person('Путина'),
    ];
    expect(await waitForHighlights(tab, expected)).toEqual(expected);
    await tab.close();
  });

  it('never matches inside inputs, editable regions, scripts, templates or attributes; matches code and pre', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/unmatched-places'));
    const expected = [state('North Korea'), state('Japan'), org('KCNA'), state('DPRK')];
    expect(await waitForHighlights(tab, expected)).toEqual(expected);
    await tab.close();
  });

  it('keeps up with a live blog: new posts, text re-rendered in place, posts removed', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/live-blog'));
    expect(await waitForHighlights(tab, [state('North Korea'), state('Japan')])).toEqual([state('North Korea'), state('Japan')]);
    await tab.evaluate(() => (window as unknown as { addPost(id: string, t: string): void }).addPost('post-3', '09:40 Kim Jong Un inspected the launch, KCNA said.'));
    const withNew = [person('Kim Jong Un'), org('KCNA'), state('North Korea'), state('Japan')];
    expect(await waitForHighlights(tab, withNew)).toEqual(withNew);
    await tab.evaluate(() => (window as unknown as { rewritePost(id: string, t: string): void }).rewritePost('post-2', '09:25 South Korea lodged a protest.'));
    const rewritten = [person('Kim Jong Un'), org('KCNA'), state('North Korea'), state('South Korea')];
    expect(await waitForHighlights(tab, rewritten)).toEqual(rewritten);
    await tab.evaluate(() => (window as unknown as { removePost(id: string): void }).removePost('post-1'));
    const pruned = [person('Kim Jong Un'), org('KCNA'), state('South Korea')];
    expect(await waitForHighlights(tab, pruned)).toEqual(pruned);
    const { sent, now } = await articleBeforeAndAfter(tab, 'h1');
    expect(now).toBe(sent);
    await tab.close();
  });

  it('highlights text the reader reveals, and drops it when hidden again', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/expandable'));
    expect(await waitForHighlights(tab, [state('North Korea')])).toEqual([state('North Korea')]);
    await tab.evaluate(() => document.getElementById('more')!.click());
    const all = [state('North Korea'), state('Japan'), state('Russia')];
    expect(await waitForHighlights(tab, all)).toEqual(all);
    await tab.evaluate(() => document.getElementById('more')!.click());
    expect(await waitForHighlights(tab, [state('North Korea')])).toEqual([state('North Korea')]);
    await tab.close();
  });

  it('starts afresh after a single-page navigation', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/spa'));
    const first = [person('Choe Son Hui'), person('Choe')];
    expect(await waitForHighlights(tab, first)).toEqual(first);
    await tab.evaluate(() => (window as unknown as { navigateTo(p: string): void }).navigateTo('/world/second'));
    // On the new story the first "Choe" comes before the full name and stays plain.
    const second = [person('Choe Son Hui'), person('Choe')];
    expect(await waitForHighlights(tab, second)).toEqual(second);
    const texts = await tab.evaluate(() => document.querySelector('article p')!.textContent);
    expect(texts).toMatch(/^Choe said little/);
    expect((await readHighlights(tab)).length).toBe(2);
    await tab.close();
  });
});
