import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type ExtensionBrowser } from './support/browsers';
import { startServer, type TestServer } from './support/server';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Envoys meet</title></head>
<body><main><article><h1>Envoys meet</h1>
<p>Diplomats from North Korea and Japan met on Tuesday to discuss fishing rights.</p></article></main></body></html>`;

/** Gloss's highlighted text on the page, as the page itself sees it. */
const highlighted = () => {
  const out: string[] = [];
  CSS.highlights.forEach((h, name) => {
    if (name.startsWith('gloss-')) h.forEach((r) => out.push(`${name}:${(r as Range).toString()}`));
  });
  return out.sort();
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  server.put('/world/envoys-meet', ARTICLE);
});
afterAll(() => server.close());

describe.each(BROWSERS)('the built extension in %s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
  });
  afterAll(() => browser?.close());

  it('installs with its starter pack, runs on a default news site and highlights from the background’s answer', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/envoys-meet'));
    // Only the background (holding the starter pack, offline) can say what to highlight.
    await tab.waitFor(() => {
      let n = 0;
      CSS.highlights.forEach((h, name) => (n += name.startsWith('gloss-') ? h.size : 0));
      return n >= 2;
    });
    expect(await tab.evaluate(highlighted)).toEqual(['gloss-state:Japan', 'gloss-state:North Korea']);
    // The article itself is untouched.
    expect(await tab.evaluate(() => document.body.querySelectorAll('[data-gloss], gloss-host').length)).toBe(0);
    await tab.close();
  });

  it('does not run on a site outside the list', async () => {
    const tab = await browser.newTab();
    // First prove the script runs in this browser right now, then load a page it must skip.
    await tab.goto(server.url('/world/envoys-meet'));
    await tab.waitFor(() => document.querySelector('style[data-gloss]') !== null);
    await tab.goto(server.url('/world/envoys-meet', '127.0.0.1'));
    await tab.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
    expect(await tab.evaluate(() => document.querySelector('style[data-gloss]') === null)).toBe(true);
    expect(await tab.evaluate(highlighted)).toEqual([]);
    expect(await tab.evaluate(() => document.title)).toBe('Envoys meet');
    await tab.close();
  });
});
