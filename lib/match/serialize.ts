/**
 * The stored form of a matcher: typed arrays, string arrays and numbers only, so it goes through
 * structured clone (messages, IndexedDB) unchanged and a restarted background needs no rebuild.
 */
import { buildRootIndex } from './trie';
import { MATCHER_FORMAT, type Matcher, type MatcherTables, type SerializedMatcher } from './types';

export function serializeMatcher(m: Matcher): SerializedMatcher {
  // The root index is left out: it is 256 KiB and rebuilt in well under a millisecond.
  return { ...m.tables };
}

function fail(why: string): never {
  throw new Error(`not a ${MATCHER_FORMAT} matcher: ${why}`);
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

/**
 * Check and load a stored matcher. Throws on anything malformed (an old format, a truncated
 * record), so the caller can fall back to compiling from the knowledge base.
 */
export function deserializeMatcher(s: SerializedMatcher): Matcher {
  const x = s as unknown as Record<string, unknown>;
  if (typeof x !== 'object' || x === null || x.format !== MATCHER_FORMAT) fail('format');
  const typed: [string, new (n: number) => ArrayBufferView][] = [
    ['firstChild', Uint32Array],
    ['label', Uint16Array],
    ['terminalBits', Uint32Array],
    ['terminalRankBase', Uint32Array],
    ['recordStart', Uint32Array],
    ['recordEntry', Uint32Array],
    ['recordFlags', Uint8Array],
    ['recordCapital', Uint8Array],
    ['recordStem', Uint8Array],
    ['recordLang', Uint16Array],
    ['recordCase', Uint32Array],
    ['casePool', Uint8Array],
    ['entryKind', Uint16Array],
    ['contextStart', Uint32Array],
  ];
  for (const [name, ctor] of typed) if (!(x[name] instanceof ctor)) fail(name);
  if (!isStringArray(x.keys) || !isStringArray(x.kinds) || !isStringArray(x.langs) || !isStringArray(x.contextKeys)) {
    fail('string tables');
  }

  const t = s as MatcherTables;
  const n = t.nodeCount;
  if (!Number.isInteger(n) || n < 1) fail('nodeCount');
  if (t.firstChild.length !== n + 1 || t.label.length !== n) fail('node arrays');
  // Children must lie after their parent and in order, or a walk could loop or read past the end.
  let prev = 1;
  for (let i = 0; i <= n; i++) {
    const fc = t.firstChild[i] ?? 0;
    if (fc < prev || fc > n || (i < n && fc <= i)) fail('firstChild');
    prev = fc;
  }
  const words = (n + 31) >>> 5;
  if (t.terminalBits.length !== words || t.terminalRankBase.length !== words) fail('terminal arrays');
  let terminals = 0;
  for (let w = 0; w < words; w++) {
    if (t.terminalRankBase[w] !== terminals) fail('terminalRankBase');
    let v = t.terminalBits[w] ?? 0;
    while (v !== 0) {
      v &= v - 1;
      terminals++;
    }
  }
  const records = t.recordEntry.length;
  if (t.recordStart.length !== terminals + 1 || t.recordStart[terminals] !== records) fail('recordStart');
  for (let r = 0; r < terminals; r++) {
    if ((t.recordStart[r] ?? 0) > (t.recordStart[r + 1] ?? 0)) fail('recordStart order');
  }
  for (const a of [t.recordFlags, t.recordCapital, t.recordStem, t.recordLang, t.recordCase]) {
    if (a.length !== records) fail('record arrays');
  }
  if (t.entryKind.length !== t.keys.length) fail('entryKind');
  if (t.contextStart.length !== t.keys.length + 1 || t.contextStart[t.keys.length] !== t.contextKeys.length) fail('contextStart');
  for (let e = 0; e < t.keys.length; e++) {
    if ((t.contextStart[e] ?? 0) > (t.contextStart[e + 1] ?? 0)) fail('contextStart order');
  }
  for (let r = 0; r < records; r++) {
    if ((t.recordEntry[r] ?? 0) >= t.keys.length) fail('recordEntry');
    if ((t.recordLang[r] ?? 0) > t.langs.length) fail('recordLang');
  }
  for (const k of t.entryKind) if (k >= t.kinds.length) fail('entryKind');
  return { tables: t, rootChild: buildRootIndex(t) };
}

/** Approximate stored size in bytes: typed arrays as they are, strings as UTF-8. */
export function serializedByteLength(s: SerializedMatcher): number {
  let bytes = 0;
  const enc = new TextEncoder();
  for (const v of Object.values(s) as unknown[]) {
    if (ArrayBuffer.isView(v)) bytes += v.byteLength;
    else if (Array.isArray(v)) for (const str of v) bytes += enc.encode(String(str)).length + 1;
    else bytes += 8;
  }
  return bytes;
}
