import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { launch } from '../e2e/support/browsers';
import { useOnlyPack } from '../e2e/support/options';
import { hostPublisher } from '../e2e/support/pack-host';
import { startServer, type TestServer } from '../e2e/support/server';
import { compileMatcher } from '../../lib/match/compile';
import { matchBlock } from '../../lib/match/find';
import type { MatcherEntry } from '../../lib/match/types';
import { bundle } from './browser/bundle';
import { entitiesFrom, makeEntries, makePage, PAGE_WORDS, prng } from './synthetic';

const KB_ENTITIES = 50_000;
/** mark.js searches name by name, so the in-browser comparison uses the names the page uses. */
const COMPARE_ENTITIES = 1_000;

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// Recorded by the page itself: when the highlight count last changed, the long tasks,
// and long animation frames with the scripts that ran in them (Gloss's are extension URLs).
const INSTRUMENT = `<script>
window.__b = { lastChange: 0, count: 0, tasks: [], frames: [] };
new PerformanceObserver((l) => { for (const e of l.getEntries()) __b.tasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
new PerformanceObserver((l) => { for (const e of l.getEntries()) __b.frames.push({ duration: e.duration,
  scripts: e.scripts.map((s) => ({ url: s.sourceURL, duration: s.duration })) }); }).observe({ type: 'long-animation-frame', buffered: true });
(function tick() {
  let n = 0;
  CSS.highlights.forEach((h, k) => { if (k.startsWith('gloss-')) n += h.size; });
  if (n !== __b.count) { __b.count = n; __b.lastChange = performance.now(); }
  requestAnimationFrame(tick);
})();
</script>`;

const describeTasks = (tasks: { duration: number }[]) => (tasks.length ? `${tasks.map((t) => t.duration.toFixed(0)).join(', ')} ms` : 'none');

interface PageFigures {
  lastChange: number;
  count: number;
  tasks: { start: number; duration: number }[];
  frames: { duration: number; scripts: { url: string; duration: number }[] }[];
  ready: number;
}

// A news site's furniture around the story, as much of it as real pages carry: navigation,
// a most-read list, teaser cards, a footer of links. The story must be found among it.
const teasers = (n: number, cls: string) =>
  Array.from({ length: n }, (_, i) => `<div class="${cls}"><h3><a href="/s/${i}">Teaser headline number ${i}</a></h3><p>A line about story ${i}.</p></div>`).join('');
const FURNITURE_TOP = `<header class="site-header"><nav>${Array.from({ length: 60 }, (_, i) => `<a href="/n/${i}">Section ${i}</a>`).join(' ')}</nav></header>`;
const FURNITURE_SIDE = `<aside class="rail"><section class="most-read"><h2>Most read</h2><ol>${Array.from({ length: 10 }, (_, i) => `<li><a href="/m/${i}">Most read story ${i}</a></li>`).join('')}</ol></section>${teasers(20, 'promo-card')}</aside>`;
const FURNITURE_BOTTOM = `<section class="more-stories">${teasers(30, 'story-card')}</section><footer>${Array.from({ length: 40 }, (_, i) => `<a href="/f/${i}">Footer link ${i}</a>`).join(' ')}</footer>`;

export function articleHtml(blocks: string[], head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Regional envoys meet</title>${head}</head>
<body>${FURNITURE_TOP}<main><div class="layout"><article><h1>Regional envoys meet</h1>${blocks.map((b) => `<p>${escapeHtml(b)}</p>`).join('\n')}</article>${FURNITURE_SIDE}</div>${FURNITURE_BOTTOM}</main></body></html>`;
}

export function expectedMentions(entries: MatcherEntry[], blocks: string[]): number {
  const m = compileMatcher(entries);
  const unlocked = new Set<string>();
  return blocks.reduce((n, b) => n + matchBlock(m, b, { lang: 'en', unlocked }).length, 1) - 1;
}

async function compareInBrowser(server: TestServer, entries: MatcherEntry[], blocks: string[], log: (l: string) => void) {
  server.put('/compare/index.html', articleHtml(blocks, '<script src="mark.js"></script><script src="readability.js"></script><script src="match.js"></script>'));
  server.put('/compare/readability.js', readFileSync('node_modules/@mozilla/readability/Readability.js', 'utf8'), { 'content-type': 'text/javascript' });
  server.put('/compare/mark.js', readFileSync('node_modules/mark.js/dist/mark.min.js', 'utf8'), { 'content-type': 'text/javascript' });
  server.put('/compare/match.js', await bundle('tests/bench/browser/match-page.ts'), { 'content-type': 'text/javascript' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(server.url('/compare/index.html', '127.0.0.1'));
    const f = await page.evaluate((e) => (window as unknown as { benchMatch: (e: unknown) => Promise<Record<string, number>> }).benchMatch(e), entries);
    const mbps = (ms: number) => f.bytes! / 1e6 / (ms / 1000);
    log(`in Chromium, one page (${PAGE_WORDS} words, ${(f.bytes! / 1024).toFixed(0)} KiB of text), the same ${f.names} names:`);
    log(`  Gloss matcher: ${mbps(f.glossMs!).toFixed(1)} MB/s (${f.glossMatches} mentions, all rules)`);
    log(`  regex alternation: ${mbps(f.regexMs!).toFixed(1)} MB/s (${f.regexMatches} hits, no afterFull/case/stem rules) -> Gloss is ${(f.regexMs! / f.glossMs!).toFixed(1)}x`);
    log(`  mark.js: ${mbps(f.markMs!).toFixed(2)} MB/s (${f.markMatches} marks, wraps elements) -> Gloss is ${(f.markMs! / f.glossMs!).toFixed(0)}x`);
    log(`  Gloss's whole page work (story choice, extract, match, ranges, highlights): ${f.pipelineMs!.toFixed(0)} ms vs mark.js ${f.markMs!.toFixed(0)} ms -> ${(f.markMs! / f.pipelineMs!).toFixed(0)}x`);
    log(`  story choice among the page's furniture: first call ${f.choiceFirstMs!.toFixed(2)} ms, then median ${f.choiceMedianMs!.toFixed(2)} ms ` +
      `(${((100 * f.choiceMedianMs!) / f.pipelineMs!).toFixed(1)} % of the page work; budget 5 ms); chose the article: ${f.storyIsArticle ? 'yes' : 'NO'}`);
    log(`  Mozilla Readability on a copy of the same page: first call ${f.readabilityFirstMs!.toFixed(1)} ms, then median ${f.readabilityMedianMs!.toFixed(1)} ms ` +
      `-> Gloss's choice is ${(f.readabilityMedianMs! / f.choiceMedianMs!).toFixed(0)}x faster`);
  } finally {
    await browser.close();
  }
}

async function timeExtension(server: TestServer, entries: MatcherEntry[], blocks: string[], log: (l: string) => void) {
  const entities = entitiesFrom(entries);
  const pub = hostPublisher(server, 'bench-kb');
  await pub.publish(entities);
  server.put('/world/bench-article', articleHtml(blocks, INSTRUMENT));
  const expected = expectedMentions(entries, blocks);
  const browser = await launch('chromium');
  try {
    const t0 = performance.now();
    await useOnlyPack(browser, `${pub.base}pack.json`, 'Asia briefs');
    log(`extension: subscribed to a ${entities.length}-entity pack in ${((performance.now() - t0) / 1000).toFixed(1)} s (fetch, verify, apply)`);
    const tab = await browser.newTab();
    // The same page where Gloss does not run: the page's own long tasks, for comparison.
    await tab.goto(server.url('/world/bench-article', '127.0.0.1'));
    await new Promise((r) => setTimeout(r, 1500));
    const baseline = await tab.evaluate(() => (window as unknown as { __b: PageFigures }).__b);
    log(`  without Gloss (a site it does not run on): long tasks ${describeTasks(baseline.tasks)}; longest frame ${Math.max(0, ...baseline.frames.map((fr) => fr.duration)).toFixed(0)} ms`);
    for (const run of ['cold (first page after the pack arrived)', 'warm']) {
      await tab.goto(server.url('/world/bench-article'));
      const deadline = Date.now() + 60_000;
      let f: PageFigures | undefined;
      while (Date.now() < deadline) {
        f = await tab.evaluate(() => ({
          ...(window as unknown as { __b: PageFigures }).__b,
          ready: performance.getEntriesByName('gloss:start')[0]?.startTime ?? NaN,
        }));
        if (f.count >= expected) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      if (!f) continue;
      const longestFrame = Math.max(0, ...f.frames.map((fr) => fr.duration));
      log(`  ${run}: ${f.count}/${expected} highlights in place ${(f.lastChange - f.ready).toFixed(0)} ms after the content script started; ` +
        `long tasks while it worked: ${describeTasks(f.tasks.filter((t) => t.start + t.duration > f!.ready))}; longest frame ${longestFrame.toFixed(0)} ms (rendering included)`);
    }
  } finally {
    await browser.close();
  }
}

export async function benchAnnotate(log: (line: string) => void): Promise<void> {
  const rnd = prng(11);
  const all = makeEntries(Math.round(KB_ENTITIES * 2.6), rnd).entries.slice(0, KB_ENTITIES);
  const pageAliases = all.slice(0, COMPARE_ENTITIES).flatMap((e) => e.aliases.filter((a) => !a.afterFull).map((a) => a.text));
  const blocks = makePage(pageAliases, rnd);
  const server = await startServer();
  try {
    await compareInBrowser(server, all.slice(0, COMPARE_ENTITIES), blocks, log);
    await timeExtension(server, all, blocks, log);
  } finally {
    await server.close();
  }
}
