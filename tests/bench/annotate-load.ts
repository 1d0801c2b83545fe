/**
 * Issue 14, the annotator's side: on the 20,000-word page with a 50,000-entity pack, when the
 * first highlight and all highlights are on screen, and Gloss's longest task; identical text
 * rendered again; a 5 MB article; a page mutating 1,000 times a second. Each figure next to
 * its baseline from the same run: the same page where Gloss does not run (127.0.0.1).
 */
import type { Page as PwPage } from 'playwright-core';
import { launch, type Tab } from '../e2e/support/browsers';
import { useOnlyPack } from '../e2e/support/options';
import { hostPublisher } from '../e2e/support/pack-host';
import { startServer } from '../e2e/support/server';
import { articleHtml, expectedMentions } from './annotate';
import { entitiesFrom, makeEntries, makePage, prng } from './synthetic';

const KB_ENTITIES = 50_000;

// Recorded by the page: highlights per frame (first and last change), long animation frames
// with the scripts in them (Gloss's are extension URLs), long tasks, and how late its timers fire.
const PROBE = `<script>
window.__p = { first: 0, last: 0, count: 0, frames: [], tasks: [], lag: { max: 0, total: 0, ticks: 0 } };
new PerformanceObserver((l) => { for (const e of l.getEntries()) __p.tasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
new PerformanceObserver((l) => { for (const e of l.getEntries()) __p.frames.push({ start: e.startTime, duration: e.duration,
  gloss: Math.max(0, ...e.scripts.filter((s) => /-extension:/.test(s.sourceURL)).map((s) => s.duration)) }); }).observe({ type: 'long-animation-frame', buffered: true });
window.__live = () => { let n = 0; CSS.highlights.forEach((h, k) => { if (k.startsWith('gloss-')) h.forEach((r) => { if (!r.collapsed && r.startContainer.isConnected) n++; }); }); return n; };
window.__registered = () => { let n = 0; CSS.highlights.forEach((h, k) => { if (k.startsWith('gloss-') && k !== 'gloss-focus') n += h.size; }); return n; };
(function tick() {
  const n = __live();
  if (n !== __p.count) { if (!__p.count) __p.first = performance.now(); __p.count = n; __p.last = performance.now(); }
  requestAnimationFrame(tick);
})();
(function lagProbe() {
  let due = performance.now() + 50;
  setInterval(() => { const late = Math.max(0, performance.now() - due); __p.lag.max = Math.max(__p.lag.max, late); __p.lag.total += late; __p.lag.ticks++; due = performance.now() + 50; }, 50);
})();
window.rerender = (change) => { const a = document.querySelector('article'); a.replaceChildren(...[...a.children].map((c) => { const d = c.cloneNode(true); if (change && d.firstChild) d.firstChild.data += ' '; return d; })); };
window.storm = (ms) => new Promise((done) => {
  const a = document.querySelector('article');
  const ps = () => a.querySelectorAll('p');
  const words = [...a.textContent.matchAll(/[A-Z][a-z]+(?: [A-Z][a-z]+)?/g)].slice(0, 400).map((m) => m[0]);
  let n = 0;
  const end = performance.now() + ms;
  const timer = setInterval(() => {
    const list = ps();
    const p = list[(n * 7) % list.length];
    if (n % 10 === 0 && list.length > 20) p.remove();
    else if (n % 10 === 1) a.insertAdjacentHTML('beforeend', '<p>Added ' + n + ': ' + words[n % words.length] + ' said more.</p>');
    else p.textContent = 'Update ' + n + ': ' + words[n % words.length] + ' met ' + words[(n * 3) % words.length] + ' again.';
    n++;
    if (performance.now() > end) { clearInterval(timer); done(n); }
  }, 1);
});
</script>`;

interface Probe {
  first: number;
  last: number;
  count: number;
  frames: { start: number; duration: number; gloss: number }[];
  tasks: number[];
  lag: { max: number; total: number; ticks: number };
  start: number;
  /** When Gloss registered the on-screen highlights (its own mark), before the frame that shows them. */
  marked: number;
}

const probe = (tab: Tab) =>
  tab.evaluate(() => ({
    ...(window as unknown as { __p: Probe }).__p,
    start: performance.getEntriesByName('gloss:start')[0]?.startTime ?? NaN,
    marked: performance.getEntriesByName('gloss:first-highlight')[0]?.startTime ?? NaN,
  }));

const ms = (n: number) => `${n.toFixed(0)} ms`;
const longestGloss = (p: Probe) => {
  const g = Math.max(0, ...p.frames.map((f) => f.gloss));
  return g > 0 ? ms(g) : 'none over 50 ms';
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Runs `work` under V8's sampling profiler and splits the main thread's time: Gloss's scripts
 * (extension URLs), the page's own, garbage collection, idle.
 */
async function profiled<T>(tab: Tab, work: () => Promise<T>): Promise<{ result: T; gloss: number; page: number; gc: number; idle: number; total: number }> {
  const page = tab.raw as PwPage;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const urlOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url || n.callFrame.functionName]));
  const out = { result, gloss: 0, page: 0, gc: 0, idle: 0, total: 0 };
  profile.samples!.forEach((id, i) => {
    const dt = (profile.timeDeltas![i] ?? 0) / 1000;
    const url = urlOf.get(id) ?? '';
    out.total += dt;
    if (/-extension:/.test(url)) out.gloss += dt;
    else if (url === '(idle)') out.idle += dt;
    else if (url === '(garbage collector)') out.gc += dt;
    else out.page += dt;
  });
  return out;
}

async function until(tab: Tab, check: (p: Probe) => boolean, timeoutMs = 60_000): Promise<Probe> {
  const deadline = Date.now() + timeoutMs;
  let p = await probe(tab);
  while (!check(p) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    p = await probe(tab);
  }
  return p;
}

/** Waits until the highlight count has not changed for `quietMs`. */
async function settled(tab: Tab, quietMs = 1500, timeoutMs = 90_000): Promise<Probe> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const p = await probe(tab);
    const now = await tab.evaluate(() => performance.now());
    if ((p.count > 0 && now - p.last > quietMs) || Date.now() > deadline) return p;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function benchAnnotateLoad(log: (line: string) => void): Promise<void> {
  const rnd = prng(11);
  const all = makeEntries(Math.round(KB_ENTITIES * 2.6), rnd).entries.slice(0, KB_ENTITIES);
  const pageAliases = all.slice(0, 1000).flatMap((e) => e.aliases.filter((a) => !a.afterFull).map((a) => a.text));
  const blocks = makePage(pageAliases, rnd);
  // About 5 MB of story: the same generator, page after page.
  const big: string[] = [];
  while (big.reduce((n, b) => n + b.length, 0) < 5_000_000) big.push(...makePage(pageAliases, rnd));
  const server = await startServer();
  const pub = hostPublisher(server, 'bench-load');
  await pub.publish(entitiesFrom(all));
  server.put('/world/words-20k', articleHtml(blocks, PROBE));
  server.put('/world/words-5mb', articleHtml(big, PROBE));
  server.put('/world/busy', articleHtml(blocks.slice(0, 60), PROBE));
  const expected = expectedMentions(all, blocks);
  const browser = await launch('chromium');
  try {
    await useOnlyPack(browser, `${pub.base}pack.json`, 'Asia briefs');
    const tab = await browser.newTab();
    const open = async (path: string, gloss: boolean) => tab.goto(server.url(path, gloss ? undefined : '127.0.0.1'));

    // 1. The 20,000-word page: cold (first page after the pack arrived), then warm.
    await open('/world/words-20k', false);
    await new Promise((r) => setTimeout(r, 1000));
    const base = await probe(tab);
    log(`20,000-word page, ${KB_ENTITIES} entities, ${expected} mentions; without Gloss: long tasks ${base.tasks.map(ms).join(', ') || 'none'}`);
    const warm: Probe[] = [];
    for (const run of ['cold', 'warm', 'warm', 'warm']) {
      await open('/world/words-20k', true);
      const p = await until(tab, (q) => q.count >= expected);
      if (run === 'cold') {
        log(`  cold: first highlight on screen ${ms(p.first - p.start)} (registered at ${ms(p.marked - p.start)}), all ${p.count} ${ms(p.last - p.start)} (budget 100 ms) after the content script started; longest Gloss task ${longestGloss(p)}`);
      } else warm.push(p);
    }
    const w = (f: (p: Probe) => number) => median(warm.map(f));
    log(`  warm (median of ${warm.length}): first highlight on screen ${ms(w((p) => p.first - p.start))} (budget 16 ms; registered at ${ms(w((p) => p.marked - p.start))}), all highlights ${ms(w((p) => p.last - p.start))} (budget 40 ms); ` +
      `longest Gloss task ${longestGloss(warm.reduce((a, b) => (Math.max(...a.frames.map((f) => f.gloss), 0) >= Math.max(...b.frames.map((f) => f.gloss), 0) ? a : b)))}; ` +
      `long tasks on the page ${warm.flatMap((p) => p.tasks).map(ms).join(', ') || 'none'} (without Gloss: ${base.tasks.map(ms).join(', ') || 'none'})`);

    // 2. The same text rendered again (a framework's re-render), then text that changed, for comparison.
    for (const change of [false, true]) {
      const gaps = await tab.evaluate(async (c) => {
        const w = window as unknown as { __live: () => number; rerender: (c: boolean) => void };
        const want = w.__live();
        const out: { frames: number; ms: number }[] = [];
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now();
          w.rerender(c);
          let frames = 0;
          let bare = 0;
          for (let f = 0; f < 120; f++) {
            await new Promise((r) => requestAnimationFrame(r));
            if (w.__live() >= want) break;
            frames++;
            bare = performance.now() - t0;
          }
          out.push({ frames, ms: bare });
          await new Promise((r) => setTimeout(r, 300));
        }
        return out;
      }, change);
      log(`  re-render of ${change ? 'changed' : 'identical'} text, 5 times: frames without highlights ${gaps.map((g) => g.frames).join(', ')}` +
        ` (${gaps.map((g) => ms(g.ms)).join(', ')})${change ? ' [baseline: text Gloss has not read]' : ' (budget 0 frames)'}`);
    }

    // 3. A 5 MB article, with and without Gloss: the page's timers, the longest Gloss task, ranges.
    const heavy: Record<string, Probe & { registered: number }> = {};
    for (const gloss of [false, true]) {
      await open('/world/words-5mb', gloss);
      const p = gloss ? await settled(tab, 3000) : (await new Promise((r) => setTimeout(r, 8000)), await probe(tab));
      heavy[gloss ? 'with' : 'without'] = { ...p, registered: await tab.evaluate(() => (window as unknown as { __registered: () => number }).__registered()) };
    }
    const hw = heavy.with!;
    const hb = heavy.without!;
    log(`5 MB article (${(big.reduce((n, b) => n + b.length, 0) / 1e6).toFixed(1)} MB of text): ${hw.registered} ranges registered, all in place ${ms(hw.last - hw.start)} after start; ` +
      `longest Gloss task ${longestGloss(hw)}; timer lag total ${ms(hw.lag.total)}, longest ${ms(hw.lag.max)} ` +
      `(without Gloss: total ${ms(hb.lag.total)}, longest ${ms(hb.lag.max)})`);

    // 4. A page mutating 1,000 times a second, without and with Gloss in turn (three rounds of
    // 5 s each, so a neighbour's load on the shared machine falls on both alike).
    const cpuShares: { gloss: number; page: number; gc: number; idle: number; total: number }[] = [];
    const rounds: Record<'with' | 'without', { done: number; p: Probe; registered: number; live: number }[]> = { with: [], without: [] };
    for (let round = 0; round < 3; round++) {
      for (const gloss of [false, true]) {
        await open('/world/busy', gloss);
        if (gloss) await settled(tab, 1000);
        else await new Promise((r) => setTimeout(r, 1000));
        await tab.evaluate(() => Object.assign((window as unknown as { __p: Probe }).__p.lag, { max: 0, total: 0, ticks: 0 }));
        const framesBefore = (await probe(tab)).frames.length;
        const storm = () => tab.evaluate(() => (window as unknown as { storm: (ms: number) => Promise<number> }).storm(5_000));
        const cpu = gloss ? await profiled(tab, storm) : null;
        const done = cpu ? cpu.result : await storm();
        if (cpu) cpuShares.push(cpu);
        await new Promise((r) => setTimeout(r, 2000));
        const p = await probe(tab);
        const [registered, live] = await tab.evaluate(() => {
          const w = window as unknown as { __registered: () => number; __live: () => number };
          return [w.__registered(), w.__live()];
        });
        rounds[gloss ? 'with' : 'without'].push({ done, p: { ...p, frames: p.frames.slice(framesBefore) }, registered, live });
      }
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const bw = rounds.with;
    const bb = rounds.without;
    const most = (xs: number[]) => Math.max(0, ...xs);
    log(`page mutating 1,000 times a second, 3 rounds of 5 s: ${bw.map((r) => r.done).join(', ')} mutations with Gloss, ${bb.map((r) => r.done).join(', ')} without -> ` +
      `${((100 * sum(bw.map((r) => r.done))) / sum(bb.map((r) => r.done))).toFixed(1)} % (budget 90 %); ` +
      `timer lag longest ${ms(most(bw.map((r) => r.p.lag.max)))}, total ${ms(sum(bw.map((r) => r.p.lag.total)))} ` +
      `(without: ${ms(most(bb.map((r) => r.p.lag.max)))}, ${ms(sum(bb.map((r) => r.p.lag.total)))}); ` +
      `longest Gloss task ${longestGloss({ ...bw[0]!.p, frames: bw.flatMap((r) => r.p.frames) })}; ` +
      `afterwards ${bw.map((r) => `${r.registered} ranges for ${r.live} live mentions`).join('; ')}`);
    const cs = (f: (c: (typeof cpuShares)[number]) => number) => sum(cpuShares.map(f));
    log(`  main thread during the storms with Gloss (V8 sampling profiler): Gloss's scripts ${ms(cs((c) => c.gloss))} = ${((100 * cs((c) => c.gloss)) / cs((c) => c.total)).toFixed(1)} % of the time ` +
      `(everything else, the page and the browser: ${ms(cs((c) => c.page))}); garbage collection ${ms(cs((c) => c.gc))}; idle ${ms(cs((c) => c.idle))}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
