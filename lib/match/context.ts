/**
 * Context resolution for `needsContext` aliases (docs/pack-format.md, "Matching"): a pass over the
 * page's mentions, never over its text. The matcher has already set aside the held mentions that
 * overlap no mention needing no context; this decides which of them count on the page as it is now.
 */
import type { HeldMatch } from './types';

/** What the page names by mentions that need no context. */
export interface PageNames {
  /** Keys that give context: named outside all-capital blocks. */
  named: ReadonlySet<string>;
  /** Mentions per key, all of them, for the tie between two entities that both have context. */
  counts: ReadonlyMap<string, number>;
}

/** A block's mentions that need no context, and whether the block is written all in capitals. */
export interface NamedBlock {
  keys: Iterable<string>;
  capitalsOnly: boolean;
}

/**
 * The page's names. A block in capitals (a shouted headline, a label) still highlights, but it
 * gives no context: in capitals `CHINA` and `china` cannot be told apart.
 */
export function pageNames(blocks: Iterable<NamedBlock>): PageNames {
  const named = new Set<string>();
  const counts = new Map<string, number>();
  for (const b of blocks) {
    for (const key of b.keys) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (!b.capitalsOnly) named.add(key);
    }
  }
  return { named, counts };
}

/** Whether `text` has capitals and no lower-case letter. */
export function isCapitalsOnly(text: string): boolean {
  return text !== text.toLowerCase() && text === text.toUpperCase();
}

export function hasContext(h: HeldMatch, names: PageNames): boolean {
  if (names.named.has(h.key)) return true;
  for (const k of h.context) if (names.named.has(k)) return true;
  return false;
}

/**
 * The held mentions of one block that count, left to right. Those without context drop out
 * first (they neither highlight nor block); among the rest the leftmost, then the longest wins,
 * and on one span the entity named more often, then the earlier pack and entity.
 */
export function resolveHeld(held: readonly HeldMatch[], names: PageNames): HeldMatch[] {
  const live = held.filter((h) => hasContext(h, names));
  if (live.length === 0) return live;
  const count = (h: HeldMatch) => names.counts.get(h.key) ?? 0;
  live.sort((a, b) => a.start - b.start || b.end - a.end || count(b) - count(a) || a.priority - b.priority);
  const out: HeldMatch[] = [];
  let end = -1;
  for (const h of live) {
    if (h.start < end) continue;
    out.push(h);
    end = h.end;
  }
  return out;
}
