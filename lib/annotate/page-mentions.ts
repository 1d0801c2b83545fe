import { isCapitalsOnly, pageNames, resolveHeld } from '../match/context';
import type { HeldMatch } from '../match/types';
import { rangeOf, type Block } from './blocks';
import type { PageHighlights } from './highlights';
import { Unlocked, type BlockAnswer } from './match-memo';
import type { Mention, MentionMode } from './types';

/** One block of the page with what it names. */
export interface Tracked {
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

/** Room left under the page's mention cap; reads take from it. */
export interface Room {
  left: number;
}

export const inDocumentOrder = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

/**
 * The page's blocks with their mentions, and which of them are registered as highlights.
 * Reads that overlap (an immediate one from the memo inside a slower one) stay consistent:
 * a block dropped twice counts once, and a slower read never puts back a block that a
 * later one replaced.
 */
export class PageMentions {
  tracked: Tracked[] = [];
  /** Mentions that need no context, on the whole page (what the cap counts). */
  count = 0;
  /** Whether the page named more than the cap let in. */
  overCap = false;
  /** Stamps of reads from the memo: see `commit`. */
  stamp = 0;
  // In `first` mode, the entities already highlighted while mentions stream in.
  private shownKeys = new Set<string>();
  // The mentions registered as highlights right now, so a change touches only what changed.
  private lit = new Set<Mention>();
  private readonly startOf = new WeakMap<Mention, number>();
  private readonly dropped = new WeakSet<Tracked>();
  private readonly readAt = new WeakMap<Element, number>();

  constructor(
    private readonly highlights: PageHighlights,
    public mode: MentionMode,
  ) {}

  all(): Mention[] {
    return this.tracked.flatMap((t) => t.mentions);
  }

  shown(): Mention[] {
    const all = this.all();
    if (this.mode === 'all') return all;
    const seen = new Set<string>();
    return all.filter((m) => !seen.has(m.key) && !!seen.add(m.key));
  }

  /** Brings the highlights in line with the mode, after blocks came and went out of order. */
  applyMode(): Mention[] {
    const visible = this.shown();
    const keep = new Set(visible);
    for (const m of this.lit) if (!keep.has(m)) this.highlights.delete(m.kind, m.range);
    for (const m of visible) if (!this.lit.has(m)) this.highlights.add(m.kind, m.range);
    this.lit = keep;
    this.shownKeys = new Set(visible.map((m) => m.key));
    return visible;
  }

  /** Registers one new mention (in `first` mode, only an entity's first). */
  show(m: Mention): void {
    if (this.mode === 'first' && this.shownKeys.has(m.key)) return;
    this.shownKeys.add(m.key);
    this.highlights.add(m.kind, m.range);
    this.lit.add(m);
  }

  drop(t: Tracked): void {
    if (this.dropped.has(t)) return;
    this.dropped.add(t);
    this.count -= t.free.length;
    for (const m of t.mentions) {
      this.highlights.delete(m.kind, m.range);
      this.lit.delete(m);
    }
  }

  /** Ranges for one block's answer, within `room` mentions; null when it names nothing. */
  track(block: Block, answer: BlockAnswer, room: Room): Tracked | null {
    const t: Tracked = { block, mentions: [], free: [], held: answer.held, counted: new Map(), capitalsOnly: isCapitalsOnly(block.text) };
    for (const hit of answer.hits) {
      if (room.left <= 0) {
        this.overCap = true;
        break;
      }
      const range = rangeOf(block, hit.start, hit.end);
      if (!range) continue;
      const mention: Mention = { key: hit.key, kind: hit.kind, range, full: hit.full };
      this.startOf.set(mention, hit.start);
      t.mentions.push(mention);
      t.free.push(mention);
      room.left--;
    }
    return t.mentions.length || t.held.length ? t : null;
  }

  /** Notes blocks read at once from the memo; returns the stamp to commit them with. */
  markRead(made: Tracked[]): number {
    const now = ++this.stamp;
    for (const t of made) this.readAt.set(t.block.element, now);
    return now;
  }

  /** Whether a read begun at `since` may still replace this block. */
  olderThan(t: Tracked, since: number): boolean {
    return (this.readAt.get(t.block.element) ?? 0) <= since;
  }

  /** Tracks blocks a read made, leaving out those the page removed or a later read replaced. */
  commit(made: Tracked[], since: number): Tracked[] {
    const kept = made.filter((t) => t.block.nodes.every((n) => n.isConnected) && this.olderThan(t, since));
    for (const t of kept) this.count += t.free.length;
    this.tracked.push(...kept);
    return kept;
  }

  /** Drops `stale` and commits `made` in one step, so unchanged text never shows bare. */
  swap(stale: Tracked[], made: Tracked[], since: number): Tracked[] {
    const gone = new Set(stale);
    stale.forEach((t) => this.drop(t));
    this.tracked = this.tracked.filter((t) => !gone.has(t));
    return this.commit(made, since);
  }

  /**
   * Decides again which held mentions count, from the mentions that need no context on the whole
   * page, before or after them. Only held mentions change; the others keep their highlights.
   */
  private resolveContext(): void {
    const names = pageNames(this.tracked.map((t) => ({ keys: t.free.map((m) => m.key), capitalsOnly: t.capitalsOnly })));
    for (const t of this.tracked) {
      if (t.held.length === 0) continue;
      const chosen = new Set(resolveHeld(t.held, names));
      for (const [h, m] of t.counted) {
        if (chosen.has(h)) continue;
        t.counted.delete(h);
        this.highlights.delete(m.kind, m.range);
        this.lit.delete(m);
      }
      for (const h of chosen) {
        if (t.counted.has(h)) continue;
        const range = rangeOf(t.block, h.start, h.end);
        if (!range) continue;
        const m: Mention = { key: h.key, kind: h.kind, range, full: false };
        this.startOf.set(m, h.start);
        t.counted.set(h, m);
      }
      t.mentions = [...t.free, ...t.counted.values()].sort((a, b) => (this.startOf.get(a) ?? 0) - (this.startOf.get(b) ?? 0));
    }
  }

  /** Document order, page-wide context (text that arrived may let held mentions count, or not), mode. */
  settle(): Mention[] {
    this.tracked.sort((a, b) => inDocumentOrder(a.block.element, b.block.element));
    this.resolveContext();
    return this.applyMode();
  }

  clear(): void {
    this.tracked.forEach((t) => this.drop(t));
    this.tracked = [];
    this.count = 0;
    this.overCap = false;
    this.shownKeys = new Set();
    this.lit = new Set();
  }

  /** Keys named in full before `el` in document order, in these blocks (still on the page). */
  static unlockedBefore(el: Element, pool: Iterable<Tracked>): Unlocked {
    const keys = new Unlocked();
    for (const t of pool) {
      if (t.block.element === el || !(t.block.element.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      for (const m of t.free) if (m.full) keys.add(m.key);
    }
    return keys;
  }
}
