/** Find the mentions in one block of text. */
import { CLASS_LETTER, CLASS_WORD, classAt, classBefore, classOfUnit, isUpperAt } from './char-class';
import { createFoldBuffer, foldInto } from './fold';
import { primarySubtag } from './language';
import { childOf, terminalRank } from './trie';
import {
  RECORD_AFTER_FULL,
  RECORD_CASE_SENSITIVE,
  RECORD_NEEDS_CONTEXT,
  type HeldMatch,
  type Match,
  type Matcher,
  type MatcherTables,
  type MatchOptions,
} from './types';

// Module-local copies for the hot paths: some loaders compile each use of an imported binding to
// a property read through a getter, which costs a call per character.
const classOf = classOfUnit;
const classAtOf = classAt;
const child = childOf;
const rankOf = terminalRank;
const WORD = CLASS_WORD;
const LETTER = CLASS_LETTER;
const AFTER_FULL = RECORD_AFTER_FULL;
const CASE_SENSITIVE = RECORD_CASE_SENSITIVE;
const NEEDS_CONTEXT = RECORD_NEEDS_CONTEXT;
const upperAt = isUpperAt;

// One fold buffer reused for every block: matching is synchronous, so it is never shared.
const scratch = createFoldBuffer(1024);

/** Per-call state, kept in one object so the helpers below allocate nothing per attempt. */
interface Scan {
  t: MatcherTables;
  text: string;
  codes: Uint16Array;
  offsets: Uint32Array;
  length: number;
  pageLang: number;
  unlocked: Set<string>;
  bestRecord: number;
  bestEnd: number;
  /** Whether to collect `needsContext` records at all (the caller asked for held mentions). */
  collect: boolean;
  /** This attempt's valid `needsContext` records and their word ends, as pairs. */
  held: number[];
}

/** End of the word when a stem alias's key ends at `e`: up to `stem` more letters, else -1. */
function stemEnd(sc: Scan, e: number, stem: number): number {
  let p = e;
  let extra = 0;
  for (;;) {
    const packed = classAtOf(sc.codes, sc.length, p);
    if ((packed & WORD) === 0) return p;
    // A digit glued to the word is not an inflection, and too many letters make another word.
    if ((packed & LETTER) === 0 || ++extra > stem) return -1;
    p += packed >>> 8;
  }
}

function caseMatches(sc: Scan, r: number, s: number, e: number): boolean {
  const base = sc.t.recordCase[r] ?? 0;
  const pool = sc.t.casePool;
  for (let j = 0; j < e - s; j++) {
    if (isUpperAt(sc.text, sc.offsets[s + j] ?? 0) !== (pool[base + j] === 1)) return false;
  }
  return true;
}

/** Consider the records of the terminal of `rank`, whose key spans folded [s, e). */
function consider(sc: Scan, rank: number, s: number, e: number): void {
  const t = sc.t;
  const end = t.recordStart[rank + 1] ?? 0;
  let after = -1;
  for (let r = t.recordStart[rank] ?? 0; r < end; r++) {
    const lang = t.recordLang[r] ?? 0;
    if (lang !== 0 && lang !== sc.pageLang) continue;
    const flags = t.recordFlags[r] ?? 0;
    if ((flags & AFTER_FULL) !== 0 && !sc.unlocked.has(t.keys[t.recordEntry[r] ?? 0] ?? '')) continue;
    const stem = t.recordStem[r] ?? 0;
    let wordEnd = e;
    if (stem === 0) {
      if (after < 0) after = classAtOf(sc.codes, sc.length, e);
      if ((after & WORD) !== 0) continue;
    } else {
      wordEnd = stemEnd(sc, e, stem);
      if (wordEnd < 0) continue;
    }
    if ((flags & CASE_SENSITIVE) !== 0 && !caseMatches(sc, r, s, e)) continue;
    // The capital condition: an alias that starts with a capital needs one on the page.
    const capital = t.recordCapital[r] ?? 0;
    if (capital !== 0 && !upperAt(sc.text, sc.offsets[s + capital - 1] ?? 0)) continue;
    if ((flags & NEEDS_CONTEXT) !== 0) {
      // Held aside: it never displaces a mention that needs no context (see resolveHeld).
      if (sc.collect) sc.held.push(r, wordEnd);
      continue;
    }
    // Terminals come shortest first, so `>=` lets the longer key win a tie in word end.
    if (sc.bestRecord < 0 || wordEnd >= sc.bestEnd) {
      sc.bestRecord = r;
      sc.bestEnd = wordEnd;
    }
    return; // the first valid record of a key is the one that counts
  }
}

/** Walk the trie from folded index `s` (its first node is `first`); leaves the best in `sc`. */
function attempt(sc: Scan, s: number, first: number): void {
  const t = sc.t;
  sc.bestRecord = -1;
  sc.held.length = 0;
  let node = first;
  let pos = s + 1;
  for (;;) {
    const rank = rankOf(t, node);
    if (rank >= 0) consider(sc, rank, s, pos);
    if (pos >= sc.length) return;
    const next = child(t, node, sc.codes[pos] ?? 0);
    if (next < 0) return;
    node = next;
    pos++;
  }
}

/**
 * The mentions in one block (paragraph, heading, list item, table cell), left to right, as
 * ranges of the original `text`. Where candidates overlap, the leftmost and then the longest wins.
 * Adds to `opts.unlocked` each key highlighted by an alias without `afterFull`, so the caller
 * passes the same set for every block of a page, in document order.
 */
export function matchBlock(matcher: Matcher, text: string, opts: MatchOptions): Match[] {
  const t = matcher.tables;
  const root = matcher.rootChild;
  const buf = foldInto(text, scratch);
  const codes = buf.codes;
  const length = buf.length;
  const sc: Scan = {
    t,
    text,
    codes,
    offsets: buf.offsets,
    length,
    // 0 when no alias has the page's language: then only unrestricted aliases (lang 0) apply.
    pageLang: t.langs.indexOf(primarySubtag(opts.lang)) + 1,
    unlocked: opts.unlocked,
    bestRecord: -1,
    bestEnd: 0,
    collect: opts.held !== undefined,
    held: [],
  };
  const out: Match[] = [];
  const held: HeldMatch[] = [];
  let prevWord = false;
  let i = 0;
  while (i < length) {
    const c = codes[i] ?? 0;
    if (!prevWord) {
      const first = root[c] ?? -1;
      if (first >= 0) {
        attempt(sc, i, first);
        if (sc.bestRecord >= 0) {
          const r = sc.bestRecord;
          const entry = t.recordEntry[r] ?? 0;
          const key = t.keys[entry] ?? '';
          const full = ((t.recordFlags[r] ?? 0) & AFTER_FULL) === 0;
          if (full) opts.unlocked.add(key);
          out.push({
            start: buf.offsets[i] ?? 0,
            end: buf.offsets[sc.bestEnd] ?? text.length,
            key,
            kind: t.kinds[t.entryKind[entry] ?? 0] ?? '',
            full,
          });
          i = sc.bestEnd;
          prevWord = (classBefore(codes, i) & WORD) !== 0;
          continue;
        }
        for (let h = 0; h < sc.held.length; h += 2) {
          const r = sc.held[h] ?? 0;
          const entry = t.recordEntry[r] ?? 0;
          held.push({
            start: buf.offsets[i] ?? 0,
            end: buf.offsets[sc.held[h + 1] ?? 0] ?? text.length,
            key: t.keys[entry] ?? '',
            kind: t.kinds[t.entryKind[entry] ?? 0] ?? '',
            priority: entry,
            context: t.contextKeys.slice(t.contextStart[entry] ?? 0, t.contextStart[entry + 1] ?? 0),
          });
        }
      }
    }
    if (c < 0xd800 || c > 0xdfff) {
      prevWord = (classOf(c) & WORD) !== 0;
      i++;
    } else {
      const packed = classAtOf(codes, length, i);
      prevWord = (packed & WORD) !== 0;
      i += packed >>> 8 || 1;
    }
  }
  if (opts.held && held.length > 0) keepClear(held, out, opts.held);
  return out;
}

/** Moves into `into` the held mentions that overlap none of `matches` (both sorted by start). */
function keepClear(held: readonly HeldMatch[], matches: readonly Match[], into: HeldMatch[]): void {
  let m = 0;
  for (const h of held) {
    while (m < matches.length && (matches[m]?.end ?? 0) <= h.start) m++;
    const next = matches[m];
    if (!next || next.start >= h.end) into.push(h);
  }
}
