// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.reuters.com/world/story"}
import { beforeEach, describe, expect, it } from 'vitest';
import { createAnnotator, type MatchFn, type MatchRequest } from '@/lib/annotate/annotator';
import { PageHighlights } from '@/lib/annotate/highlights';
import { watchPage } from '@/lib/annotate/watch';
import { installFakeHighlights } from './fake-highlights';

/**
 * A matcher that knows Russia, Japan and "Vladimir Putin", whose surname alone counts only
 * after the full name (afterFull), as the real one does: earlier in the request or unlocked.
 */
function matcher(log: MatchRequest[] = [], delayMs = 0): MatchFn {
  return async (req) => {
    log.push(req);
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    const keys: string[] = [];
    const kinds: string[] = [];
    const hits: number[] = [];
    const unlocked = new Set(req.unlocked);
    req.blocks.forEach((text, b) => {
      for (const m of text.matchAll(/Vladimir Putin|Putin|Russia|Japan/g)) {
        const key = m[0].includes('Putin') ? 'putin' : m[0].toLowerCase();
        const full = m[0] !== 'Putin';
        if (!full && !unlocked.has(key)) continue;
        let k = keys.indexOf(key);
        if (k < 0) (k = keys.push(key) - 1), kinds.push(key === 'putin' ? 'person' : 'state');
        hits.push(b, m.index, m.index + m[0].length, k, full ? 1 : 0);
        if (full) unlocked.add(key);
      }
    });
    return { keys, kinds, hits };
  };
}

let registry: Map<string, Set<AbstractRange>>;
beforeEach(() => {
  registry = installFakeHighlights();
});

const registered = () => [...registry.values()].flatMap((set) => [...set] as Range[]);
const texts = () => registered().map((r) => r.toString()).sort();
// Patient: the annotator paces its reads by a share of the page's time, which stretches on a loaded machine.
const until = async (check: () => boolean) => {
  for (let i = 0; i < 3000 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

// Long enough to read as a story's paragraphs.
const FILL = ' The envoys talked late into the evening.';

function page(paragraphs: string[]) {
  document.body.innerHTML = `<main><article><h1>Envoys meet in the capital</h1>${paragraphs.map((p, i) => `<p id="p${i}">${p}${FILL}</p>`).join('')}</article></main>`;
  return document.querySelector('article')!;
}

function annotator(match: MatchFn, extra: { onScreen?: (el: Element) => boolean; cap?: number } = {}) {
  const signal = new AbortController().signal;
  const highlights = new PageHighlights(document, { style: 'underline', hidden: [] });
  return createAnnotator({ doc: document, match, highlights, lang: () => 'en', signal, ...extra });
}

describe('viewport first', () => {
  it('matches and highlights the blocks on screen before asking about the others', async () => {
    page(['Russia opened the talks.', 'Japan answered.', 'Later Russia and Japan met.', 'Japan left.']);
    const log: MatchRequest[] = [];
    const seenAtSecondCall: string[][] = [];
    const base = matcher(log);
    const a = annotator(
      async (req) => {
        if (log.length === 1) seenAtSecondCall.push(texts());
        return base(req);
      },
      { onScreen: (el) => el.id === 'p2' },
    );
    await a.run();
    expect(log[0]!.blocks).toEqual(['Later Russia and Japan met.' + FILL]);
    // By the time the rest is asked for, the on-screen names are already highlighted.
    expect(seenAtSecondCall[0]).toEqual(['Japan', 'Russia']);
    // Then from the top (the on-screen block again, now that names above are known), then below.
    expect(log.slice(1).flatMap((r) => r.blocks)).toEqual([
      'Envoys meet in the capital',
      ...['Russia opened the talks.', 'Japan answered.', 'Later Russia and Japan met.', 'Japan left.'].map((p) => p + FILL),
    ]);
    expect(texts()).toEqual(['Japan', 'Japan', 'Japan', 'Russia', 'Russia']);
  });

  it('a short form on screen that a full name above unlocks is highlighted once that name is read', async () => {
    page(['Vladimir Putin arrived.', 'Filler text here.', 'Putin spoke with Japan.']);
    const a = annotator(matcher(), { onScreen: (el) => el.id === 'p2' });
    await a.run();
    expect(texts()).toEqual(['Japan', 'Putin', 'Vladimir Putin']);
    expect(a.mentions().map((m) => m.range.toString())).toEqual(['Vladimir Putin', 'Putin', 'Japan']);
  });
});

describe('identical re-rendered text', () => {
  it('keeps its highlights in the same task, without asking the matcher again', async () => {
    const article = page(['Russia opened the talks.', 'Japan answered Russia.']);
    const log: MatchRequest[] = [];
    const a = annotator(matcher(log));
    const stop = new AbortController();
    await a.run();
    watchPage(document, a, stop.signal);
    const calls = log.length;
    const before = texts();
    expect(before).toEqual(['Japan', 'Russia', 'Russia']);
    // As a framework does: the same text in new nodes.
    const html = article.innerHTML;
    article.innerHTML = html;
    // Mutation observers run at the end of the task, before the page paints.
    await Promise.resolve();
    await Promise.resolve();
    expect(texts()).toEqual(before);
    expect(registered().every((r) => r.startContainer.isConnected)).toBe(true);
    expect(log.length).toBe(calls);
    stop.abort();
  });

  it('new text still goes to the matcher, and its old ranges go', async () => {
    const article = page(['Russia opened the talks.']);
    const log: MatchRequest[] = [];
    const a = annotator(matcher(log));
    const stop = new AbortController();
    await a.run();
    watchPage(document, a, stop.signal, { settleMs: 0 });
    article.querySelector('p')!.textContent = 'Japan opened the talks.';
    await until(() => texts().join() === 'Japan');
    expect(log.at(-1)!.blocks).toEqual(['Japan opened the talks.']);
    expect(registered().every((r) => r.startContainer.isConnected)).toBe(true);
    stop.abort();
  });
});

describe('under a storm of changes', () => {
  it('reads one refresh at a time and leaves exactly the visible mentions registered', async () => {
    const article = page(Array.from({ length: 20 }, (_, i) => `Paragraph ${i}: Russia and Japan.`));
    let inFlight = 0;
    let most = 0;
    const slow = matcher([], 3);
    const a = annotator(async (req) => {
      most = Math.max(most, ++inFlight);
      try {
        return await slow(req);
      } finally {
        inFlight--;
      }
    });
    const stop = new AbortController();
    await a.run();
    watchPage(document, a, stop.signal, { settleMs: 1 });
    for (let i = 0; i < 150; i++) {
      const ps = article.querySelectorAll('p');
      const p = ps[i % ps.length]!;
      if (i % 3 === 0) p.remove();
      else if (i % 3 === 1) p.textContent = `Change ${i}: Japan, ${i % 2 ? 'Russia' : 'nobody'}.`;
      else article.insertAdjacentHTML('beforeend', `<p>Added ${i}: Russia.</p>`);
      await new Promise((r) => setTimeout(r, 1));
    }
    const expected = () => [...article.querySelectorAll('p')].flatMap((p) => p.textContent!.match(/Russia|Japan/g) ?? []).sort();
    // A replaced text node's old range still reads "Japan": the page is settled only when every
    // range is on the page too (a range left on a removed node never settles, and fails here).
    await until(() => texts().join() === expected().join() && registered().every((r) => r.startContainer.isConnected));
    expect(most).toBe(1);
    const ranges = registered();
    const at = ranges.map((r) => `${article.textContent!.indexOf(r.startContainer.textContent!)}:${r.startOffset}`);
    expect(new Set(at).size).toBe(ranges.length);
    expect(ranges.length).toBe(a.shown().length);
    stop.abort();
  });
});

describe('the mention cap', () => {
  it('stops at the cap, keeps the on-screen mentions among those shown, and says it stopped', async () => {
    page(['Russia, Japan, Russia.', 'Japan, Russia, Japan.', 'Russia and Japan on screen.']);
    const a = annotator(matcher(), { cap: 4, onScreen: (el) => el.id === 'p2' });
    await a.run();
    expect(registered()).toHaveLength(4);
    expect(a.capped()).toBe(4);
    expect(a.mentions().filter((m) => m.range.startContainer.parentElement!.id === 'p2')).toHaveLength(2);
  });

  it('says it stopped when the cap falls between two blocks', async () => {
    page(['Russia and Japan.', 'Japan and Russia.', 'Russia and Japan again.']);
    const a = annotator(matcher(), { cap: 4, onScreen: () => false });
    await a.run();
    expect(registered()).toHaveLength(4);
    expect(a.capped()).toBe(4);
  });

  it('says nothing on a page under the cap', async () => {
    page(['Russia, Japan.']);
    const a = annotator(matcher(), { cap: 4 });
    await a.run();
    expect(a.capped()).toBeNull();
    expect(registered()).toHaveLength(2);
  });
});

describe('a page with no story', () => {
  it('looks for a story at most once per gap, however often the page changes', async () => {
    document.body.innerHTML = `<main>${[1, 2, 3].map((i) => `<div class="card"><h2><a href="/s/${i}">Russia story ${i}</a></h2></div>`).join('')}</main>`;
    const a = annotator(matcher());
    await a.run();
    expect(a.scope()!.source).toBe('none');
    let runs = 0;
    const run = a.run;
    a.run = () => (runs++, run());
    const refresh = a.refresh;
    a.refresh = (els) => (runs++, refresh(els));
    const stop = new AbortController();
    watchPage(document, a, stop.signal, { settleMs: 1, noStoryGapMs: 200 });
    for (let i = 0; i < 40; i++) {
      document.querySelector('main')!.insertAdjacentHTML('beforeend', `<div class="card"><a href="/x/${i}">More ${i}</a></div>`);
      await new Promise((r) => setTimeout(r, 5));
    }
    stop.abort();
    // About 200 ms of changes: one look at the start, one after the gap, not one per change.
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(runs).toBeLessThanOrEqual(3);
  });
});

describe('reading the page again', () => {
  it('keeps the highlights on the page until the new answers are in (a pack update, a correction)', async () => {
    page(['Russia and Japan met.', 'Japan left early.']);
    let hold: (() => void) | null = null;
    const base = matcher();
    const a = annotator(async (req) => {
      if (hold === null) return base(req);
      await new Promise<void>((r) => (hold = r));
      return base(req);
    });
    await a.run();
    expect(texts()).toEqual(['Japan', 'Japan', 'Russia']);
    hold = () => {};
    const again = a.reread();
    // The matcher has not answered yet: the page still shows what it had.
    await new Promise((r) => setTimeout(r, 20));
    expect(texts()).toEqual(['Japan', 'Japan', 'Russia']);
    (hold as () => void)();
    await again;
    expect(texts()).toEqual(['Japan', 'Japan', 'Russia']);
    expect(registered().every((r) => r.startContainer.isConnected)).toBe(true);
  });

  it('takes the highlights away when the page has nothing to read any more', async () => {
    const article = page(['Russia and Japan met.']);
    const a = annotator(matcher());
    await a.run();
    expect(texts()).toEqual(['Japan', 'Russia']);
    article.closest('main')!.remove();
    await a.reread();
    expect(texts()).toEqual([]);
  });
});
