import { fold } from '../../lib/match/fold';
import type { MatcherEntry } from '../../lib/match/types';
import type { Entity } from '../../lib/pack/types';

/** Synthetic knowledge and pages for the benchmarks: deterministic, generated in the run. */
export const PAGE_WORDS = 20_000;

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka', 'lo', 'mi', 'ra', 'ten', 'vor', 'sun', 'ha', 'li', 'gar', 'mon', 'dri', 'bel', 'tas', 'nor', 've',
  'zan', 'pel', 'ish', 'an', 'or', 'el', 'us', 'in', 'ta', 'ro', 'ki', 'mar', 'sol', 'den', 'vik', 'ber',
  'lin', 'cha', 'go', 'na', 'fe', 'dor', 'ul', 'şa', 'gü', 'jo', 'ne', 'sa', 'to', 'ma', 'do', 'hu',
];
const ORG_WORDS = ['Agency', 'Ministry', 'Council', 'Party', 'Front', 'Institute', 'Bank', 'Union', 'Command', 'Fund'];
const FILLER = (
  'the of and to in a is that for on was with as by at from it said an be has were its have but ' +
  'not are which this after had will who their they been over more also government officials talks ' +
  'minister foreign security week year would could between new first two last since about against ' +
  'people country president military economic statement meeting visit border trade sanctions report ' +
  'Monday Tuesday Wednesday Thursday Friday agreement cooperation defence region capital spokesman'
).split(' ');

/** Aliases grouped into entities: full names, second forms, afterFull surnames, acronyms. */
export function makeEntries(count: number, rnd: () => number): { entries: MatcherEntry[]; aliases: string[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const word = (min: number, max: number): string => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  // Filler words are taken, so a made-up name never turns ordinary prose into a mention.
  const seen = new Set<string>(FILLER.map((w) => fold(w).text));
  const entries: MatcherEntry[] = [];
  const aliases: string[] = [];
  const add = (entry: MatcherEntry, text: string, extra: Omit<MatcherEntry['aliases'][number], 'text'> = {}) => {
    const key = fold(text).text;
    if (seen.has(key) || aliases.length >= count) return;
    seen.add(key);
    entry.aliases.push({ text, ...extra });
    aliases.push(text);
  };
  for (let e = 0; aliases.length < count; e++) {
    const r = rnd();
    const entry: MatcherEntry = { key: `e${e}`, kind: 'topic', aliases: [] };
    if (r < 0.55) {
      entry.kind = 'person';
      const first = word(1, 2);
      const last = word(2, 3);
      add(entry, `${first} ${last}`);
      if (rnd() < 0.3) add(entry, `${first} ${word(1, 2)}-${last}`);
      add(entry, last, { afterFull: true });
    } else if (r < 0.75) {
      entry.kind = 'organization';
      const name = word(2, 3);
      add(entry, rnd() < 0.5 ? `${name} ${pick(ORG_WORDS)}` : `${pick(ORG_WORDS)} of ${name}`);
      let acronym = '';
      for (let i = 0, n = 3 + Math.floor(rnd() * 3); i < n; i++) acronym += String.fromCharCode(65 + Math.floor(rnd() * 26));
      add(entry, acronym);
    } else {
      entry.kind = 'place';
      add(entry, word(2, 4));
      if (rnd() < 0.2) add(entry, `North ${word(2, 3)}`);
    }
    if (entry.aliases.length > 0) entries.push(entry);
  }
  return { entries, aliases };
}

/** A page of ~20,000 words in paragraphs of ~120, mentioning aliases from the first 1,000. */
export function makePage(aliases: readonly string[], rnd: () => number): string[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const common = aliases.slice(0, 1000);
  const blocks: string[] = [];
  let words = 0;
  while (words < PAGE_WORDS) {
    const parts: string[] = [];
    for (let i = 0; i < 120; i++) {
      if (rnd() < 0.04) {
        parts.push(pick(common) + (rnd() < 0.2 ? '’s' : ''));
      } else {
        let w = pick(FILLER);
        if (i === 0 || rnd() < 0.05) w = w.charAt(0).toUpperCase() + w.slice(1);
        parts.push(w + (rnd() < 0.08 ? ',' : ''));
      }
    }
    words += parts.length;
    blocks.push(parts.join(' ') + '.');
  }
  return blocks;
}


/** Pack records for the matcher entries: the first alias is the English name. */
export function entitiesFrom(entries: readonly MatcherEntry[]): Entity[] {
  return entries.map((e, i) => {
    const [first, ...rest] = e.aliases;
    return {
      id: `e-${i}`,
      kind: e.kind as Entity['kind'],
      name: { en: first!.text },
      ...(rest.length ? { aliases: rest.map((a) => ({ ...a })) } : {}),
      description: { en: `Synthetic ${e.kind} number ${i}` },
    };
  });
}
