import { findArticle, type ArticleScope } from '../article/find-article';
import { isCapitalsOnly, pageNames, resolveHeld } from '../match/context';
import type { HeldMatch } from '../match/types';
import { extractBlocks, rangeOf, type Block } from './blocks';
import { heldByBlock } from './held';
import type { PageHighlights } from './highlights';
import { createSlicer, type Slicer } from './slicer';
import { BLOCK_TAGS } from './scope';

/** What the content script sends the matcher: blocks in document order. */
export interface MatchRequest {
  blocks: string[];
  lang: string;
  /** Entities already named in full earlier on the page (unlocks `afterFull` forms). */
  unlocked: string[];
}

/** Matches, flattened: for each, [block index, start, end, key index, full (1) or short (0)]. */
export interface MatchResponse {
  keys: string[];
  kinds: string[];
  hits: number[];
  /** Mentions held for context (`needsContext`): [block index, start, end, key index, priority] each. */
  held?: number[];
  /** Per key index, the keys that give it context (filled for keys of held mentions). */
  contexts?: string[][];
}

export type MatchFn = (request: MatchRequest) => Promise<MatchResponse>;

/** Highlight every mention, or only the first of each entity on the page. */
export type MentionMode = 'all' | 'first';

export interface Mention {
  key: string;
  kind: string;
  range: Range;
  /**
   * Unlocks afterFull forms after it: named by an alias with neither `afterFull` nor
   * `needsContext` (a held mention that got its context never unlocks them).
   */
  full: boolean;
}

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
}

export interface Annotator {
  /** Annotates the article from scratch (first run, and after a navigation). */
  run(): Promise<void>;
  /** Re-annotates the blocks in and under these elements, e.g. after mutations. */
  refresh(elements: Element[]): Promise<void>;
  /** Every mention found, in document order, highlighted or not. */
  mentions(): Mention[];
  /** The mentions highlighted, in document order. */
  shown(): Mention[];
  /** Changes which mentions are highlighted, without reading the page again. */
  setMentionMode(mode: MentionMode): void;
  scope(): ArticleScope | null;
  /** Reads the whole page, not only its article, until the page's address changes. */
  readWholePage(): Promise<void>;
  clear(): void;
}

export function createAnnotator(opts: AnnotatorOptions): Annotator {
  const { doc, highlights, signal } = opts;
  const batchChars = opts.batchChars ?? 200_000;
  let tracked: Tracked[] = [];
  let scope: ArticleScope | null = null;
  // Every run gets a number; an older run that resumes after a newer one started stops.
  let generation = 0;
  let mode: MentionMode = opts.mentionMode ?? 'all';
  // In `first` mode, the entities already highlighted while mentions stream in.
  let shownKeys = new Set<string>();
  // The address at which the reader asked for the whole page; a navigation ends it.
  let wholePageUrl: string | null = null;
  // The mentions registered as highlights right now, so a change touches only what changed.
  let lit = new Set<Mention>();
  const startOf = new WeakMap<Mention, number>();

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

  function drop(t: Tracked) {
    for (const m of t.mentions) {
      highlights.delete(m.kind, m.range);
      lit.delete(m);
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

  function clear() {
    generation++;
    tracked.forEach(drop);
    tracked = [];
    shownKeys = new Set();
    lit = new Set();
  }

  /** Keys named in full in tracked blocks before `el` in document order. */
  function unlockedBefore(el: Element): Set<string> {
    const keys = new Set<string>();
    for (const t of tracked) {
      if (t.block.element === el || !(t.block.element.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      for (const m of t.free) if (m.full) keys.add(m.key);
    }
    return keys;
  }

  async function annotate(blocks: Block[], unlocked: Set<string>, slicer: Slicer, gen: number): Promise<Tracked[]> {
    const out: Tracked[] = [];
    let i = 0;
    while (i < blocks.length) {
      const batch: Block[] = [];
      let chars = 0;
      while (i < blocks.length && (batch.length === 0 || chars + blocks[i]!.text.length <= batchChars)) {
        chars += blocks[i]!.text.length;
        batch.push(blocks[i++]!);
      }
      const answer = await opts.match({ blocks: batch.map((b) => b.text), lang: opts.lang(), unlocked: [...unlocked] });
      if (gen !== generation) return out;
      const held = heldByBlock(answer, batch.length);
      const results: Tracked[] = batch.map((block, i) => ({
        block,
        mentions: [],
        free: [],
        held: held[i]!,
        counted: new Map(),
        capitalsOnly: isCapitalsOnly(block.text),
      }));
      const { hits, keys, kinds } = answer;
      // Ranges are made in slices, but registered together: every change to a registered
      // highlight repaints the page, and on a long article one repaint costs a frame.
      const toShow: Mention[] = [];
      for (let h = 0; h + 4 < hits.length; h += 5) {
        await slicer.checkpoint();
        if (gen !== generation) return out;
        const [b, start, end, k, full] = [hits[h]!, hits[h + 1]!, hits[h + 2]!, hits[h + 3]!, hits[h + 4]!];
        const t = results[b];
        const range = t && rangeOf(t.block, start, end);
        if (!t || !range) continue;
        const mention: Mention = { key: keys[k]!, kind: kinds[k]!, range, full: full === 1 };
        startOf.set(mention, start);
        t.mentions.push(mention);
        t.free.push(mention);
        if (mention.full) unlocked.add(mention.key);
        if (mode === 'all' || !shownKeys.has(mention.key)) {
          shownKeys.add(mention.key);
          toShow.push(mention);
        }
      }
      for (const m of toShow) {
        highlights.add(m.kind, m.range);
        lit.add(m);
      }
      out.push(...results.filter((r) => r.mentions.length || r.held.length));
    }
    return out;
  }

  async function collect(root: Element, slicer: Slicer, within: ArticleScope, skip?: (b: Block) => boolean): Promise<Block[]> {
    const blocks: Block[] = [];
    for (const block of extractBlocks(root, { skip: within.skips })) {
      if (!skip?.(block) && /[\p{L}\p{N}]/u.test(block.text)) blocks.push(block);
      await slicer.checkpoint();
    }
    return blocks;
  }

  async function run(): Promise<void> {
    clear();
    const gen = generation;
    const slicer = createSlicer(signal);
    const within = findArticle(doc, { wholePage: wholePageUrl === doc.URL });
    scope = within;
    const blocks: Block[] = [];
    for (const root of within.roots) blocks.push(...(await collect(root, slicer, within)));
    const found = await annotate(blocks, new Set(), slicer, gen);
    if (gen !== generation) return;
    tracked = found;
    resolveContext();
    opts.onChange?.(applyMode());
  }

  return {
    run,

    async refresh(elements) {
      if (!scope) return;
      // The page replaced its article container: find the article again.
      if (!scope.roots.some((r) => r.isConnected)) return run();
      const gen = generation;
      const slicer = createSlicer(signal);
      const inScope = elements.filter((el) => el.isConnected && scope!.contains(el));
      const targets = inScope.filter((el) => !inScope.some((o) => o !== el && o.contains(el)));
      // Parts of the story that are now left out (hidden, say) lose their highlights too.
      const leftOut = elements.filter((el) => el.isConnected && !scope!.contains(el) && scope!.roots.some((r) => r.contains(el)));
      // Blocks whose text is gone or is about to be read again lose their highlights.
      const keep: Tracked[] = [];
      for (const t of tracked) {
        const stale =
          !t.block.nodes.every((n) => n.isConnected) || [...targets, ...leftOut].some((el) => el.contains(t.block.element));
        if (stale) drop(t);
        else keep.push(t);
      }
      tracked = keep;
      shownKeys = new Set(allMentions().map((m) => m.key));
      for (const el of targets) {
        const blocks = await collect(el, slicer, scope, (b) => !scope!.contains(b.element));
        if (gen !== generation) return;
        const found = await annotate(blocks, unlockedBefore(el), slicer, gen);
        if (gen !== generation) return;
        tracked.push(...found);
      }
      tracked.sort((a, b) => (a.block.element.compareDocumentPosition(b.block.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      // Context is page-wide: text that arrived may let held mentions elsewhere count, or not.
      resolveContext();
      opts.onChange?.(applyMode());
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
    clear,
  };
}

/** The element to read again when `node` changed: its block (or itself, if it is one). */
export function blockToRefresh(node: Node): Element | null {
  let el = node instanceof Element ? node : node.parentElement;
  while (el && !BLOCK_TAGS.has(el.tagName)) el = el.parentElement;
  return el;
}
