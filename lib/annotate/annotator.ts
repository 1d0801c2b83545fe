import { findArticle, type ArticleScope } from '../article/find-article';
import { isCapitalsOnly, pageNames, resolveHeld } from '../match/context';
import type { HeldMatch } from '../match/types';
import { extractBlocks, rangeOf, type Block } from './blocks';
import type { PageHighlights } from './highlights';
import { MatchMemo, Unlocked, type BlockAnswer } from './match-memo';
import { readBlocks, readFromMemo, type BlockRead } from './read-blocks';
import { createSlicer, type Slicer } from './slicer';
import { BLOCK_TAGS } from './scope';
import type { MatchFn, Mention, MentionMode } from './types';
import { inViewport, splitByViewport } from './viewport';

export type { MatchFn, MatchRequest, MatchResponse, Mention, MentionMode } from './types';

/**
 * Gloss stops at this many mentions on one page and says so in the popup: past it, a page is
 * a list or a dump rather than a story, and every further range costs the page its speed.
 */
export const MENTION_CAP = 3_000;

interface Tracked {
  block: Block;
  /** Every counted mention, in order: those that need no context, and the held ones that got it. */
  mentions: Mention[];
  /** The mentions that need no context. */
  free: Mention[];
  /** Mentions waiting for context, and the Mention of each while it counts. */
  held: HeldMatch[];
  counted: Map<HeldMatch, Mention>;
  capitalsOnly: boolean;
}

export interface AnnotatorOptions {
  doc: Document;
  match: MatchFn;
  highlights: PageHighlights;
  lang: () => string;
  signal: AbortSignal;
  /** After each change of the page's highlighted mentions. */
  onChange?: (mentions: Mention[]) => void;
  /** Default `all`. */
  mentionMode?: MentionMode;
  /** Characters per message to the matcher. */
  batchChars?: number;
  /** Mentions on one page at most; default MENTION_CAP. */
  cap?: number;
  /** Whether an element is on screen; by default, against the window. */
  onScreen?: (el: Element) => boolean;
}

export interface Annotator {
  /** Annotates the article from scratch (first run, and after a navigation). */
  run(): Promise<void>;
  /** Re-annotates the blocks in and under these elements, e.g. after mutations. */
  refresh(elements: Element[]): Promise<void>;
  /**
   * The same at once, in this task, when every block's text was read before (a page rendering
   * its article again); false, changing nothing, when one was not.
   */
  refreshFromMemo(elements: Element[]): boolean;
  /** Every mention found, in document order, highlighted or not. */
  mentions(): Mention[];
  /** The mentions highlighted, in document order. */
  shown(): Mention[];
  /** Changes which mentions are highlighted, without reading the page again. */
  setMentionMode(mode: MentionMode): void;
  scope(): ArticleScope | null;
  /** Reads the whole page, not only its article, until the page's address changes. */
  readWholePage(): Promise<void>;
  /** The knowledge base changed: forgets every answer and reads the page again. */
  reread(): Promise<void>;
  /** The cap, when the page named more than it and the rest went unhighlighted; else null. */
  capped(): number | null;
  clear(): void;
}

export function createAnnotator(opts: AnnotatorOptions): Annotator {
  const { doc, highlights, signal } = opts;
  const batchChars = opts.batchChars ?? 200_000;
  const cap = opts.cap ?? MENTION_CAP;
  const memo = new MatchMemo();
  let tracked: Tracked[] = [];
  let scope: ArticleScope | null = null;
  // Every run gets a number; an older run that resumes after a newer one started stops.
  let generation = 0;
  // The run or refresh under way: refreshes wait for it, so two never interleave.
  let active: Promise<void> | null = null;
  let mode: MentionMode = opts.mentionMode ?? 'all';
  // In `first` mode, the entities already highlighted while mentions stream in.
  let shownKeys = new Set<string>();
  // The address at which the reader asked for the whole page; a navigation ends it.
  let wholePageUrl: string | null = null;
  // The mentions registered as highlights right now, so a change touches only what changed.
  let lit = new Set<Mention>();
  const startOf = new WeakMap<Mention, number>();
  // Mentions that need no context, on the whole page (what the cap counts).
  let count = 0;
  let overCap = false;
  // The page's language, read once per run (it may read the page's text).
  let lang = '';

  const allMentions = () => tracked.flatMap((t) => t.mentions);

  function shown(): Mention[] {
    const all = allMentions();
    if (mode === 'all') return all;
    const seen = new Set<string>();
    return all.filter((m) => !seen.has(m.key) && !!seen.add(m.key));
  }

  /** Brings the highlights in line with the mode, after blocks came and went out of order. */
  function applyMode(): Mention[] {
    const visible = shown();
    const keep = new Set(visible);
    for (const m of lit) if (!keep.has(m)) highlights.delete(m.kind, m.range);
    for (const m of visible) if (!lit.has(m)) highlights.add(m.kind, m.range);
    lit = keep;
    shownKeys = new Set(visible.map((m) => m.key));
    return visible;
  }

  // Tracked blocks whose highlights are gone; a block may be dropped by two reads that overlapped.
  const dropped = new WeakSet<Tracked>();
  // When each block element was last read at once from the memo (see refreshFromMemo): a slower
  // read that started before must not put back what it read of the element then.
  let stamp = 0;
  const readAt = new WeakMap<Element, number>();

  function drop(t: Tracked) {
    if (dropped.has(t)) return;
    dropped.add(t);
    count -= t.free.length;
    for (const m of t.mentions) {
      highlights.delete(m.kind, m.range);
      lit.delete(m);
    }
  }

  /** Ranges for one block's answer, within `room` mentions; null when it names nothing. */
  function track(block: Block, answer: BlockAnswer, room: { left: number }): Tracked | null {
    const t: Tracked = { block, mentions: [], free: [], held: answer.held, counted: new Map(), capitalsOnly: isCapitalsOnly(block.text) };
    for (const hit of answer.hits) {
      if (room.left <= 0) {
        overCap = true;
        break;
      }
      const range = rangeOf(block, hit.start, hit.end);
      if (!range) continue;
      const mention: Mention = { key: hit.key, kind: hit.kind, range, full: hit.full };
      startOf.set(mention, hit.start);
      t.mentions.push(mention);
      t.free.push(mention);
      room.left--;
    }
    return t.mentions.length || t.held.length ? t : null;
  }

  /** Tracks blocks a read made, leaving out those the page removed or a later read replaced. */
  function commit(made: Tracked[], since: number): Tracked[] {
    const kept = made.filter((t) => t.block.nodes.every((n) => n.isConnected) && (readAt.get(t.block.element) ?? 0) <= since);
    for (const t of kept) count += t.free.length;
    tracked.push(...kept);
    return kept;
  }

  /** Registers new mentions, in slices when a slicer is given (each slice repaints once). */
  async function show(mentions: Mention[], slicer: Slicer | null, gen: number): Promise<void> {
    for (const m of mentions) {
      if (slicer) {
        await slicer.checkpoint();
        if (gen !== generation) return;
      }
      if (mode === 'first' && shownKeys.has(m.key)) continue;
      shownKeys.add(m.key);
      highlights.add(m.kind, m.range);
      lit.add(m);
    }
  }

  /**
   * Decides again which held mentions count, from the mentions that need no context on the whole
   * page, before or after them. Only held mentions change; the others keep their highlights.
   */
  function resolveContext(): void {
    const names = pageNames(tracked.map((t) => ({ keys: t.free.map((m) => m.key), capitalsOnly: t.capitalsOnly })));
    for (const t of tracked) {
      if (t.held.length === 0) continue;
      const chosen = new Set(resolveHeld(t.held, names));
      for (const [h, m] of t.counted) {
        if (chosen.has(h)) continue;
        t.counted.delete(h);
        highlights.delete(m.kind, m.range);
        lit.delete(m);
      }
      for (const h of chosen) {
        if (t.counted.has(h)) continue;
        const range = rangeOf(t.block, h.start, h.end);
        if (!range) continue;
        const m: Mention = { key: h.key, kind: h.kind, range, full: false };
        startOf.set(m, h.start);
        t.counted.set(h, m);
      }
      t.mentions = [...t.free, ...t.counted.values()].sort((a, b) => (startOf.get(a) ?? 0) - (startOf.get(b) ?? 0));
    }
  }

  /** Document order, context, mode, and the news to the page's listeners. */
  function settle() {
    tracked.sort((a, b) => inDocumentOrder(a.block.element, b.block.element));
    // Context is page-wide: text that arrived may let held mentions elsewhere count, or not.
    resolveContext();
    opts.onChange?.(applyMode());
  }

  function clear() {
    generation++;
    tracked.forEach(drop);
    tracked = [];
    count = 0;
    overCap = false;
    shownKeys = new Set();
    lit = new Set();
  }

  /** Keys named in full before `el` in document order, in these blocks (still on the page). */
  function unlockedBefore(el: Element, pool: Iterable<Tracked>): Unlocked {
    const keys = new Unlocked();
    for (const t of pool) {
      if (t.block.element === el || !(t.block.element.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      for (const m of t.free) if (m.full) keys.add(m.key);
    }
    return keys;
  }

  const hasText = (b: Block) => /[\p{L}\p{N}]/u.test(b.text);

  async function collect(root: Element, slicer: Slicer, within: ArticleScope, skip?: (b: Block) => boolean): Promise<Block[]> {
    const blocks: Block[] = [];
    for (const block of extractBlocks(root, { skip: within.skips })) {
      if (!skip?.(block) && hasText(block)) blocks.push(block);
      await slicer.checkpoint();
    }
    return blocks;
  }

  /** Reads blocks into `into` (not yet tracked) and, when `paint`, tracks and highlights them batch by batch. */
  async function read(blocks: Block[], unlocked: Unlocked, slicer: Slicer, gen: number, room: { left: number }, into: Tracked[], paint: boolean) {
    const current = () => gen === generation;
    const since = stamp;
    const complete = await readBlocks(blocks, unlocked, {
      match: opts.match,
      memo,
      lang,
      batchChars,
      slicer,
      current,
      async take(reads: BlockRead[]) {
        const made: Tracked[] = [];
        for (const r of reads) {
          await slicer.checkpoint();
          if (!current()) return false;
          // The page may have removed the block while the matcher read it.
          if (!r.block.nodes.every((n) => n.isConnected)) continue;
          if (room.left <= 0 && r.answer.hits.length) {
            overCap = true;
            break;
          }
          const t = track(r.block, r.answer, room);
          if (t) made.push(t);
        }
        into.push(...made);
        if (paint) await show(commit(made, since).flatMap((t) => t.free), slicer, gen);
        return current() && room.left > 0;
      },
    });
    // Stopped at the cap with blocks left unread: they may name more.
    if (!complete && current() && room.left <= 0) overCap = true;
  }

  async function runNow(): Promise<void> {
    clear();
    const gen = generation;
    const slicer = createSlicer(signal);
    const within = findArticle(doc, { wholePage: wholePageUrl === doc.URL });
    scope = within;
    lang = opts.lang();
    const blocks: Block[] = [];
    for (const root of within.roots) blocks.push(...(await collect(root, slicer, within)));
    if (gen !== generation) return;
    // What the reader sees first; then the rest from the top, as the page reads.
    const onScreen = opts.onScreen ?? inViewport(doc);
    const seen = new Set<Block>();
    for (const b of blocks) {
      if (onScreen(b.element)) seen.add(b);
      await slicer.checkpoint();
    }
    const { visible, before, after } = splitByViewport(blocks, (b) => seen.has(b));
    const room = { left: cap };
    const runStamp = stamp;
    const onScreenRead: Tracked[] = [];
    await read(visible, new Unlocked(), slicer, gen, room, onScreenRead, true);
    if (gen !== generation) return;
    if (onScreenRead.length) performance.mark('gloss:first-highlight');
    const unlocked = new Unlocked();
    await read(before, unlocked, slicer, gen, room, [], true);
    if (gen !== generation) return;
    if (unlocked.size && visible.length) {
      // Names above the screen unlock short forms on it: read those blocks again and swap, in one task.
      room.left += onScreenRead.reduce((n, t) => n + t.free.length, 0);
      const again: Tracked[] = [];
      await read(visible, unlocked, slicer, gen, room, again, false);
      if (gen !== generation) return;
      for (const t of onScreenRead) drop(t);
      const old = new Set(onScreenRead);
      tracked = tracked.filter((t) => !old.has(t));
      await show(commit(again, runStamp).flatMap((t) => t.free), null, gen);
    } else {
      for (const t of onScreenRead) for (const m of t.free) if (m.full) unlocked.add(m.key);
    }
    if (room.left > 0) await read(after, unlocked, slicer, gen, room, [], true);
    else if (after.length) overCap = true;
    if (gen !== generation) return;
    settle();
  }

  /** Which elements to read again, and which tracked blocks they replace. */
  function plan(elements: Element[]) {
    const within = scope!;
    const inScope = new Set(elements.filter((el) => el.isConnected && within.contains(el)));
    const covered = (el: Element, set: Set<Element>) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return true;
      return false;
    };
    const targets = [...inScope].filter((el) => !covered(el, inScope)).sort(inDocumentOrder);
    // Parts of the story that are now left out (hidden, say) lose their highlights too.
    const leftOut = elements.filter((el) => el.isConnected && !within.contains(el) && within.roots.some((r) => r.contains(el)));
    const replaced = new Set<Element>([...targets, ...leftOut]);
    const stale = new Set(
      tracked.filter((t) => !t.block.nodes.every((n) => n.isConnected) || replaced.has(t.block.element) || covered(t.block.element, replaced)),
    );
    const kept = tracked.filter((t) => !stale.has(t));
    return { targets, stale: [...stale], kept };
  }

  const inDocumentOrder = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

  function swap(stale: Tracked[], made: Tracked[], since: number): Tracked[] {
    const gone = new Set(stale);
    stale.forEach(drop);
    tracked = tracked.filter((t) => !gone.has(t));
    return commit(made, since);
  }

  async function refreshNow(elements: Element[]): Promise<void> {
    if (!scope) return;
    // No story yet, or the page replaced its article container: find the article again.
    if (scope.source === 'none' || !scope.roots.some((r) => r.isConnected)) return runNow();
    const gen = generation;
    const within = scope;
    const slicer = createSlicer(signal);
    const since = stamp;
    const { targets, stale, kept } = plan(elements);
    // New blocks are read before the old ones go, so unchanged text never flickers.
    const room = { left: cap - count + stale.reduce((n, t) => n + t.free.length, 0) };
    const made: Tracked[] = [];
    for (const el of targets) {
      const blocks = await collect(el, slicer, within, (b) => !within.contains(b.element));
      if (gen !== generation) return;
      await read(blocks, unlockedBefore(el, [...kept, ...made]), slicer, gen, room, made, false);
      if (gen !== generation) return;
    }
    // Blocks read at once meanwhile are newer than this read's.
    await show(swap(stale.filter((t) => (readAt.get(t.block.element) ?? 0) <= since), made, since).flatMap((t) => t.free), slicer, gen);
    if (gen !== generation) return;
    settle();
  }

  /** Runs one read at a time; what comes while one runs waits for it. */
  function exclusive(job: () => Promise<void>): Promise<void> {
    const prior = active;
    const next: Promise<void> = (prior ? prior.catch(() => {}).then(job) : job()).finally(() => {
      if (active === next) active = null;
    });
    active = next;
    return next;
  }

  function run(): Promise<void> {
    // A new run supersedes whatever is under way.
    generation++;
    return exclusive(runNow);
  }

  return {
    run,
    refresh: (elements) => exclusive(() => refreshNow(elements)),

    refreshFromMemo(elements) {
      if (!scope || scope.source === 'none' || !scope.roots.some((r) => r.isConnected)) return false;
      const within = scope;
      const { targets, stale, kept } = plan(elements);
      // A page re-renders a few blocks or one container, not hundreds of separate places.
      if (targets.length > 200) return false;
      const room = { left: cap - count + stale.reduce((n, t) => n + t.free.length, 0) };
      const made: Tracked[] = [];
      for (const el of targets) {
        const blocks = [...extractBlocks(el, { skip: within.skips })].filter((b) => within.contains(b.element) && hasText(b));
        const known = readFromMemo(blocks, unlockedBefore(el, [...kept, ...made]), memo, lang);
        if (!known) return false;
        for (const r of known) {
          const t = track(r.block, r.answer, room);
          if (t) made.push(t);
        }
      }
      const now = ++stamp;
      for (const t of made) readAt.set(t.block.element, now);
      void show(swap(stale, made, now).flatMap((t) => t.free), null, generation);
      settle();
      return true;
    },

    mentions: allMentions,
    shown,
    setMentionMode(next) {
      if (next === mode) return;
      mode = next;
      opts.onChange?.(applyMode());
    },
    scope: () => scope,
    readWholePage() {
      wholePageUrl = doc.URL;
      return run();
    },
    reread() {
      memo.clear();
      return run();
    },
    capped: () => (overCap ? cap : null),
    clear,
  };
}

/** The element to read again when `node` changed: its block (or itself, if it is one). */
export function blockToRefresh(node: Node): Element | null {
  let el = node instanceof Element ? node : node.parentElement;
  while (el && !BLOCK_TAGS.has(el.tagName)) el = el.parentElement;
  return el;
}
