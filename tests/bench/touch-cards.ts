/**
 * Touch-card bench, in Chromium emulating a phone (390×844, touch, mobile viewport, pixel
 * ratio 2) with the built extension: the time from a tap on a name (the click event's
 * timestamp) to its card painted as a bottom sheet. Nothing is fetched ahead of a tap, so
 * the figure includes the card's message to the background; that round trip is measured
 * in the same run, from the extension's own page, as the baseline it is compared with.
 *
 * Run: npm run build && npm run bench -- touch
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Entity } from '../../lib/pack/types';
import { launch, type Tab } from '../e2e/support/browsers';
import { pointAtText } from '../e2e/support/input';
import { useOnlyPack } from '../e2e/support/options';
import { hostPublisher } from '../e2e/support/pack-host';
import { startServer } from '../e2e/support/server';
import { tap } from '../e2e/support/touch';
import { entitiesFrom, makeEntries, prng } from './synthetic';
import { appliedPackSub } from './browser-steps';

const KB_ENTITIES = 5_000;
const TAPS = 30;
const BUILD = '.output/chrome-mv3/manifest.json';

function percentiles(xs: number[]): { p50: number; p95: number; line: string } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), line: `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (n=${s.length})` };
}

/** Taps each name in turn and reads how long after the tap its card was painted. */
async function tapToPaint(tab: Tab, names: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const [i, name] of names.entries()) {
    await tab.evaluate(() => document.querySelector('gloss-host')?.removeAttribute('data-paint-ms'));
    await tap(tab, await pointAtText(tab, `#m${i}`, name));
    await tab.waitFor(() => document.querySelector('gloss-host')?.hasAttribute('data-paint-ms'), undefined, 5000);
    out.push(Number(await tab.evaluate(() => document.querySelector('gloss-host')!.getAttribute('data-paint-ms'))));
    // A tap on the heading, outside any name, closes the sheet before the next.
    await tap(tab, await pointAtText(tab, 'h1', 'Envoys', 'center'));
    await tab.waitFor(() => document.querySelector('gloss-host') !== null);
    await new Promise((r) => setTimeout(r, 250));
  }
  return out;
}

export async function benchTouchCards(log: (line: string) => void): Promise<void> {
  if (!existsSync(BUILD)) {
    log('touch bench: no build in .output/chrome-mv3; run "npm run build" first.');
    return;
  }
  const rnd = prng(41);
  const entities: Entity[] = entitiesFrom(makeEntries(Math.round(KB_ENTITIES * 2.6), rnd).entries)
    .slice(0, KB_ENTITIES)
    .map((e, i) => ({ ...e, summary: { en: `${e.name.en} is synthetic entity ${i}. `.repeat(6).trim() } }));
  const server = await startServer();
  const pub = hostPublisher(server, 'bench-touch');
  await pub.publish(entities, []);
  const names = Array.from({ length: TAPS }, (_, i) => entities[i * 151]!.name.en!);
  const paragraphs = names.map((n, i) => `<p id="m${i}">Officials said ${n} met the delegation on Monday.</p>`);
  server.put(
    '/world/touch-bench',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bench</title></head><body><main><article><h1>Envoys meet</h1>${paragraphs.join('\n')}</article></main></body></html>`,
  );
  const browser = await launch('chromium', { mobile: true });
  try {
    await useOnlyPack(browser, `${pub.base}pack.json`, 'Asia briefs').catch(() => {});
    const sub = await appliedPackSub(browser);
    const ext = await browser.openExtensionPage('options.html');
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/touch-bench'));
    await tab.waitFor(() => {
      let n = 0;
      CSS.highlights.forEach((h, k) => k !== 'gloss-focus' && (n += h.size));
      return n >= 30;
    }, undefined, 30_000);
    const keys = names.map((_, i) => `${sub}:${entities[i * 151]!.id}`);
    const trips = await ext.evaluate(async (ks) => {
      const send = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage;
      const out: number[] = [];
      for (const key of ks) {
        const t0 = performance.now();
        const answer = await send({ gloss: 1, channel: 'content', call: 'card', args: { key, languages: ['en'] } });
        if (!answer.ok) throw new Error(`card ${key} failed`);
        out.push(performance.now() - t0);
      }
      return out;
    }, keys);
    await ext.close();
    const trip = percentiles(trips);
    const paint = percentiles(await tapToPaint(tab, names));
    log(`phone emulation (Chromium, 390×844, touch, pixel ratio 2), ${KB_ENTITIES} entities:`);
    log(`  baseline, the card's message to the background and back: ${trip.line}`);
    log(`  tap -> card painted as a bottom sheet (message, render, placement; rAF + task after render): ${paint.line}`);
    log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
    log(`  ratio to the message alone: p50 ${(paint.p50 / trip.p50).toFixed(1)}×, p95 ${(paint.p95 / trip.p95).toFixed(1)}× (budget: under 100 ms, a tap's "instant")`);
  } finally {
    await browser.close();
    await server.close();
  }
}
