import { describe, expect, it } from 'vitest';
import { fold } from '@/lib/match/fold';

/** Check the offsets contract and return, per folded unit, the original text it came from. */
function sources(original: string): string[] {
  const { text, offsets } = fold(original);
  expect(offsets.length).toBe(text.length + 1);
  expect(offsets[text.length]).toBe(original.length);
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const a = offsets[i] ?? -1;
    const b = offsets[i + 1] ?? -1;
    expect(a).toBeLessThanOrEqual(b);
    out.push(original.slice(a, b));
  }
  return out;
}

describe('fold', () => {
  it.each([
    ['Gülten', 'gulten'],
    ['Gu\u0308lten', 'gulten'],
    ['İstanbul ISTANBUL ıstanbul istanbul', 'istanbul istanbul istanbul istanbul'],
    ['I\u0307stanbul', 'istanbul'],
    ['Ёлка йод ЙОД', 'елка иод иод'],
    ['е\u0308 и\u0306', 'е и'],
    ['Kim Jong-un', 'kim jong un'],
    ['Kim\u00a0Jong\u2011un', 'kim jong un'],
    ['Kim\u202fJong\u2010un', 'kim jong un'],
    ['a – b — c', 'a – b — c'],
    ["' ’ ʼ", "' ' '"],
    ['Straße STRASSE', 'strasse strasse'],
    ['ΟΔΟΣ οδός', 'οδοσ οδοσ'],
    ['a  \n\t b', 'a b'],
    ['Ko\u00adrea', 'korea'],
    ['😀 North', '😀 north'],
    ['𐐀', '𐐨'],
    ['김정은', '김정은'],
    ['', ''],
  ])('%j folds to %j', (input, expected) => {
    expect(fold(input).text).toBe(expected);
  });

  it('maps each folded unit back to the character it came from', () => {
    expect(sources('Gu\u0308lten')).toEqual(['G', 'u\u0308', 'l', 't', 'e', 'n']);
    expect(sources('İş')).toEqual(['İ', 'ş']);
    expect(sources('Straße')).toEqual(['S', 't', 'r', 'a', '', 'ß', 'e']);
    expect(sources('a \u00a0-b')).toEqual(['a', ' \u00a0-', 'b']);
    expect(sources('😀x')).toEqual(['', '😀', 'x']);
    expect(sources('Ko\u00adrea')).toEqual(['K', 'o\u00ad', 'r', 'e', 'a']);
  });

  it('gives offsets that bracket every folded range in the original', () => {
    const original = 'Choe Son-hui met Ким Чен Ына in Pyongyang’s 😀 İstanbul, Gu\u0308lten wrote.';
    const { text, offsets } = fold(original);
    const at = text.indexOf('gulten');
    expect(at).toBeGreaterThan(0);
    expect(original.slice(offsets[at], offsets[at + 'gulten'.length])).toBe('Gu\u0308lten');
    const ru = text.indexOf('ким чен ына');
    expect(original.slice(offsets[ru], offsets[ru + 11])).toBe('Ким Чен Ына');
    const ist = text.indexOf('istanbul');
    expect(original.slice(offsets[ist], offsets[ist + 8])).toBe('İstanbul');
  });

  it('folds precomposed and decomposed forms of a whole sentence identically', () => {
    const s = 'Çağrı Erdoğan’ın Güney Kore ziyareti; Соединённые Штаты и космодром Восточный';
    expect(fold(s.normalize('NFD')).text).toBe(fold(s.normalize('NFC')).text);
  });

  it('grows its buffer when folding makes the text longer', () => {
    const original = 'ẞ'.repeat(3) + 'ß'.repeat(1000) + ' Straße';
    const { text, offsets } = fold(original);
    expect(text).toBe('ss'.repeat(1003) + ' strasse');
    expect(offsets[2006]).toBe(1003);
    expect(original.slice(offsets[2007], offsets[text.length])).toBe('Straße');
  });

  it('handles a long page without running out of stack', () => {
    const page = 'Kim Jong-un visited Россию. '.repeat(5000);
    const { text, offsets } = fold(page);
    expect(text.length).toBe(page.length);
    expect(offsets[text.length]).toBe(page.length);
    expect(text.startsWith('kim jong un visited россию. ')).toBe(true);
  });
});
