/**
 * What one character folds to (see "Matching" in docs/pack-format.md): lowercase, diacritics
 * dropped, Turkish dotless/dotted i unified, one separator, one apostrophe.
 *
 * Each BMP code unit gets a 32-bit entry `kind << 16 | payload`, computed on first sight and
 * cached, so the folding loop is one array read per character and allocates nothing.
 */

export const KIND_SINGLE = 1; // payload: the folded code unit
export const KIND_DROP = 2; // combining marks, soft hyphen: nothing in the folded text
export const KIND_SEPARATOR = 3; // spaces, no-break spaces, hyphens: one separator
export const KIND_MULTI = 4; // payload: index into `expansions` (e.g. ß → ss)
export const KIND_SURROGATE = 5; // decided per pair by foldCodePoint

export const SEPARATOR = 0x20;
export const APOSTROPHE = 0x27;

const table = new Uint32Array(0x10000);
/** Folded strings longer than one unit, indexed by a KIND_MULTI payload. */
export const expansions: string[] = [];
const expansionIndex = new Map<string, number>();
const astral = new Map<number, string>();

const HAS_MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const WHITE_SPACE = /^\s$/u;

function isSeparatorChar(c: number): boolean {
  // Hyphen-minus, hyphen, no-break hyphen. En and em dashes are punctuation, not separators.
  if (c === 0x2d || c === 0x2010 || c === 0x2011) return true;
  if (c === 0xfeff) return false; // BOM / zero-width no-break space: invisible, dropped instead
  return WHITE_SPACE.test(String.fromCharCode(c));
}

function isApostrophe(c: number): boolean {
  return c === APOSTROPHE || c === 0x2019 || c === 0x02bc;
}

/** Final adjustments after lowercasing that toLowerCase alone does not make. */
function postFold(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === 'ı') out += 'i';
    else if (ch === 'ς') out += 'σ'; // case folding maps final sigma to sigma
    else if (ch === 'ß') out += 'ss'; // case folding: STRASSE and Straße are the same word
    else if (ch.length === 1 && isApostrophe(ch.charCodeAt(0))) out += "'";
    else out += ch;
  }
  return out;
}

/** Fold one code point given as a string (slow path, cached by the callers). */
export function foldCharString(ch: string): string {
  const lower = ch.toLowerCase();
  const decomposed = lower.normalize('NFD');
  // Only take the decomposition when it removes a mark: decomposing Hangul syllables into jamo
  // (no marks involved) would change what a "letter" is for stems and boundaries.
  const base = HAS_MARK.test(decomposed) ? decomposed.replace(MARKS, '') : lower;
  return postFold(base);
}

function entryFor(folded: string): number {
  if (folded.length === 0) return KIND_DROP << 16;
  if (folded.length === 1) return (KIND_SINGLE << 16) | folded.charCodeAt(0);
  let idx = expansionIndex.get(folded);
  if (idx === undefined) {
    idx = expansions.length;
    expansions.push(folded);
    expansionIndex.set(folded, idx);
  }
  return (KIND_MULTI << 16) | idx;
}

function computeEntry(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return KIND_SURROGATE << 16;
  if (isSeparatorChar(c)) return KIND_SEPARATOR << 16;
  if (isApostrophe(c)) return (KIND_SINGLE << 16) | APOSTROPHE;
  if (c === 0xad || c === 0xfeff) return KIND_DROP << 16; // soft hyphen, BOM: invisible
  return entryFor(foldCharString(String.fromCharCode(c)));
}

/** The table entry of a BMP code unit. */
export function foldEntry(c: number): number {
  const v = table[c] ?? 0;
  if (v !== 0) return v;
  const e = computeEntry(c);
  table[c] = e;
  return e;
}

/** Fold an astral code point (Deseret and Adlam have case; most are emoji and stay as they are). */
export function foldCodePoint(cp: number): string {
  let v = astral.get(cp);
  if (v === undefined) {
    v = foldCharString(String.fromCodePoint(cp));
    astral.set(cp, v);
  }
  return v;
}
