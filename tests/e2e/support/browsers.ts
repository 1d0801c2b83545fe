import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { emptyLangpack, localePrefs } from './langpack';
import { NEWS_HOST } from './server';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** One tab, the same few calls in both drivers. */
export interface Tab {
  goto(url: string): Promise<void>;
  url(): string;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  /** The driver's own page, for what only one driver does. */
  raw: PwPage | PpPage;
}

export interface ExtensionBrowser {
  name: BrowserName;
  newTab(): Promise<Tab>;
  /** Opens one of the extension's own pages (`options.html`, `popup.html`) in a tab. */
  openExtensionPage(path: string): Promise<Tab>;
  close(): Promise<void>;
}

const CHROME_BUILD = resolve('.output/chrome-mv3');
const FIREFOX_BUILD = resolve('.output/firefox-mv3');
export const FIREFOX_ADDON_ID = 'gloss@gloss-extension.org';
/** Fixed so tests can address the extension's pages in Firefox. */
export const FIREFOX_UUID = '6d3f1c2a-4b5e-4c8d-9a7f-0e1d2c3b4a59';

function requireBuild(dir: string) {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No build at ${dir}: run "npm run build" first.`);
  }
}

export interface LaunchOptions {
  /** Firefox's pages' `prefers-color-scheme` for the whole session (BiDi cannot emulate it per page). */
  colorScheme?: 'light' | 'dark';
  /** The browser's interface language (`tr`, `ru`); the extension's messages follow it. */
  locale?: string;
  /** More Firefox preferences, for what only a preference can arrange. */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** Chromium: resolve every host to this machine, not only the news site (Firefox always does). */
  resolveAllHosts?: boolean;
  /** Chromium: accept the test server's self-signed certificate. */
  acceptTestCertificate?: boolean;
  /**
   * A phone: a 390×844 viewport with touch. Chromium emulates a mobile device (`isMobile`,
   * `hasTouch`: the page's viewport meta applies, touch events are real); Firefox turns its
   * touch events on and sizes each tab.
   */
  mobile?: boolean;
}

export const PHONE = { width: 390, height: 844 };

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

async function launchChromium(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  requireBuild(CHROME_BUILD);
  const context: BrowserContext = await chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.acceptTestCertificate ? { ignoreHTTPSErrors: true } : {}),
    ...(options.mobile ? { viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
    args: [
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // The news site the tests pose as is served from this machine.
      `--host-resolver-rules=MAP ${options.resolveAllHosts ? '*' : NEWS_HOST} 127.0.0.1`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // URL.origin is "null" for extension schemes in Node; build it from the host.
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  return {
    name: 'chromium',
    async newTab() {
      const page = await context.newPage();
      return wrapPlaywright(page);
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`${origin}/${path}`);
      return wrapPlaywright(page);
    },
    close: () => context.close(),
  };
}

/** The few calls both drivers share; only waiting differs in argument order. */
function wrapPage(page: PwPage | PpPage, waitFor: Tab['waitFor']): Tab {
  const p = page as PwPage;
  return {
    raw: page,
    async goto(url) {
      await p.goto(url);
    },
    url: () => p.url(),
    evaluate: (fn, arg) => p.evaluate(fn as never, arg) as never,
    waitFor,
    close: () => p.close(),
  };
}

function wrapPlaywright(page: PwPage): Tab {
  return wrapPage(page, async (fn, arg, timeoutMs = 10_000) => {
    await page.waitForFunction(fn as never, arg, { timeout: timeoutMs });
  });
}

async function launchFirefox(options: LaunchOptions): Promise<ExtensionBrowser> {
  requireBuild(FIREFOX_BUILD);
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    // Firefox 153 lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Every host name resolves to this machine, so the news site is the test server.
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
      ...(options.colorScheme ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 } : {}),
      ...(options.locale ? localePrefs(options.locale) : {}),
      // Touch input (BiDi's `touch` pointer) reaches pages as touch and pointer events.
      ...(options.mobile ? { 'dom.w3c_touch_events.enabled': 1 } : {}),
      ...options.firefoxPrefs,
    },
  });
  if (options.locale) await browser.installExtension(emptyLangpack(options.locale));
  await browser.installExtension(FIREFOX_BUILD);
  return {
    name: 'firefox',
    async newTab() {
      const page = await browser.newPage();
      if (options.mobile) await page.setViewport(PHONE);
      return wrapPuppeteer(page);
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      if (options.mobile) await page.setViewport(PHONE);
      const url = `moz-extension://${FIREFOX_UUID}/${path}`;
      // The page moves into the extension's process, which puppeteer's navigation
      // tracking loses ("frame detached"); the document itself loads fine.
      void page.goto(url, { timeout: 10_000 }).catch(() => {});
      const deadline = Date.now() + 10_000;
      for (;;) {
        // Each try may land in the old document while it is torn down; ask again.
        const ready = await page
          .evaluate((u) => location.href === u && document.readyState === 'complete', url)
          .catch(() => false);
        if (ready) break;
        if (Date.now() > deadline) throw new Error(`${path} did not open in Firefox`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return wrapPuppeteer(page);
    },
    close: () => browser.close(),
  };
}

function wrapPuppeteer(page: PpPage): Tab {
  return wrapPage(page, async (fn, arg, timeoutMs = 10_000) => {
    await page.waitForFunction(fn as never, { timeout: timeoutMs }, arg);
  });
}
