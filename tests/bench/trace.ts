/**
 * Chromium's performance trace of one tab, read for what a script of the extension's
 * did on the page's main thread: each task (RunTask) with the time spent in the
 * extension's own scripts inside it, so a long task can be told apart as Gloss's or the
 * page's. Long Animation Frames leave the extension's content scripts out of their
 * script attribution, so the trace is where the attribution comes from.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, where the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
  cat: string;
  args?: { name?: string; data?: { url?: string; functionName?: string; frame?: string } };
}

export interface TaskFigure {
  /** When the task started, ms since the trace began. */
  at: number;
  /** The whole task, rendering included. */
  duration: number;
  /** Time in the extension's scripts within it (its own calls, rendering they forced included). */
  extension: number;
  /**
   * The same on the CPU (thread time): on a machine shared with other work, wall-clock time
   * includes the time the thread waited for a core.
   */
  extensionCpu: number;
  taskCpu: number;
  /** What ran: the outermost calls of the extension's, by function name. */
  what: string[];
  /** Everything over 1 ms inside the task, for a closer look (GLOSS_BENCH_DEBUG). */
  parts: string[];
}

export interface Thread {
  pid: number;
  tid: number;
}

export interface StopOptions {
  /** The page's main thread, when known from an earlier trace. */
  thread?: Thread;
  /**
   * Count every script on the page's thread as the extension's: the extension's message
   * listeners run without a script URL in the trace, and the bench pages have no script
   * of their own besides the benchmark's few observers.
   */
  anyScript?: boolean;
}

export interface Trace {
  stop(opts?: StopOptions): Promise<TaskFigure[] & { thread?: Thread }>;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'].join(',');
const EXTENSION = /^(chrome|moz)-extension:\/\//;
const CONTENT_SCRIPT = /^(chrome|moz)-extension:\/\/[^/]+\/content-scripts\//;

export async function startTrace(page: Page): Promise<Trace> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return {
    async stop(opts = {}) {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach();
      return tasksOf(events, opts);
    },
  };
}

/** The page's renderer main thread: the CrRendererMain thread that ran the content script most (the extension's own pages run other scripts). */
function mainThread(events: TraceEvent[]): Thread | null {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number; n: number } | null = null;
  for (const t of names) {
    const n = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'FunctionCall' && CONTENT_SCRIPT.test(e.args?.data?.url ?? '')).length;
    if (!best || n > best.n) best = { pid: t.pid, tid: t.tid, n };
  }
  return best;
}

export function tasksOf(events: TraceEvent[], opts: StopOptions = {}): TaskFigure[] & { thread?: Thread } {
  const main = opts.thread ?? mainThread(events);
  if (!main) return [];
  const isOwn = (e: TraceEvent) =>
    opts.anyScript
      ? ['FunctionCall', 'EvaluateScript'].includes(e.name)
      : EXTENSION.test(e.args?.data?.url ?? '') && ['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.run'].includes(e.name);
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const t0 = own[0]?.ts ?? 0;
  const tasks = own.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const out: TaskFigure[] & { thread?: Thread } = [];
  out.thread = { pid: main.pid, tid: main.tid };
  let i = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    let extension = 0;
    let extensionCpu = 0;
    let coveredTo = -Infinity;
    const what: string[] = [];
    const parts: string[] = [];
    while (i < own.length && own[i]!.ts < task.ts) i++;
    for (let j = i; j < own.length && own[j]!.ts < end; j++) {
      const e = own[j]!;
      if (e !== task && e.dur! > 1000) parts.push(`${e.name}${e.args?.data?.functionName ? ':' + e.args.data.functionName : ''} ${(e.dur! / 1000).toFixed(1)}`);
      // Outermost calls into the extension's scripts: a script's evaluation or a callback.
      if (!isOwn(e)) continue;
      if (e.ts < coveredTo) continue;
      extension += e.dur!;
      extensionCpu += e.tdur ?? e.dur!;
      coveredTo = e.ts + e.dur!;
      what.push(e.args?.data?.functionName || e.name);
    }
    if (extension > 0) out.push({ at: (task.ts - t0) / 1000, duration: task.dur! / 1000, extension: extension / 1000, extensionCpu: extensionCpu / 1000, taskCpu: (task.tdur ?? task.dur!) / 1000, what, parts });
  }
  return out;
}

/** The task with the most time in the extension's scripts. */
export function longestOwn(tasks: TaskFigure[]): TaskFigure | null {
  return tasks.reduce<TaskFigure | null>((best, t) => (!best || t.extension > best.extension ? t : best), null);
}
