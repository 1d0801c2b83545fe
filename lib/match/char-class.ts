/**
 * Character classes the matcher needs at word boundaries: letter, digit-or-letter ("word"),
 * and uppercase (for case-sensitive aliases).
 *
 * The BMP table is filled lazily: a page uses a few hundred distinct characters, so classifying
 * each on first sight costs far less than classifying all 65,536 at startup (which would be a
 * long task in a content script).
 */

export const CLASS_WORD = 2;
export const CLASS_LETTER = 4;
export const CLASS_UPPER = 8;
const COMPUTED = 1;

const WORD_RE = /^[\p{L}\p{N}]$/u;
const LETTER_RE = /^\p{L}$/u;

const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

function classify(s: string): number {
  let v = COMPUTED;
  if (WORD_RE.test(s)) v |= CLASS_WORD;
  if (LETTER_RE.test(s)) v |= CLASS_LETTER;
  // "Has a lowercase form" catches Lu and Lt letters plus oddities like the Kelvin sign.
  if (s.toLowerCase() !== s) v |= CLASS_UPPER;
  return v;
}

/** Class bits of a BMP code unit. Surrogates classify as nothing; use classOfCodePoint for pairs. */
export function classOfUnit(c: number): number {
  const v = bmp[c] ?? 0;
  if (v !== 0) return v;
  const computed = c >= 0xd800 && c <= 0xdfff ? COMPUTED : classify(String.fromCharCode(c));
  bmp[c] = computed;
  return computed;
}

export function classOfCodePoint(cp: number): number {
  if (cp < 0x10000) return classOfUnit(cp);
  let v = astral.get(cp);
  if (v === undefined) {
    v = classify(String.fromCodePoint(cp));
    astral.set(cp, v);
  }
  return v;
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Class of the code point that ends just before index `i` of a UTF-16 sequence (0 at the start),
 * so a boundary check sees an astral letter or emoji as one character, not two surrogates.
 */
export function classBefore(units: ArrayLike<number>, i: number): number {
  if (i <= 0) return 0;
  const c = units[i - 1] ?? 0;
  if (isLowSurrogate(c) && i >= 2) {
    const h = units[i - 2] ?? 0;
    if (isHighSurrogate(h)) return classOfCodePoint(((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000);
  }
  return classOfUnit(c);
}

/**
 * Class and width (1 or 2 units) of the code point starting at index `i`, packed as
 * `width << 8 | class` so the boundary check allocates nothing; 0 past the end.
 */
export function classAt(units: ArrayLike<number>, length: number, i: number): number {
  if (i >= length) return 0;
  const c = units[i] ?? 0;
  if (isHighSurrogate(c) && i + 1 < length) {
    const l = units[i + 1] ?? 0;
    if (isLowSurrogate(l)) return (2 << 8) | classOfCodePoint(((c - 0xd800) << 10) + (l - 0xdc00) + 0x10000);
  }
  return (1 << 8) | classOfUnit(c);
}

/** True if `text` has 1 to 5 letters and every one is a capital (`US`, `U.S.`, `DPRK`, `КНДР`). */
export function isShortAllCaps(text: string): boolean {
  let letters = 0;
  for (const ch of text) {
    const cls = classOfCodePoint(ch.codePointAt(0) ?? 0);
    if ((cls & CLASS_LETTER) === 0) continue;
    if ((cls & CLASS_UPPER) === 0) return false;
    if (++letters > 5) return false;
  }
  return letters > 0;
}

/** Whether the character at index `i` of `text` is a capital (a surrogate pair reads as one). */
export function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const cls = isHighSurrogate(c) ? classOfCodePoint(text.codePointAt(i) ?? c) : classOfUnit(c);
  return (cls & CLASS_UPPER) !== 0;
}
