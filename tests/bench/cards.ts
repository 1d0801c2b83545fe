/**
 * Hover-card bench, in Chromium with the built extension and a 50,000-entity pack:
 * the background's answer time for card data (one message per card, as a content script
 * sends it), the time from the hover delay elapsing to the card painted, and the
 * content script's size.
 *
 * Run: npm run build && npm run bench -- cards
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Brief, Entity } from '../../lib/pack/types';
import { launch, type Tab } from '../e2e/support/browsers';
import { useOnlyPack } from '../e2e/support/options';
import { hostPublisher } from '../e2e/support/pack-host';
import { startServer, type TestServer } from '../e2e/support/server';
import { bundle } from './browser/bundle';
import { appliedPackSub, dwellToPaint } from './browser-steps';
import { entitiesFrom, makeEntries, prng } from './synthetic';

const KB_ENTITIES = 50_000;
const BRIEFS = 5_000;
const CARD_CALLS = 500;
const HOVERS = 30;
const CONTENT_SCRIPT = '.output/chrome-mv3/content-scripts/annotator.js';

/** Entities with what real cards carry: summaries, facts, related entities, shared identifiers. */
function makeKnowledge(rnd: () => number): { entities: Entity[]; briefs: Brief[] } {
  const base = entitiesFrom(makeEntries(Math.round(KB_ENTITIES * 2.6), rnd).entries).slice(0, KB_ENTITIES);
  const id = () => `e-${Math.floor(rnd() * base.length)}`;
  const entities = base.map((e, i): Entity => ({
    ...e,
    summary: { en: `${e.name.en} is synthetic entity ${i}. `.repeat(8).trim(), tr: `${e.name.en} sentetik bir varlıktır.` },
    facts: [
      { label: { en: 'Founded' }, value: { en: String(1900 + (i % 120)) } },
      { label: { en: 'Region' }, value: { en: `Region ${i % 40}` } },
    ],
    related: [...new Set([id(), id(), id()])].filter((r) => r !== e.id),
    // Pairs of records that are one entity to the reader.
    ...(i % 50 < 2 ? { sameAs: [`wikidata:Q${Math.floor(i / 50)}`] } : {}),
  }));
  const briefs = Array.from({ length: BRIEFS }, (_, i): Brief => ({
    id: `brief-${i}`,
    title: `Analysis ${i}: regional security outlook`,
    url: `https://think.example.org/briefs/${i}`,
    lang: 'en',
    published: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
    authors: [`Author ${i % 300}`],
    about: [...new Set([id(), id(), `e-${i % 200}`])],
    translations: [{ lang: 'tr', url: `https://think.example.org/tr/briefs/${i}` }],
  }));
  return { entities, briefs };
}

function percentiles(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (n=${s.length})`;
}

async function answerTimes(tab: Tab, keys: string[]): Promise<number[]> {
  return tab.evaluate(async (ks) => {
    const send = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage;
    const out: number[] = [];
    for (const key of ks) {
      const t0 = performance.now();
      const answer = await send({ gloss: 1, channel: 'content', call: 'card', args: { key, languages: ['en', 'tr', 'ru'] } });
      if (!answer.ok) throw new Error(`card ${key} failed`);
      out.push(performance.now() - t0);
    }
    return out;
  }, keys);
}

/** The card query alone (lib/card/load-card.ts) against real IndexedDB, in a plain page. */
async function queryTimes(server: TestServer, packBase: string, ids: string[]): Promise<{ card: number[]; request: number[] }> {
  server.put('/card-bench/index.html', '<!doctype html><title>bench</title><script src="card.js"></script>');
  server.put('/card-bench/card.js', await bundle('tests/bench/browser/card-page.ts'), { 'content-type': 'text/javascript' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(server.url('/card-bench/index.html', '127.0.0.1'));
    return await page.evaluate(
      ([base, list]) =>
        (window as unknown as { benchCardData: (b: string, i: string[]) => Promise<{ card: number[]; request: number[] }> }).benchCardData(base, list),
      [packBase, ids] as const,
    );
  } finally {
    await browser.close();
  }
}

export async function benchCards(log: (line: string) => void): Promise<void> {
  if (!existsSync(CONTENT_SCRIPT)) {
    log('cards bench: no build in .output/chrome-mv3; run "npm run build" first.');
    return;
  }
  const script = readFileSync(CONTENT_SCRIPT);
  log(`content script: ${(script.byteLength / 1024).toFixed(1)} KiB, ${(gzipSync(script).byteLength / 1024).toFixed(1)} KiB gzipped (${CONTENT_SCRIPT})`);

  const rnd = prng(29);
  const { entities, briefs } = makeKnowledge(rnd);
  const server = await startServer();
  const pub = hostPublisher(server, 'bench-cards');
  await pub.publish(entities, briefs);
  // One paragraph per name, names spread over the knowledge base.
  const names = Array.from({ length: HOVERS }, (_, i) => entities[i * 1601]!.name.en!);
  const paragraphs = names.map((n, i) => `<p id="m${i}">Officials said ${n} met the delegation on Monday.</p>`);
  server.put('/world/cards-bench', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title></head><body><main><article><h1>Envoys meet</h1>${paragraphs.join('\n')}</article></main></body></html>`);

  const ids = Array.from({ length: CARD_CALLS }, () => `e-${Math.floor(rnd() * KB_ENTITIES)}`);
  const query = await queryTimes(server, pub.base, ids);
  log(`card query in the store (loadCard, real IndexedDB, ${KB_ENTITIES} entities, ${BRIEFS} briefs), ${CARD_CALLS} random entities:`);
  log(`  ${percentiles(query.card)} (budget < 5 ms)`);
  log(`  for scale, one small IndexedDB read on this machine now: ${percentiles(query.request)}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);

  const browser = await launch('chromium');
  try {
    const t0 = performance.now();
    // A pack this size takes longer to apply than the helper waits; the store is asked below.
    await useOnlyPack(browser, `${pub.base}pack.json`, 'Asia briefs').catch(() => {});
    const sub = await appliedPackSub(browser);
    const ext = await browser.openExtensionPage('options.html');
    log(`${KB_ENTITIES} entities, ${BRIEFS} briefs: subscribed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // The article first: once it is highlighted the background has built its matcher and is idle.
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/cards-bench'));
    await tab.waitFor(() => {
      let n = 0;
      CSS.highlights.forEach((h, k) => k !== 'gloss-focus' && (n += h.size));
      return n > 0;
    }, undefined, 30_000);
    const keys = ids.map((id) => `${sub}:${id}`);
    const [first] = await answerTimes(ext, keys.slice(0, 1));
    const times = await answerTimes(ext, keys);
    log(`the same, asked of the extension's background as a content script does (runtime messaging included):`);
    log(`  first call after subscribing: ${first!.toFixed(1)} ms; then ${percentiles(times)}`);
    await ext.close();

    log(`hover delay elapsed -> card painted (data fetched while the pointer rests; rAF + task after render), ${HOVERS} hovers:`);
    log(`  ${percentiles(await dwellToPaint(tab, names, 'm'))} (budget: one frame, ~16.7 ms)`);
  } finally {
    await browser.close();
    await server.close();
  }
}
