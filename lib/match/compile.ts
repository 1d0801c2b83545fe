/** Compile a knowledge base's aliases into a Matcher. */
import { CLASS_LETTER, classOfCodePoint, isShortAllCaps, isUpperAt } from './char-class';
import { createFoldBuffer, foldInto, unitsToString } from './fold';
import { SEPARATOR } from './fold-table';
import { primarySubtag } from './language';
import { buildRootIndex } from './trie';
import { buildTrie } from './trie-build';
import {
  MATCHER_FORMAT,
  RECORD_AFTER_FULL,
  RECORD_CASE_SENSITIVE,
  RECORD_NEEDS_CONTEXT,
  type Matcher,
  type MatcherEntry,
  type MatcherTables,
} from './types';

interface FoldedAlias {
  key: string;
  /** 1 where the original character of the folded unit is a capital. */
  capitals: Uint8Array;
  /** Folded index of the alias's first letter when that letter is a capital, else -1. */
  capitalAt: number;
}

const scratch = createFoldBuffer(64);

/** Fold an alias the way page text is folded, without a leading or trailing separator. */
export function foldAlias(text: string): FoldedAlias {
  const buf = foldInto(text, scratch);
  let s = 0;
  let e = buf.length;
  if (s < e && buf.codes[s] === SEPARATOR) s++;
  if (e > s && buf.codes[e - 1] === SEPARATOR) e--;
  const capitals = new Uint8Array(e - s);
  let capitalAt = -1;
  let firstLetterSeen = false;
  for (let i = s; i < e; i++) {
    const at = buf.offsets[i] ?? 0;
    capitals[i - s] = isUpperAt(text, at) ? 1 : 0;
    if (!firstLetterSeen && (classOfCodePoint(text.codePointAt(at) ?? 0) & CLASS_LETTER) !== 0) {
      firstLetterSeen = true;
      if (capitals[i - s] === 1) capitalAt = i - s;
    }
  }
  return { key: unitsToString(buf.codes.subarray(s), e - s), capitals, capitalAt };
}

/**
 * Build the matcher. Aliases that fold to the same text keep their input order as priority, so
 * the first entry wins when several entries (say, two packs) share an alias.
 */
export function compileMatcher(entries: readonly MatcherEntry[]): Matcher {
  const keys: string[] = [];
  const kinds: string[] = [];
  const kindIndex = new Map<string, number>();
  const entryKind = new Uint16Array(entries.length);
  const langs: string[] = [];
  const langIndex = new Map<string, number>();

  const folded: string[] = [];
  const recEntry: number[] = [];
  const recFlags: number[] = [];
  const recStem: number[] = [];
  const recLang: number[] = [];
  const recCase: number[] = [];
  const recCapital: number[] = [];
  const casePool: number[] = [];
  const contextStart = new Uint32Array(entries.length + 1);
  const contextKeys: string[] = [];

  entries.forEach((entry, e) => {
    keys.push(entry.key);
    let k = kindIndex.get(entry.kind);
    if (k === undefined) {
      k = kinds.length;
      if (k > 0xffff) throw new Error('too many distinct kinds');
      kinds.push(entry.kind);
      kindIndex.set(entry.kind, k);
    }
    entryKind[e] = k;
    contextStart[e] = contextKeys.length;
    // Context is only ever read for entries that can be held back for the lack of it.
    if (entry.aliases.some((a) => a.needsContext)) {
      for (const c of new Set(entry.context ?? [])) if (c !== entry.key) contextKeys.push(c);
    }
    for (const alias of entry.aliases) {
      const f = foldAlias(alias.text);
      if (f.key.length === 0) continue;
      const caseSensitive = alias.caseSensitive ?? isShortAllCaps(alias.text);
      let lang = 0;
      if (alias.lang) {
        const p = primarySubtag(alias.lang);
        let l = langIndex.get(p);
        if (l === undefined) {
          l = langs.length;
          if (l >= 0xfffe) throw new Error('too many distinct alias languages');
          langs.push(p);
          langIndex.set(p, l);
        }
        lang = l + 1;
      }
      folded.push(f.key);
      recEntry.push(e);
      recFlags.push(
        (caseSensitive ? RECORD_CASE_SENSITIVE : 0) |
          (alias.afterFull ? RECORD_AFTER_FULL : 0) |
          (alias.needsContext ? RECORD_NEEDS_CONTEXT : 0),
      );
      // A case-sensitive alias checks every capital already; beyond 254 the position cannot be stored.
      recCapital.push(caseSensitive || f.capitalAt < 0 || f.capitalAt > 254 ? 0 : f.capitalAt + 1);
      const stem = alias.stem ?? 0;
      recStem.push(Number.isFinite(stem) ? Math.max(0, Math.min(255, Math.floor(stem))) : 0);
      recLang.push(lang);
      recCase.push(caseSensitive ? casePool.length : 0);
      if (caseSensitive) for (const b of f.capitals) casePool.push(b);
    }
  });
  contextStart[entries.length] = contextKeys.length;

  // Group records by folded key, keeping input order within a key (that order is the priority).
  const order = new Uint32Array(folded.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => {
    const ka = folded[a] ?? '';
    const kb = folded[b] ?? '';
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
  const uniqueKeys: string[] = [];
  const groupStart: number[] = [];
  let prev: string | undefined;
  order.forEach((r, i) => {
    const key = folded[r] ?? '';
    if (key !== prev) {
      uniqueKeys.push(key);
      groupStart.push(i);
      prev = key;
    }
  });
  groupStart.push(order.length);

  const trie = buildTrie(uniqueKeys);

  // Lay the records out in terminal-rank order, which is the order the matcher looks them up in.
  const n = order.length;
  const recordStart = new Uint32Array(trie.terminalKey.length + 1);
  const recordEntry = new Uint32Array(n);
  const recordFlags = new Uint8Array(n);
  const recordStem = new Uint8Array(n);
  const recordLang = new Uint16Array(n);
  const recordCase = new Uint32Array(n);
  const recordCapital = new Uint8Array(n);
  let out = 0;
  trie.terminalKey.forEach((keyIdx, rank) => {
    recordStart[rank] = out;
    const end = groupStart[keyIdx + 1] ?? 0;
    for (let g = groupStart[keyIdx] ?? 0; g < end; g++) {
      const r = order[g] ?? 0;
      recordEntry[out] = recEntry[r] ?? 0;
      recordFlags[out] = recFlags[r] ?? 0;
      recordStem[out] = recStem[r] ?? 0;
      recordLang[out] = recLang[r] ?? 0;
      recordCase[out] = recCase[r] ?? 0;
      recordCapital[out] = recCapital[r] ?? 0;
      out++;
    }
  });
  recordStart[trie.terminalKey.length] = out;

  const tables: MatcherTables = {
    format: MATCHER_FORMAT,
    nodeCount: trie.nodeCount,
    firstChild: trie.firstChild,
    label: trie.label,
    terminalBits: trie.terminalBits,
    terminalRankBase: trie.terminalRankBase,
    recordStart,
    recordEntry,
    recordFlags,
    recordCapital,
    recordStem,
    recordLang,
    recordCase,
    casePool: Uint8Array.from(casePool),
    keys,
    entryKind,
    kinds,
    contextStart,
    contextKeys,
    langs,
  };
  return { tables, rootChild: buildRootIndex(tables) };
}
