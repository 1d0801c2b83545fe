/**
 * What Gloss costs a page outside its matching, in Chromium with the built extension:
 * the longest task of Gloss's during start-up, warm-up, card mount and popup queries, on
 * a page that names known entities and on one that names none; the DOM nodes Gloss adds
 * to each; and the time from the hover delay elapsing to the card painted. Tasks are
 * attributed from Chromium's performance trace (tests/bench/trace.ts): Long Animation
 * Frames are recorded too, but Chromium names no content-script source in them. Each
 * figure stands next to its baseline from the same run: the same page where Gloss does
 * not run, and the time this machine takes to paint a trivial change after a timer.
 *
 * Run: npm run build && npm run bench -- page-cost
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Page as PwPage } from 'playwright-core';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { launch, type Tab } from '../e2e/support/browsers';
import { useOnlyPack } from '../e2e/support/options';
import { hostPublisher } from '../e2e/support/pack-host';
import { openPopupFor, toFront, waitForEntities } from '../e2e/support/popup';
import { startServer } from '../e2e/support/server';
import { longestOwn, startTrace, type TaskFigure } from './trace';
import { dwellToPaint } from './browser-steps';

const HOVERS = 40;
const FLOOR_SAMPLES = 40;

// Names the fixture pack knows, each hovered in turn.
const NAMES = ['Choe Son Hui', 'North Korea', 'Russia', 'Sergei Lavrov', 'Japan', 'Vladimir Putin', 'South Korea', 'Kim Jong Un'];

/** Prose written for this bench: a story of `n` paragraphs, naming `names[i % len]` in each when given. */
function story(n: number, names: string[] | null): string {
  const paragraphs = Array.from({ length: n }, (_, i) => {
    const who = names ? names[i % names.length]! : 'the harbour master';
    return `<p id="p${i}">On the ${i + 1}th day of talks, ${who} told reporters that the ferry timetable would be kept through the winter, ` +
      `that the lighthouse repairs were nearly done, and that the fishing quotas would be read out at the next meeting of the council.</p>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour talks</title></head>
<body><header><nav><a href="/a">World</a> <a href="/b">Business</a></nav></header>
<main><article><h1>Talks on the harbour go on</h1>${paragraphs.join('\n')}</article></main><footer><a href="/c">About</a></footer></body></html>`;
}

/**
 * Installed before the page's own scripts: every long animation frame with the scripts in
 * it, and every node added to the document (the bench pages have no
 * scripts of their own, so an added node is the browser's or Gloss's).
 */
function instrument() {
  const w = window as unknown as { __cost: Cost };
  w.__cost = { frames: [], added: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { scripts: { sourceURL: string; duration: number; invoker: string; startTime: number }[] })[]) {
      w.__cost.frames.push({
        start: e.startTime,
        duration: e.duration,
        scripts: e.scripts.map((s) => ({ url: s.sourceURL, duration: s.duration, invoker: s.invoker, start: s.startTime })),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) w.__cost.added.push(n.nodeType === 1 ? (n as Element).localName : n.nodeName);
  }).observe(document, { childList: true, subtree: true });
}

interface Cost {
  frames: { start: number; duration: number; scripts: { url: string; duration: number; invoker: string; start: number }[] }[];
  added: string[];
}

const readCost = (tab: Tab) => tab.evaluate(() => (window as unknown as { __cost: Cost }).__cost);

const longestFrame = (cost: Cost, from = 0, to = Infinity) =>
  Math.max(0, ...cost.frames.filter((f) => f.start + f.duration >= from && f.start <= to).map((f) => f.duration));

function percentiles(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms (n=${s.length})`;
}

/** Gloss's user-timing measures of its warm-up steps (components/card/prime.tsx), longest first. */
const warmUpSteps = (tab: Tab) =>
  tab.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('gloss:warm-up'))
      .map((m) => ({ name: m.name.slice('gloss:warm-up '.length), duration: m.duration })),
  );

/** The floor: a timer fires, the page changes one style, and the frame with it is painted (rAF, then a task). */
async function paintFloor(tab: Tab): Promise<number[]> {
  return tab.evaluate(async (n) => {
    const el = document.querySelector('h1') as HTMLElement;
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      out.push(
        await new Promise<number>((resolve) =>
          setTimeout(() => {
            const t0 = performance.now();
            el.style.outline = i % 2 ? '1px solid transparent' : '';
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
          }, 30 + ((i * 7) % 17)),
        ),
      );
    }
    return out;
  }, FLOOR_SAMPLES);
}

/** Hovers the story's first `count` names in turn (paragraphs `#p0`, `#p1`, …). */
const hoverPaints = (tab: Tab, count = HOVERS) => dwellToPaint(tab, Array.from({ length: count }, (_, i) => NAMES[i % NAMES.length]!), 'p');

export async function benchPageCost(log: (line: string) => void): Promise<void> {
  if (!existsSync('.output/chrome-mv3/manifest.json')) {
    log('page-cost bench: no build in .output/chrome-mv3; run "npm run build" first.');
    return;
  }
  const server = await startServer();
  const pub = hostPublisher(server, 'bench-cost');
  await pub.publish(NEWS_ENTITIES, NEWS_BRIEFS);
  server.put('/world/named', story(HOVERS, NAMES));
  server.put('/world/plain', story(HOVERS, null));
  const browser = await launch('chromium');
  log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  try {
    await useOnlyPack(browser, `${pub.base}pack.json`, 'Asia briefs');
    const open = async (path: string, host?: string) => {
      const tab = await browser.newTab();
      await (tab.raw as PwPage).addInitScript(instrument);
      const trace = await startTrace(tab.raw as PwPage);
      await tab.goto(server.url(path, host));
      return { tab, trace };
    };
    const describe = (t: TaskFigure | null) =>
      t
        ? `${t.extension.toFixed(1)} ms of Gloss's script in a task of ${t.duration.toFixed(1)} ms (on the CPU: ${t.extensionCpu.toFixed(1)} of ${t.taskCpu.toFixed(1)} ms; ${[...new Set(t.what)].slice(0, 3).join(', ')})`
        : 'no Gloss script ran';
    const settle = () => new Promise((r) => setTimeout(r, 2500));

    // Baselines: the same pages on a host where Gloss does not run.
    const baseline: Record<string, Cost> = {};
    const baseNodes: Record<string, number> = {};
    for (const path of ['/world/plain', '/world/named']) {
      const { tab, trace } = await open(path, '127.0.0.1');
      await settle();
      await trace.stop();
      baseline[path] = await readCost(tab);
      baseNodes[path] = await tab.evaluate(() => document.getElementsByTagName('*').length);
      await tab.close();
    }

    for (const [path, label] of [['/world/plain', 'a page naming no known entity'], ['/world/named', `a page naming ${NAMES.length} known entities`]] as const) {
      const { tab, trace } = await open(path);
      if (path === '/world/named') {
        await tab.waitFor(() => document.querySelector('gloss-host') !== null && document.querySelector('style[data-gloss]') !== null, undefined, 10_000);
      }
      await settle();
      const startTasks = await trace.stop();
      const cost = await readCost(tab);
      const nodes = await tab.evaluate(() => document.getElementsByTagName('*').length);
      const base = baseline[path]!;
      log(`${label}, start-up and warm-up (2.5 s after load):`);
      log(`  longest Gloss task (performance trace): ${describe(longestOwn(startTasks))}; ${startTasks.length} tasks ran Gloss's script (budget < 50 ms)`);
      log(`  longest animation frame, any cause, rendering included: ${longestFrame(cost).toFixed(0)} ms; without Gloss ${longestFrame(base).toFixed(0)} ms ` +
        `(Long Animation Frames name no content-script source in Chromium, hence the trace above)`);
      log(`  nodes Gloss added: ${nodes - baseNodes[path]!} elements (${cost.added.filter((n) => n === 'gloss-host' || n === 'style').join(', ') || 'none'}; ` +
        `${cost.added.length - base.added.length} added nodes more than without Gloss)` + (path === '/world/plain' ? ' (budget 0)' : ''));
      const steps = await warmUpSteps(tab);
      if (steps.length) {
        const top = [...steps].sort((a, b) => b.duration - a.duration);
        log(`  warm-up: ${steps.length} steps, longest ${top[0]!.name} ${top[0]!.duration.toFixed(1)} ms, all together ${steps.reduce((n, s) => n + s.duration, 0).toFixed(1)} ms`);
      } else log('  warm-up: did not run');

      if (path === '/world/named') {
        // The first cards, the very first among them, traced; the paint times come from untraced hovers after (tracing slows the page).
        const hoverTrace = await startTrace(tab.raw as PwPage);
        await hoverPaints(tab, 8);
        const hoverTasks = await hoverTrace.stop({ thread: startTasks.thread });
        log(`  card mount, longest Gloss task (performance trace, the first 8 hovers): ${describe(longestOwn(hoverTasks))}`);
        const before = performance.now();
        const t0 = await tab.evaluate(() => performance.now());
        const paints = await hoverPaints(tab);
        const hoverCost = await readCost(tab);
        if (process.env.GLOSS_BENCH_DEBUG) for (const t of hoverTasks.filter((x) => x.duration > 30)) log(`    task ${JSON.stringify(t)}`);
        log(`  ${HOVERS} hovers (${((performance.now() - before) / 1000).toFixed(0)} s): longest animation frame, any cause, ${longestFrame(hoverCost, t0).toFixed(0)} ms`);
          // The popup asks the page what it names (pageSummary) and may open a card on it.
        const popupTrace = await startTrace(tab.raw as PwPage);
        for (let i = 0; i < 3; i++) {
          const popup = await openPopupFor(browser, server.url('/world/named'));
          await waitForEntities(popup, NAMES.length);
          await popup.close();
        }
        await toFront(tab);
        const popupTasks = await popupTrace.stop({ thread: startTasks.thread, anyScript: true });
        log(`  popup queries (3 popups opened for the page): longest task running script on the page's thread ${describe(longestOwn(popupTasks))}`);
        log(`hover delay elapsed -> card painted (rAF after render, then a task), ${HOVERS} hovers: ${percentiles(paints)} (budget p95 <= 16.7 ms)`);
        log(`  baseline, a timer -> one style change painted on the same page: ${percentiles(await paintFloor(tab))}`);
      }
      await tab.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
