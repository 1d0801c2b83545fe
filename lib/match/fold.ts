import {
  expansions,
  foldCodePoint,
  foldEntry,
  KIND_DROP,
  KIND_MULTI,
  KIND_SEPARATOR,
  KIND_SINGLE,
  SEPARATOR,
} from './fold-table';
import { isHighSurrogate, isLowSurrogate } from './char-class';

// Module-local copies for the hot loop: some loaders compile each use of an imported binding to
// a property read through a getter, which costs a call per character.
const entryOf = foldEntry;
const SINGLE = KIND_SINGLE;
const SEP = KIND_SEPARATOR;
const DROP = KIND_DROP;
const MULTI = KIND_MULTI;
const SPACE = SEPARATOR;

/**
 * Folded text as UTF-16 code units. `offsets[i]` is the index in the original string of the
 * character folded unit i came from; `offsets[length]` is the original length, so a folded range
 * [s, e) maps back to the original range [offsets[s], offsets[e]) (which then also takes in any
 * combining marks that trail the last letter).
 */
export interface FoldBuffer {
  codes: Uint16Array;
  offsets: Uint32Array;
  length: number;
}

export function createFoldBuffer(capacity = 256): FoldBuffer {
  return { codes: new Uint16Array(capacity), offsets: new Uint32Array(capacity + 1), length: 0 };
}

function grow(buf: FoldBuffer, needed: number): void {
  const cap = Math.max(needed, buf.codes.length * 2);
  const codes = new Uint16Array(cap);
  codes.set(buf.codes);
  const offsets = new Uint32Array(cap + 1);
  offsets.set(buf.offsets);
  buf.codes = codes;
  buf.offsets = offsets;
}

/**
 * Fold `text` into `buf` (reused between calls to spare the allocation on every block).
 * Runs of separators collapse into one, so line breaks and double spaces inside a block do not
 * stop `North Korea` from matching.
 */
export function foldInto(text: string, buf: FoldBuffer = createFoldBuffer(text.length + 8)): FoldBuffer {
  const L = text.length;
  if (buf.codes.length < L + 8) grow(buf, L + 8);
  let codes = buf.codes;
  let offsets = buf.offsets;
  let n = 0;
  let lastSeparator = false;
  // Invariant at the top of each iteration: n + (L - i) <= capacity, so the one-unit branches
  // never need a bounds check; only expansions do.
  for (let i = 0; i < L; i++) {
    const c = text.charCodeAt(i);
    const entry = entryOf(c);
    const kind = entry >>> 16;
    if (kind === SINGLE) {
      codes[n] = entry & 0xffff;
      offsets[n++] = i;
      lastSeparator = false;
    } else if (kind === SEP) {
      if (!lastSeparator) {
        codes[n] = SPACE;
        offsets[n++] = i;
        lastSeparator = true;
      }
    } else if (kind === DROP) {
      // nothing: a mark belongs to the letter before it
    } else {
      let folded: string;
      const start = i;
      if (kind === MULTI) {
        folded = expansions[entry & 0xffff] ?? '';
      } else if (isHighSurrogate(c) && i + 1 < L && isLowSurrogate(text.charCodeAt(i + 1))) {
        folded = foldCodePoint(((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000);
        i++;
      } else {
        folded = String.fromCharCode(c); // a lone surrogate stays as it is
      }
      if (folded.length === 0) continue;
      if (n + folded.length + (L - i) > codes.length) {
        buf.length = n;
        grow(buf, n + folded.length + (L - i) + 8);
        codes = buf.codes;
        offsets = buf.offsets;
      }
      for (let k = 0; k < folded.length; k++) {
        codes[n] = folded.charCodeAt(k);
        offsets[n++] = start;
      }
      lastSeparator = false;
    }
  }
  offsets[n] = L;
  buf.length = n;
  return buf;
}

/** UTF-16 units to a string, in chunks so a long page does not overflow the argument stack. */
export function unitsToString(codes: Uint16Array, length: number): string {
  const CHUNK = 8192;
  let out = '';
  for (let i = 0; i < length; i += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

/**
 * Fold text for matching. `offsets` has one entry per folded unit plus a final entry holding the
 * original length: folded range [s, e) came from original range [offsets[s], offsets[e]).
 */
export function fold(text: string): { text: string; offsets: Uint32Array } {
  const buf = foldInto(text);
  return { text: unitsToString(buf.codes, buf.length), offsets: buf.offsets.slice(0, buf.length + 1) };
}
