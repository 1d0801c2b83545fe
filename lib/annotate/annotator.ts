import { findArticle, type ArticleScope } from '../article/find-article';
import { extractBlocks, type Block } from './blocks';
import type { PageHighlights } from './highlights';
import { MatchMemo, Unlocked } from './match-memo';
import { inDocumentOrder, PageMentions, type Tracked } from './page-mentions';
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
  /** The page's main-thread time the last run or refresh took (waits for the matcher left out). */
  cost(): number;
  /** The cap, when the page named more than it and the rest went unhighlighted; else null. */
  capped(): number | null;
  clear(): void;
}

export function createAnnotator(opts: AnnotatorOptions): Annotator {
  const { doc, highlights, signal } = opts;
  const batchChars = opts.batchChars ?? 200_000;
  const cap = opts.cap ?? MENTION_CAP;
  const memo = new MatchMemo();
  const book = new PageMentions(highlights, opts.mentionMode ?? 'all');
  let scope: ArticleScope | null = null;
  // Every run gets a number; an older run that resumes after a newer one started stops.
  let generation = 0;
  // The run or refresh under way: refreshes wait for it, so two never interleave.
  let active: Promise<void> | null = null;
  // The address at which the reader asked for the whole page; a navigation ends it.
  let wholePageUrl: string | null = null;
  // The page's language, read once per run (it may read the page's text).
  let lang = '';
  // The page's main-thread time the last read took.
  let lastCost = 0;

  /** Registers new mentions, in slices when a slicer is given (each slice repaints once). */
  async function show(mentions: Mention[], slicer: Slicer | null, gen: number): Promise<void> {
    for (const m of mentions) {
      if (slicer) {
        await slicer.checkpoint();
        if (gen !== generation) return;
      }
      book.show(m);
    }
  }

  /** Order, context and mode, then the news to the page's listeners. */
  function settle() {
    opts.onChange?.(book.settle());
  }

  function clear() {
    generation++;
    clearPending = false;
    book.clear();
  }

  // A run over a page that has highlights (a reread after a pack update, the reader's
  // corrections) keeps them until its first answers are in, so the page never goes bare.
  let clearPending = false;
  function clearIfPending() {
    if (!clearPending) return;
    clearPending = false;
    book.clear();
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
    const since = book.stamp;
    const complete = await readBlocks(blocks, unlocked, {
      match: opts.match,
      memo,
      lang,
      batchChars,
      slicer,
      current,
      async take(reads: BlockRead[]) {
        if (current()) clearIfPending();
        const made: Tracked[] = [];
        for (const r of reads) {
          await slicer.checkpoint();
          if (!current()) return false;
          // The page may have removed the block while the matcher read it.
          if (!r.block.nodes.every((n) => n.isConnected)) continue;
          if (room.left <= 0 && r.answer.hits.length) {
            book.overCap = true;
            break;
          }
          const t = book.track(r.block, r.answer, room);
          if (t) made.push(t);
        }
        into.push(...made);
        if (paint) await show(book.commit(made, since).flatMap((t) => t.free), slicer, gen);
        return current() && room.left > 0;
      },
    });
    // Stopped at the cap with blocks left unread: they may name more.
    if (!complete && current() && room.left <= 0) book.overCap = true;
  }

  async function runNow(slicer: Slicer): Promise<void> {
    generation++;
    clearPending = true;
    const gen = generation;
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
    const runStamp = book.stamp;
    const onScreenRead: Tracked[] = [];
    await read(visible, new Unlocked(), slicer, gen, room, onScreenRead, true);
    if (gen !== generation) return;
    if (onScreenRead.length) {
      performance.mark('gloss:first-highlight');
      // The names on screen can be hovered or tapped now, not only once the whole page is read.
      settle();
    }
    const unlocked = new Unlocked();
    await read(before, unlocked, slicer, gen, room, [], true);
    if (gen !== generation) return;
    if (unlocked.size && visible.length) {
      // Names above the screen unlock short forms on it: read those blocks again and swap, in one task.
      room.left += onScreenRead.reduce((n, t) => n + t.free.length, 0);
      const again: Tracked[] = [];
      await read(visible, unlocked, slicer, gen, room, again, false);
      if (gen !== generation) return;
      await show(book.swap(onScreenRead, again, runStamp).flatMap((t) => t.free), null, gen);
    } else {
      for (const t of onScreenRead) for (const m of t.free) if (m.full) unlocked.add(m.key);
    }
    if (room.left > 0) await read(after, unlocked, slicer, gen, room, [], true);
    else if (after.length) book.overCap = true;
    if (gen !== generation) return;
    // A page with nothing to read now (no story, no text) loses what it had.
    clearIfPending();
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
      book.tracked.filter((t) => !t.block.nodes.every((n) => n.isConnected) || replaced.has(t.block.element) || covered(t.block.element, replaced)),
    );
    const kept = book.tracked.filter((t) => !stale.has(t));
    return { targets, stale: [...stale], kept };
  }

  async function refreshNow(elements: Element[], slicer: Slicer): Promise<void> {
    if (!scope) return;
    // No story yet, or the page replaced its article container: find the article again.
    if (scope.source === 'none' || !scope.roots.some((r) => r.isConnected)) return runNow(slicer);
    const gen = generation;
    const within = scope;
    const since = book.stamp;
    const { targets, stale, kept } = plan(elements);
    // New blocks are read before the old ones go, so unchanged text never flickers.
    const room = { left: cap - book.count + stale.reduce((n, t) => n + t.free.length, 0) };
    const made: Tracked[] = [];
    for (const el of targets) {
      const blocks = await collect(el, slicer, within, (b) => !within.contains(b.element));
      if (gen !== generation) return;
      await read(blocks, PageMentions.unlockedBefore(el, [...kept, ...made]), slicer, gen, room, made, false);
      if (gen !== generation) return;
    }
    // Blocks read at once meanwhile are newer than this read's.
    await show(book.swap(stale.filter((t) => book.olderThan(t, since)), made, since).flatMap((t) => t.free), slicer, gen);
    if (gen !== generation) return;
    settle();
  }

  /** Runs one read at a time; what comes while one runs waits for it. */
  function exclusive(read: (slicer: Slicer) => Promise<void>): Promise<void> {
    const job = async () => {
      const slicer = createSlicer(signal);
      try {
        await read(slicer);
      } finally {
        lastCost = slicer.spent();
      }
    };
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
    refresh: (elements) => exclusive((slicer) => refreshNow(elements, slicer)),
    cost: () => lastCost,

    refreshFromMemo(elements) {
      if (!scope || scope.source === 'none' || !scope.roots.some((r) => r.isConnected)) return false;
      const within = scope;
      const { targets, stale, kept } = plan(elements);
      // A page re-renders a few blocks or one container, not hundreds of separate places.
      if (targets.length > 200) return false;
      const room = { left: cap - book.count + stale.reduce((n, t) => n + t.free.length, 0) };
      const made: Tracked[] = [];
      for (const el of targets) {
        const blocks = [...extractBlocks(el, { skip: within.skips })].filter((b) => within.contains(b.element) && hasText(b));
        const known = readFromMemo(blocks, PageMentions.unlockedBefore(el, [...kept, ...made]), memo, lang);
        if (!known) return false;
        for (const r of known) {
          const t = book.track(r.block, r.answer, room);
          if (t) made.push(t);
        }
      }
      const now = book.markRead(made);
      void show(book.swap(stale, made, now).flatMap((t) => t.free), null, generation);
      settle();
      return true;
    },

    mentions: () => book.all(),
    shown: () => book.shown(),
    setMentionMode(next) {
      if (next === book.mode) return;
      book.mode = next;
      opts.onChange?.(book.applyMode());
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
    capped: () => (book.overCap ? cap : null),
    clear,
  };
}

/** The element to read again when `node` changed: its block (or itself, if it is one). */
export function blockToRefresh(node: Node): Element | null {
  let el = node instanceof Element ? node : node.parentElement;
  while (el && !BLOCK_TAGS.has(el.tagName)) el = el.parentElement;
  return el;
}
