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
