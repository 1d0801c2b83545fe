import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/lib/match/compile';
import { matchBlock } from '@/lib/match/find';
import { fold } from '@/lib/match/fold';
import type { MatcherEntry } from '@/lib/match/types';
import { MATCHER, run } from './entities';

describe('matchBlock across the blocks of a page', () => {
  it('unlocks afterFull aliases for later blocks, not earlier ones', () => {
    const unlocked = new Set<string>();
    const page = ['Choe spoke first.', 'Then Choe Son Hui arrived.', 'Choe left; Choe returned.'];
    const found = page.map((text) => matchBlock(MATCHER, text, { lang: 'en', unlocked }).map((m) => text.slice(m.start, m.end)));
    expect(found).toEqual([[], ['Choe Son Hui'], ['Choe', 'Choe']]);
    expect([...unlocked]).toEqual(['choe-son-hui']);
  });

  it('adds keys in left-to-right order, and only for aliases without afterFull', () => {
    const unlocked = new Set<string>(['sergey-lavrov']);
    matchBlock(MATCHER, 'Lavrov met North Korea’s Choe Son Hui in Russia.', { lang: 'en', unlocked });
    expect([...unlocked]).toEqual(['sergey-lavrov', 'north-korea', 'choe-son-hui', 'russia']);
    const fresh = new Set<string>();
    matchBlock(MATCHER, 'Lavrov and Choe', { lang: 'en', unlocked: fresh });
    expect(fresh.size).toBe(0);
  });

  it('a full name in another language unlocks the short form on the same page', () => {
    expect(run('Сергей Лавров встретился; Lavrov said', 'ru')).toEqual([
      'Сергей Лавров=sergey-lavrov',
      'Lavrov=sergey-lavrov',
    ]);
  });

  it('text that is never highlighted does not unlock', () => {
    const m = compileMatcher([
      { key: 'x', kind: 'person', aliases: [{ text: 'Чхве Сон Хи', lang: 'ru' }, { text: 'Choe', afterFull: true }] },
    ]);
    expect(run('Чхве Сон Хи said; Choe', 'en', [], m)).toEqual([]);
    expect(run('Чхве Сон Хи said; Choe', 'ru', [], m)).toEqual(['Чхве Сон Хи=x', 'Choe=x']);
  });

  it('keeps original ranges right after text that folds longer than it is', () => {
    const text = `${'ß'.repeat(5000)} Korea’s Straße`;
    expect(matchBlock(MATCHER, text, { lang: 'en', unlocked: new Set() })).toEqual([
      { start: 5001, end: 5006, key: 'korea', kind: 'place', full: true },
    ]);
  });

  it('tells a full mention from a short form that it unlocked', () => {
    const m = compileMatcher([{ key: 'c', kind: 'person', aliases: [{ text: 'Choe Son Hui' }, { text: 'Choe', afterFull: true }] }]);
    const got = matchBlock(m, 'Choe Son Hui met Choe', { lang: 'en', unlocked: new Set() });
    expect(got.map((x) => x.full)).toEqual([true, false]);
  });

  it('reports the kind and the exact original range', () => {
    const text = '😀 Kim\u00a0Jong\u2011un’s visit to Россию';
    const got = matchBlock(MATCHER, text, { lang: 'ru', unlocked: new Set() });
    expect(got).toEqual([
      { start: 3, end: 14, key: 'kim-jong-un', kind: 'person', full: true },
      { start: 26, end: 32, key: 'russia', kind: 'state', full: true },
    ]);
  });
});

describe('compileMatcher', () => {
  it('picks the first entry for an alias two entries share, whatever the order', () => {
    const a: MatcherEntry = { key: 'pack-a:korea', kind: 'place', aliases: [{ text: 'Korea' }] };
    const b: MatcherEntry = { key: 'pack-b:korea', kind: 'state', aliases: [{ text: 'korea' }] };
    expect(run('Korea', 'en', [], compileMatcher([a, b]))).toEqual(['Korea=pack-a:korea']);
    expect(run('Korea', 'en', [], compileMatcher([b, a]))).toEqual(['Korea=pack-b:korea']);
  });

  it('falls through to the next entry when the first cannot match here', () => {
    const m = compileMatcher([
      { key: 'kim-a', kind: 'person', aliases: [{ text: 'Kim Il Sung' }, { text: 'Kim', afterFull: true }] },
      { key: 'kim-b', kind: 'person', aliases: [{ text: 'Kim', lang: 'tr' }] },
    ]);
    expect(run('Kim', 'tr', [], m)).toEqual(['Kim=kim-b']);
    expect(run('Kim', 'tr', ['kim-a'], m)).toEqual(['Kim=kim-a']);
    expect(run('Kim', 'en', [], m)).toEqual([]);
  });

  it('trims and skips aliases that fold to nothing, and handles an empty knowledge base', () => {
    const m = compileMatcher([
      { key: 'k', kind: 'place', aliases: [{ text: '  Korea\u00a0' }, { text: ' - ' }, { text: '' }, { text: '\u0301' }] },
      { key: 'none', kind: 'topic', aliases: [] },
    ]);
    expect(run('Korea - and \u0301 -', 'en', [], m)).toEqual(['Korea=k']);
    expect(run('Korea', 'en', [], compileMatcher([]))).toEqual([]);
  });

  it('honours an explicit caseSensitive on a long alias and on a short lowercase one', () => {
    const m = compileMatcher([
      { key: 'dc', kind: 'place', aliases: [{ text: 'Washington', caseSensitive: true }, { text: 'dc', caseSensitive: true }] },
    ]);
    expect(run('Washington, WASHINGTON, dc, DC', 'en', [], m)).toEqual(['Washington=dc', 'dc=dc']);
  });

  it('checks the boundary before an alias that starts with punctuation, right after a match', () => {
    const m = compileMatcher([
      { key: 'korea', kind: 'place', aliases: [{ text: 'Korea' }] },
      { key: 'net', kind: 'topic', aliases: [{ text: '.NET', caseSensitive: false }] },
    ]);
    expect(run('Korea.NET', 'en', [], m)).toEqual(['Korea=korea']);
    expect(run('Korea .NET', 'en', [], m)).toEqual(['Korea=korea', '.NET=net']);
    expect(run('(.Net)', 'en', [], m)).toEqual(['.Net=net']);
    // Not case-sensitive, but its first letter is a capital: the page needs one there too.
    expect(run('(.net)', 'en', [], m)).toEqual([]);
  });

  it('keeps stems to the number of letters given, and not past a digit', () => {
    const m = compileMatcher([{ key: 'p', kind: 'person', aliases: [{ text: 'Putin', stem: 1 }, { text: 'Ankara', stem: 0 }] }]);
    expect(run('Putin Putina Putinas Putin2 Ankara Ankaras', 'en', [], m)).toEqual(['Putin=p', 'Putina=p', 'Ankara=p']);
  });
});

/** A slow but obvious reference: try every alias at every word start, keep leftmost-longest. */
function reference(aliases: string[], text: string): string[] {
  const f = fold(text);
  const keys = aliases.map((a) => fold(a).text.trim());
  const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  const out: string[] = [];
  let i = 0;
  while (i < f.text.length) {
    let best = -1;
    let bestLen = 0;
    if (!isWord(f.text[i - 1])) {
      keys.forEach((k, idx) => {
        if (k.length > bestLen && f.text.startsWith(k, i) && !isWord(f.text[i + k.length])) {
          best = idx;
          bestLen = k.length;
        }
      });
    }
    if (best >= 0) {
      out.push(`${text.slice(f.offsets[i], f.offsets[i + bestLen])}=${best}`);
      i += bestLen;
    } else i++;
  }
  return out;
}

describe('matchBlock against a reference search', () => {
  it('agrees on random texts over many overlapping aliases', () => {
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pick = (xs: string[]) => xs[rnd(xs.length)] ?? '';
    const words = ['kim', 'jong', 'un', 'korea', 'north', 'south', 'of', 'republic', 'rus', 'russia', 'a', 'ab', 'abc', 'ça', 'ğı', 'ки', 'кндр'];
    const aliases: string[] = [];
    for (let i = 0; i < 400; i++) {
      const n = 1 + rnd(3);
      aliases.push(Array.from({ length: n }, () => pick(words)).join(rnd(2) ? ' ' : '-'));
    }
    const unique = [...new Set(aliases.map((a) => fold(a).text))].map((k) => aliases.find((a) => fold(a).text === k) ?? k);
    const m = compileMatcher(unique.map((a, idx) => ({ key: String(idx), kind: 'topic', aliases: [{ text: a, caseSensitive: false }] })));
    const seps = [' ', ' ', '-', ', ', '. ', '\u00a0', 'x'];
    for (let t = 0; t < 300; t++) {
      let text = '';
      for (let w = 0; w < 12; w++) text += pick(words) + pick(seps);
      expect(run(text, 'en', [], m), text).toEqual(reference(unique, text));
    }
  });
});
