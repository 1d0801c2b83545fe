/** Walking the flat breadth-first trie of MatcherTables. */
import type { MatcherTables } from './types';

/** Child of node `n` along folded unit `c`, or -1. Siblings are sorted by label. */
export function childOf(t: MatcherTables, n: number, c: number): number {
  const fc = t.firstChild;
  let lo = fc[n] ?? 0;
  let hi = fc[n + 1] ?? 0;
  const label = t.label;
  // Most trie nodes below the first letters have one or two children: scan those.
  if (hi - lo <= 8) {
    for (let k = lo; k < hi; k++) {
      const l = label[k] ?? 0;
      if (l === c) return k;
      if (l > c) return -1;
    }
    return -1;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const l = label[mid] ?? 0;
    if (l === c) return mid;
    if (l < c) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Rank of terminal node `n` among terminals (its record group), or -1 if `n` ends no alias. */
export function terminalRank(t: MatcherTables, n: number): number {
  const w = n >>> 5;
  const word = t.terminalBits[w] ?? 0;
  const bit = 1 << (n & 31);
  if ((word & bit) === 0) return -1;
  return (t.terminalRankBase[w] ?? 0) + popcount(word & (bit - 1));
}

/** The root's children indexed by code unit, so the first step of each attempt is one read. */
export function buildRootIndex(t: MatcherTables): Int32Array {
  const index = new Int32Array(0x10000).fill(-1);
  const end = t.firstChild[1] ?? 0;
  for (let k = t.firstChild[0] ?? 0; k < end; k++) index[t.label[k] ?? 0] = k;
  return index;
}
