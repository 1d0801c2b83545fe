import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type ExtensionBrowser } from './support/browsers';
import { startServer, type TestServer } from './support/server';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Seoul and Tokyo talk</title></head>
<body><main><article><h1>Envoys meet in Seoul</h1>
<p>Diplomats from three capitals met on Tuesday to discuss shipping lanes.</p></article></main></body></html>`;

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

  it('installs, runs on a default news site and gets an answer from the background', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/envoys-meet'));
    // The highlight style is added only once the background has answered that Gloss is on here.
    await tab.waitFor(() => document.head.querySelector('style[data-gloss]') !== null);
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
    expect(await tab.evaluate(() => document.title)).toBe('Seoul and Tokyo talk');
    await tab.close();
  });
});
