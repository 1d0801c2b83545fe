// The review's scenarios, replayed end to end: a 3,000-brief pack merged onto a signed pack's
// card, a page whose canonical link points elsewhere, a stalled host, a hostile export file.
// (Re-adding a pack with its key is in packs.e2e.ts.)
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, type KeyPair } from '@/lib/pack';
import { brief, entity, type FakePublisher } from '../unit/support/publisher';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './support/browsers';
import { clickInUi, readNotice, waitForCard, waitForNotice } from './support/card-view';
import { chooseFile } from './support/files';
import { inGlossUi } from './support/gloss-ui';
import { moveMouse, pointAtText } from './support/input';
import { addPack, clickInPack, packTexts, useOnlyPack, waitForPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { startServer, type TestServer } from './support/server';

/** The version of the starter pack built into the extension (npm run build:starter). */
const STARTER_VERSION = (JSON.parse(readFileSync(new URL('../../public/starter/pack.json', import.meta.url), 'utf8')) as { version: number }).version;

const article = (title: string, body: string, head = '') => `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head>
<body><main><article><h1>${title}</h1><p data-testid="paragraph">${body}</p></article></main></body></html>`;

let server: TestServer;
/** Responses of the stalled host, ended when the tests are done. */
const stalled: ServerResponse[] = [];
const stalling = new Set<string>();

beforeAll(async () => {
  server = await startServer();
  server.route((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!stalling.has(path)) return false;
    // Headers and a first byte, then nothing: the host hangs.
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' });
    res.write('{');
    stalled.push(res);
    return true;
  });
  server.put('/world/envoy-talks', article('Envoys talk', 'Foreign Minister Choe Son Hui met envoys on Tuesday to discuss fishing rights.'));
  server.put('/world/cited-story', article('The cited story', 'Fishing fleets returned to port early this week.'));
  // A page that names an article on another site as its canonical address.
  server.put('/world/lookalike', article('A copy', 'Fishing fleets returned to port early this week.', '<link rel="canonical" href="https://elsewhere.example.org/world/original">'));
  // A page whose location a brief cites, but whose canonical address is another page of the site.
  server.put('/world/syndicated', article('Syndicated', 'Fishing fleets returned to port early this week.', '<link rel="canonical" href="/world/elsewhere-on-site">'));
});
afterAll(async () => {
  for (const res of stalled) res.end();
  await server.close();
});

describe.each(BROWSERS)('trust and failure in %s', (name) => {
  let browser: ExtensionBrowser;
  let options: Tab;
  let signed: FakePublisher;
  let keys: KeyPair;
  let signedUrl: string;

  beforeAll(async () => {
    browser = await launch(name);
    keys = await generateKeyPair();
    signed = hostPublisher(server, `institute-${name}`);
    signed.title = 'Institute briefs';
    signed.privateKey = keys.privateKey;
    await signed.publish(
      [entity('choe-son-hui', { name: { en: 'Choe Son Hui' }, sameAs: ['wikidata:Q1'] })],
      [
        brief('fisheries', ['choe-son-hui'], {
          title: 'Fisheries diplomacy in the Sea of Japan',
          published: '2026-10-01',
          cites: [server.url('/world/cited-story'), 'https://elsewhere.example.org/world/original', server.url('/world/syndicated')],
        }),
        brief('envoys', ['choe-son-hui'], { title: 'Envoys and quotas', published: '2026-09-01' }),
      ],
    );
    signedUrl = `${signed.base}pack.json`;
    await useOnlyPack(browser, signedUrl, 'Institute briefs');
    options = await browser.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('section[data-loaded="true"]') !== null);
    // Pinned by adding it again with the key.
    await addPack(options, signedUrl, keys.publicKey);
    await options.waitFor(() => !/None pinned/.test(document.querySelector('[data-testid="pack-key"]')?.textContent ?? 'None pinned'));
  });
  afterAll(() => browser?.close());

  it('an unsigned pack’s 3,000 briefs come after the signed pack’s, under their own name, a few at a time', async () => {
    const flood = hostPublisher(server, `lookalike-${name}`);
    flood.title = 'Lookalike briefs';
    await flood.publish(
      [entity('choe', { name: { en: 'Choe Son Hui' }, sameAs: ['wikidata:Q1'] })],
      Array.from({ length: 3000 }, (_, i) =>
        brief(`urgent-${i}`, ['choe'], { title: `URGENT: verify your account (${i})`, url: `https://login-verify.example.net/${i}`, published: '2026-11-29' }),
      ),
    );
    await addPack(options, `${flood.base}pack.json`);
    await waitForPack(options, 'Lookalike briefs', '3000 briefs');

    const tab = await browser.newTab();
    await tab.goto(server.url('/world/envoy-talks'));
    await tab.waitFor(() => {
      let n = 0;
      CSS.highlights.forEach((h, key) => (n += key.startsWith('gloss-') ? h.size : 0));
      return n > 0;
    });
    const at = await pointAtText(tab, '[data-testid="paragraph"]', 'Choe Son Hui');
    await moveMouse(tab, at.x, at.y);
    await waitForCard(tab, (c) => c.name === 'Choe Son Hui');
    const groups = () =>
      inGlossUi(tab, (root) =>
        [...root.querySelectorAll('.card .brief-group')].map((g) => ({
          title: g.querySelector('h4')?.textContent ?? '',
          briefs: g.querySelectorAll('.brief').length,
          note: g.querySelector('.muted')?.textContent ?? '',
        })),
      );
    expect(await groups()).toEqual([
      { title: 'From \u2068Institute briefs\u2069', briefs: 2, note: '' },
      { title: 'From \u2068Lookalike briefs\u2069', briefs: 3, note: '' },
    ]);
    expect(await clickInUi(tab, 'Show 7 more')).toBe(true);
    expect((await groups())![1]).toEqual({ title: 'From \u2068Lookalike briefs\u2069', briefs: 10, note: '2990 more in this pack are not listed on the card.' });
    await tab.close();
    await clickInPack(options, 'Lookalike briefs', 'Remove');
    await options.waitFor(() => ![...document.querySelectorAll('[data-testid="pack"]')].some((el) => el.textContent!.includes('Lookalike briefs')));
  });

  it('a page is matched by its canonical address alone, and only by one on its own site', async () => {
    const control = await browser.newTab();
    await control.goto(server.url('/world/cited-story'));
    expect((await waitForNotice(control))!.text).toContain('Fisheries diplomacy in the Sea of Japan');
    await control.close();
    for (const path of ['/world/lookalike', '/world/syndicated']) {
      const tab = await browser.newTab();
      await tab.goto(server.url(path));
      await tab.waitFor(() => document.readyState === 'complete');
      // The control page's notice came within this time.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await readNotice(tab), path).toBeNull();
      await tab.close();
    }
  });

  it('a stalled host holds up no other pack, and removing it does not wait for it', async () => {
    const slow = hostPublisher(server, `stalling-${name}`);
    slow.title = 'Stalling briefs';
    await slow.publish([entity('somebody')]);
    await addPack(options, `${slow.base}pack.json`);
    await waitForPack(options, 'Stalling briefs', 'Version1');
    stalling.add(new URL(`${slow.base}pack.json`).pathname);
    await clickInPack(options, 'Stalling briefs', 'Update now');
    await waitForPack(options, 'Stalling briefs', 'Working…');

    // The signed pack updates while the other host hangs.
    await signed.publish([entity('choe-son-hui', { name: { en: 'Choe Son Hui' }, sameAs: ['wikidata:Q1'] }), entity('north-korea', { kind: 'state' })]);
    await clickInPack(options, 'Institute briefs', 'Update now');
    await waitForPack(options, 'Institute briefs', 'Version2');

    // Removed at once, long before the 30-second limit would end the stalled check.
    await clickInPack(options, 'Stalling briefs', 'Remove');
    await options.waitFor(() => ![...document.querySelectorAll('[data-testid="pack"]')].some((el) => el.textContent!.includes('Stalling briefs')), undefined, 10_000);
    expect(stalled.length).toBeGreaterThan(0);
  });

  it('a hostile export file cannot claim the built-in pack, and a malformed one changes nothing', async () => {
    const now = Date.parse('2026-11-30T09:00:00Z');
    const planted = {
      url: 'chrome-extension://anything/starter/pack.json',
      builtin: true,
      title: 'Built in (official)',
      added: now,
      records: { format: 'gloss-pack/1', pack: 'gloss-starter', version: 999999, entities: [{ id: 'x', kind: 'person', name: { en: 'Planted' } }], briefs: [] },
    };
    const bad = { url: 'https://evil.example/pack.json', builtin: false, publicKey: 'not-a-key', added: now };
    const file = (packs: unknown[]) => JSON.stringify({ format: 'gloss-export/1', exported: '2026-11-30T09:00:00Z', settings: {}, packs });
    const before = await packTexts(options);
    await chooseFile(options, 'input[name="import-all"]', 'hostile.json', file([planted, bad]));
    await options.waitFor(() => /publicKey: must be an Ed25519 public key/.test(document.querySelector('[data-testid="data-status"]')?.textContent ?? ''));
    expect(await packTexts(options)).toEqual(before);

    await chooseFile(options, 'input[name="import-all"]', 'hostile.json', file([planted]));
    // The built-in pack is refilled from the extension: its real version, not the file's.
    const text = await waitForPack(options, 'Built in', `Version${STARTER_VERSION}`);
    expect(text).not.toContain('999999');
    expect(text).not.toContain('Built in (official)');
  });
});
