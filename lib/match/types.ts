/** Public shapes of the matcher. See "Matching" in docs/pack-format.md for the rules. */

export interface AliasSpec {
  text: string;
  /** Only match on pages in this language (primary subtags compared). */
  lang?: string;
  /** Default: false, except 1–5-letter all-capital aliases (`US`, `KCNA`), which default to true. */
  caseSensitive?: boolean;
  /** Only after a highlighted mention of the same key by an alias without `afterFull`. */
  afterFull?: boolean;
  /** The matched word may carry 0..stem extra letters; the match then covers the whole word. */
  stem?: number;
  /** Counts only where the page also names the entity or one of its `context` keys (see find/context). */
  needsContext?: boolean;
}

export interface MatcherEntry {
  /** Caller-defined identity; the same key may appear in several entries. */
  key: string;
  kind: string;
  /** The caller turns an entity's `name` values into aliases too. */
  aliases: AliasSpec[];
  /** Keys whose mention on the page lets this entry's `needsContext` aliases count (related, participants). */
  context?: string[];
}

/** A mention in the original block text: [start, end) in UTF-16 units. */
export interface Match {
  start: number;
  end: number;
  key: string;
  kind: string;
  /** Named by an alias without `afterFull`: a mention that unlocks the short forms after it. */
  full: boolean;
}

/**
 * A mention by a `needsContext` alias that overlaps no mention needing no context: it counts only
 * once the page's other mentions give it context (see resolveHeld in context.ts).
 */
export interface HeldMatch {
  start: number;
  end: number;
  key: string;
  kind: string;
  /** The entry's index: lower is the earlier pack, then the earlier entity in its pack. */
  priority: number;
  /** The entry's context keys (its own key is context too and is not listed). */
  context: readonly string[];
}

export interface MatchOptions {
  /** The page language (any BCP 47 tag; its primary subtag is used). */
  lang: string;
  /** Keys already named in full earlier on the page; matchBlock adds to it. */
  unlocked: Set<string>;
  /** When given, receives the block's held mentions (`needsContext` aliases), left to right. */
  held?: HeldMatch[];
}

export const MATCHER_FORMAT = 'gloss-matcher/2';

/**
 * The matcher as flat arrays: a trie over folded aliases in breadth-first order, so the children
 * of a node are the consecutive nodes firstChild[n] .. firstChild[n+1]-1 and need no edge table.
 * Everything here survives structured clone and IndexedDB as it is.
 */
export interface MatcherTables {
  format: typeof MATCHER_FORMAT;
  nodeCount: number;
  /** nodeCount + 1 entries; children of n are [firstChild[n], firstChild[n + 1]). */
  firstChild: Uint32Array;
  /** The folded code unit on the edge into each node (unused for the root), ascending among siblings. */
  label: Uint16Array;
  /** Bit n set: node n ends an alias. */
  terminalBits: Uint32Array;
  /** Terminals in nodes before word w of terminalBits (a rank directory). */
  terminalRankBase: Uint32Array;
  /** Terminal of rank r owns alias records [recordStart[r], recordStart[r + 1]), in priority order. */
  recordStart: Uint32Array;
  recordEntry: Uint32Array;
  /** RECORD_CASE_SENSITIVE | RECORD_AFTER_FULL | RECORD_NEEDS_CONTEXT */
  recordFlags: Uint8Array;
  /**
   * The capital condition: 0 when the alias does not start with a capital, else 1 + the folded
   * index of its first letter, which must then be a capital on the page too.
   */
  recordCapital: Uint8Array;
  recordStem: Uint8Array;
  /** 0: any language; else 1 + index into `langs`. */
  recordLang: Uint16Array;
  /** For case-sensitive records: where the alias's per-unit capital flags start in casePool. */
  recordCase: Uint32Array;
  casePool: Uint8Array;
  /** Per entry: its key, and its kind as an index into `kinds`. */
  keys: string[];
  entryKind: Uint16Array;
  kinds: string[];
  /** Context keys of entry e: contextKeys[contextStart[e] .. contextStart[e + 1]). Only entries with a needsContext alias have any. */
  contextStart: Uint32Array;
  contextKeys: string[];
  langs: string[];
}

export const RECORD_CASE_SENSITIVE = 1;
export const RECORD_AFTER_FULL = 2;
export const RECORD_NEEDS_CONTEXT = 4;

export type SerializedMatcher = MatcherTables;

/** A ready matcher: the tables plus an index rebuilt on load rather than stored. */
export interface Matcher {
  readonly tables: MatcherTables;
  /** Child of the root for each BMP code unit, -1 if none: the first step of every attempt. */
  readonly rootChild: Int32Array;
}
