import { readFileSync } from 'node:fs';
import type { Page as PpPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { launch, type ExtensionBrowser, type Tab } from './support/browsers';
import { readHighlights } from './support/highlights';
import { useOnlyPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { flipSwitch, openPopupFor, waitForEntities } from './support/popup';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let packUrl: string;
beforeAll(async () => {
  server = await startServer();
  server.put('/world/reuters-article', readFileSync('tests/fixtures/pages/reuters-article.html', 'utf8'));
  const pub = hostPublisher(server, 'sites-test');
  await pub.publish(NEWS_ENTITIES, NEWS_BRIEFS);
  packUrl = `${pub.base}pack.json`;
});
afterAll(() => server.close());

/** The part of Firefox's extension API these checks read, in the extension's own pages. */
type Permissions = { browser: { permissions: { getAll(): Promise<{ origins: string[] }>; contains(p: { origins: string[] }): Promise<boolean> } } };

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Adds a site on the options page, with a trusted click: the browser asks for a permission only in answer to one. */
async function addSite(browser: ExtensionBrowser, host: string): Promise<Tab> {
  const options = await browser.openExtensionPage('options.html');
  await options.waitFor(() => document.querySelector('input[name="host"]') !== null);
  await options.evaluate((h) => {
    const input = document.querySelector<HTMLInputElement>('input[name="host"]')!;
    input.value = h;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, host);
  await (options.raw as PpPage).click('form.add-site button[type="submit"]');
  await options.waitFor((h) => document.querySelector(`[data-testid="extra-sites"] [data-host="${h}"]`) !== null, host);
  return options;
}

// Firefox alone can be told to grant an optional permission without its prompt, which no
// test can answer; the permission is still asked for from a real click, as a reader would.
describe('turning Gloss on for a site of the reader’s choice, in Firefox', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch('firefox', { firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    await useOnlyPack(browser, packUrl, 'Asia briefs');
  });
  afterAll(() => browser?.close());

  it('asks for that site alone, registers Gloss there, and a page of it is annotated; off and removed, it stops', async () => {
    const elsewhere = server.url('/world/reuters-article', '127.0.0.1');
    const before = await browser.newTab();
    await before.goto(elsewhere);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await before.evaluate(() => document.querySelector('style[data-gloss]'))).toBeNull();
    await before.close();

    const options = await addSite(browser, '127.0.0.1');
    const granted = await options.evaluate(() => (globalThis as unknown as Permissions).browser.permissions.getAll());
    expect(granted.origins).toContain('*://127.0.0.1/*');
    expect(granted.origins).not.toContain('*://*/*');

    // A page of that site opened now is annotated, by the registered script.
    const page = await browser.newTab();
    await page.goto(elsewhere);
    await until(async () => (await readHighlights(page)).length === 20, 'the page annotated');

    // The popup sees the site as on, and turning it off there clears the page.
    const popup = await openPopupFor(browser, elsewhere);
    await waitForEntities(popup, 11);
    expect(await flipSwitch(popup, 'site')).toBe(false);
    await until(async () => (await readHighlights(page)).length === 0, 'the highlights gone');
    // On again: for a site of the reader's choice that asks for its permission, so from a real click.
    await (popup.raw as PpPage).click('button[role="switch"][data-name="site"]');
    await popup.waitFor(() => document.querySelector('button[role="switch"][data-name="site"]')!.getAttribute('aria-checked') === 'true');
    await until(async () => (await readHighlights(page)).length === 20, 'the highlights back');
    await popup.close();

    // Removed in the options, the permission goes with it and new pages are left alone.
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-host="127.0.0.1"] button.danger')!.click());
    await options.waitFor(() => document.querySelector('[data-host="127.0.0.1"]') === null);
    await until(
      async () => !(await options.evaluate(() => (globalThis as unknown as Permissions).browser.permissions.contains({ origins: ['*://127.0.0.1/*'] }))),
      'the permission given back',
    );
    const after = await browser.newTab();
    await after.goto(elsewhere);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await after.evaluate(() => document.querySelector('style[data-gloss]'))).toBeNull();
    await Promise.all([after.close(), page.close(), options.close()]);
  });

  it('annotates a page once, where Gloss may read but does not run', async () => {
    // The site's permission stays while the site leaves the settings (as an imported file may do).
    const options = await addSite(browser, '127.0.0.1');
    const url = server.url('/world/reuters-article', '127.0.0.1');
    const page = await browser.newTab();
    // Written until it holds: the grant's own event may still be turning the site on.
    await until(async () => {
      await options.evaluate(async () => {
        type Local = { get(k: string): Promise<Record<string, { extraHosts: string[] }>>; set(v: object): Promise<void> };
        const storage = (globalThis as unknown as { browser: { storage: { local: Local } } }).browser.storage.local;
        const { settings } = await storage.get('settings');
        await storage.set({ settings: { ...settings!, extraHosts: [] } });
      });
      await page.goto(url);
      await new Promise((r) => setTimeout(r, 500));
      return (await page.evaluate(() => document.querySelector('style[data-gloss]'))) === null;
    }, 'the site no longer registered');

    const popup = await openPopupFor(browser, url);
    await popup.waitFor(() => document.querySelector('[data-testid="annotate-once"]') !== null);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="site-state"]')!.textContent)).toBe(
      'Gloss does not run on this site. Turn it on, or annotate just this page.',
    );
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="annotate-once"]')!.click());
    await until(async () => (await readHighlights(page)).length === 20, 'the page annotated once');
    await waitForEntities(popup, 11);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="annotate-once"]'))).toBeNull();

    // Once means this page: loaded again, it is left alone.
    await page.goto(url);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.evaluate(() => document.querySelector('style[data-gloss]'))).toBeNull();
  });
});
