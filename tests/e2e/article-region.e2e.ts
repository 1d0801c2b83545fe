import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { BROWSERS, launch, type BrowserName, type ExtensionBrowser } from './support/browsers';
import { event, org, person, readHighlights, state, waitForHighlights, type Seen } from './support/highlights';
import { useOnlyPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { startServer, type TestServer } from './support/server';

// Which text of a page is matched (pack-format.md): the story's headline, standfirst, body, its
// own captions and live-blog entries; never navigation, teasers, related or most-read lists,
// bylines, tags, ads, cookie banners or hidden text, wherever they sit. Each fixture puts names
// of the test pack on both sides of that line, so the exact list of highlights shows the choice.

interface Fixture {
  file: string;
  host: string;
  path: string;
  expected: Seen[];
}

const NK = state('North Korea');
const RU = state('Russia');
const JP = state('Japan');
const SK = state('South Korea');
const DPRK = state('DPRK');
const USA = state('United States');
const US_DOTS = state('U.S.');
const KCNA = org('KCNA');
const CHOE_FULL = person('Choe Son Hui');
const CHOE = person('Choe');
const LAVROV_FULL = person('Sergei Lavrov');
const LAVROV = person('Lavrov');
const KIM = person('Kim Jong Un');
const PUTIN_FULL = person('Vladimir Putin');
const SUMMIT = event('Vostochny summit');

/** One article per default site, in that site's markup, served under its own host at a story's address. */
const SITES: Record<string, Fixture> = {
  reuters: {
    file: 'sites/reuters.html',
    host: 'www.reuters.com',
    path: '/world/asia-pacific/north-korea-envoy-russia-2026-11-30/',
    expected: [
      NK, RU, // headline
      CHOE_FULL, KCNA, // caption
      NK, CHOE_FULL, KCNA, JP, SK,
      CHOE, LAVROV_FULL,
      US_DOTS, SUMMIT, KIM, PUTIN_FULL,
      LAVROV, DPRK, RU,
    ],
  },
  apnews: {
    file: 'sites/apnews.html',
    host: 'apnews.com',
    path: '/article/russia-north-korea-drills-japan-3f9a1c0d2b4e6f8a9b0c1d2e3f4a5b6c',
    expected: [
      JP, SK, RU, NK, // headline
      RU, KCNA, KCNA, // caption
      JP, SK, NK, RU, JP,
      KIM, RU,
      US_DOTS, DPRK, RU, SUMMIT,
      CHOE_FULL, KCNA, CHOE,
    ],
  },
  bbc: {
    file: 'sites/bbc.html',
    host: 'www.bbc.com',
    path: '/news/articles/c123abc',
    expected: [
      KIM, RU, // headline
      PUTIN_FULL, KIM, SUMMIT, // caption
      JP, NK,
      CHOE_FULL, DPRK, LAVROV_FULL,
      LAVROV, SK,
      US_DOTS,
    ],
  },
  aljazeera: {
    file: 'sites/aljazeera.html',
    host: 'www.aljazeera.com',
    path: '/news/2026/11/30/russia-and-north-korea-open-new-rail-link',
    expected: [
      RU, NK, // headline
      KIM, RU, JP, // standfirst
      DPRK, RU, KCNA, // caption
      NK, RU, SUMMIT,
      PUTIN_FULL, KCNA, CHOE_FULL, LAVROV_FULL,
      SK, US_DOTS, LAVROV, CHOE,
    ],
  },
  guardian: {
    file: 'sites/guardian.html',
    host: 'www.theguardian.com',
    path: '/world/2026/nov/30/kim-jong-un-hosts-moscow-delegation-japan-patrols',
    expected: [
      KIM, JP, // headline (not the "North Korea" series label above it)
      LAVROV_FULL, SK, state('US'), // standfirst
      CHOE_FULL, LAVROV_FULL, KCNA, // caption
      KIM, RU, JP,
      LAVROV, CHOE_FULL, DPRK, CHOE, KCNA,
      SK, SUMMIT, PUTIN_FULL,
    ],
  },
  nytimes: {
    file: 'sites/nytimes.html',
    host: 'www.nytimes.com',
    path: '/2026/11/30/world/asia/lavrov-north-korea-visit.html',
    expected: [
      RU, // headline
      LAVROV_FULL, NK, DPRK, // summary
      CHOE_FULL, LAVROV_FULL, // caption
      RU, LAVROV_FULL, NK,
      CHOE_FULL, KCNA, LAVROV, SUMMIT,
      JP, SK, USA, PUTIN_FULL,
      CHOE, KIM, RU,
    ],
  },
  yonhap: {
    file: 'sites/yonhap.html',
    host: 'en.yna.co.kr',
    path: '/view/AEN20261130000100315',
    expected: [
      CHOE_FULL, RU, KCNA, // headline
      CHOE_FULL, KCNA, // caption
      NK, CHOE_FULL, RU, LAVROV_FULL, KCNA,
      CHOE, SK, USA, JP, DPRK, SUMMIT,
      LAVROV, KIM,
    ],
  },
  koreaherald: {
    file: 'sites/koreaherald.html',
    host: 'www.koreaherald.com',
    path: '/article/10123456',
    expected: [
      RU, NK, // headline
      SUMMIT, SK, // standfirst
      KIM, PUTIN_FULL, RU, KCNA, // caption
      SK, RU, NK, SUMMIT,
      USA, JP,
      CHOE_FULL, LAVROV_FULL, LAVROV, KCNA, DPRK,
    ],
  },
  nknews: {
    file: 'sites/nknews.html',
    host: 'www.nknews.org',
    path: '/2026/11/north-korea-russia-visa-free-travel-officials/',
    expected: [
      NK, RU, // headline
      CHOE_FULL, LAVROV_FULL, JP, // standfirst
      CHOE_FULL, LAVROV_FULL, KCNA, // caption
      NK, RU, CHOE_FULL, LAVROV_FULL,
      KCNA, SUMMIT, LAVROV, CHOE,
      // not the "Read more:" line that links another story
      SK, US_DOTS, DPRK,
    ],
  },
  tass: {
    file: 'sites/tass.html',
    host: 'tass.com',
    path: '/politics/1234567',
    expected: [
      LAVROV_FULL, CHOE_FULL, SUMMIT, // headline
      DPRK, // lead
      LAVROV_FULL, // caption
      RU, LAVROV_FULL, DPRK, CHOE_FULL,
      LAVROV, CHOE, SUMMIT, PUTIN_FULL, KIM,
      // not the "Also read:" line that links another story
      USA, JP, SK,
    ],
  },
  anadolu: {
    file: 'sites/anadolu.html',
    host: 'www.aa.com.tr',
    path: '/en/asia-pacific/north-korea-s-top-diplomat-heads-to-russia/3456789',
    expected: [
      NK, RU, LAVROV_FULL, // headline
      CHOE_FULL, SUMMIT, RU, KCNA, // standfirst
      KIM, PUTIN_FULL, // caption
      NK, CHOE_FULL, RU, LAVROV_FULL, KCNA,
      CHOE, SUMMIT, LAVROV, DPRK,
      JP, SK, US_DOTS,
    ],
  },
};

// Generic markup, served under a default site whose rule does not fit it (so the finder's own
// judgement decides), at an address that is not one of that site's fronts.
const STRUCTURE_HOST = 'www.koreaherald.com';
const STRUCTURES: Record<string, Fixture> = {
  'teaser articles in nav and aside around the story': {
    file: 'structure/teasers-in-nav-and-aside.html',
    host: STRUCTURE_HOST,
    path: '/structure/teasers-in-nav-and-aside',
    expected: [JP, NK, JP, NK, SK, USA, KCNA, SUMMIT, KIM, PUTIN_FULL],
  },
  '[role=main] around a whole column (most read, sponsored links, a news stream, a hidden fact file)': {
    file: 'structure/role-main-column.html',
    host: STRUCTURE_HOST,
    path: '/structure/role-main-column',
    expected: [SK, JP, USA, NK, SK, JP, USA, NK, KCNA, KIM, DPRK, RU, SUMMIT],
  },
  'an <article> card nested in the story body (the story keeps its caption, loses its author box and comments)': {
    file: 'structure/nested-article.html',
    host: STRUCTURE_HOST,
    path: '/structure/nested-article',
    expected: [person('Putin'), KIM, KIM, KCNA, PUTIN_FULL, KIM, RU, NK, SUMMIT, JP, SK, US_DOTS],
  },
  'JSON-LD NewsArticle on generic markup beside a longer block of partner prose': {
    file: 'structure/json-ld.html',
    host: STRUCTURE_HOST,
    path: '/structure/json-ld',
    expected: [CHOE_FULL, LAVROV_FULL, NK, CHOE_FULL, LAVROV_FULL, KCNA, CHOE, LAVROV],
  },
  'a live blog whose entries are <article>s, with a key-events list and related cards': {
    file: 'structure/live-blog-entries.html',
    host: STRUCTURE_HOST,
    path: '/structure/live-blog-entries',
    expected: [SK, LAVROV_FULL, LAVROV, LAVROV_FULL, KCNA, CHOE_FULL, SK, USA, JP, JP, NK],
  },
};

/** Fronts of a default site: no highlights until the reader asks from the popup. */
const FRONTS: Fixture[] = [
  { file: 'sites/reuters-front.html', host: 'www.reuters.com', path: '/world/', expected: [] },
  { file: 'sites/reuters-front.html', host: 'www.reuters.com', path: '/', expected: [] },
];

/** A certificate for the HTTPS server, made for this run: several news hosts are HSTS-preloaded. */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-region-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=gloss-test', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let plain: TestServer;
let secure: TestServer;
let packUrl: string;
beforeAll(async () => {
  plain = await startServer();
  secure = await startServer(selfSignedCertificate());
  for (const f of [...Object.values(SITES), ...Object.values(STRUCTURES), ...FRONTS]) {
    const html = readFileSync(`tests/fixtures/pages/${f.file}`, 'utf8');
    plain.put(f.path, html);
    secure.put(f.path, html);
  }
  const pub = hostPublisher(plain, 'region-test');
  await pub.publish(NEWS_ENTITIES, NEWS_BRIEFS);
  packUrl = `${pub.base}pack.json`;
});
afterAll(async () => {
  await plain?.close();
  await secure?.close();
});

/**
 * Chromium takes every page over HTTPS (its HSTS preload list covers some of these hosts) and
 * accepts the test certificate. Firefox's launcher cannot be told to accept it, so Firefox reads
 * the pages over HTTP with its HSTS preload list turned off (bbc.com, theguardian.com and
 * nytimes.com would otherwise be upgraded to HTTPS).
 */
function launchFor(name: BrowserName): Promise<ExtensionBrowser> {
  return name === 'chromium'
    ? launch('chromium', { resolveAllHosts: true, acceptTestCertificate: true })
    : launch('firefox', { firefoxPrefs: { 'network.stricttransportsecurity.preloadlist': false } });
}

describe.each(BROWSERS)('the article and nothing else, in %s', (name) => {
  let browser: ExtensionBrowser;
  const server = () => (name === 'chromium' ? secure : plain);
  beforeAll(async () => {
    browser = await launchFor(name);
    await useOnlyPack(browser, packUrl, 'Asia briefs');
  });
  afterAll(() => browser?.close());

  async function highlightsOn(f: Fixture): Promise<Seen[]> {
    const tab = await browser.newTab();
    try {
      await tab.goto(server().url(f.path, f.host));
      return await waitForHighlights(tab, f.expected);
    } finally {
      await tab.close();
    }
  }

  it.each(Object.entries(SITES))('%s: every name in the story, none outside it', async (_site, f) => {
    expect(await highlightsOn(f)).toEqual(f.expected);
  });

  it.each(Object.entries(STRUCTURES))('%s', async (_what, f) => {
    expect(await highlightsOn(f)).toEqual(f.expected);
  });

  it.each(FRONTS.map((f) => [f.path, f] as const))('a section front (%s) gets no highlights', async (_path, f) => {
    const tab = await browser.newTab();
    try {
      await tab.goto(server().url(f.path, f.host));
      // Nothing to wait for on a page left alone: give the annotator the time a story takes.
      await new Promise((r) => setTimeout(r, 2000));
      expect(await readHighlights(tab)).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
