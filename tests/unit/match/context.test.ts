/** `needsContext` (docs/pack-format.md, "Matching"): context is page-wide and comes from mentions that need none. */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/lib/match/compile';
import { isCapitalsOnly, pageNames, resolveHeld } from '@/lib/match/context';
import { matchBlock } from '@/lib/match/find';
import { deserializeMatcher, serializeMatcher } from '@/lib/match/serialize';
import type { HeldMatch, Match, Matcher, MatcherEntry } from '@/lib/match/types';

const ENTRIES: MatcherEntry[] = [
  // Pack A: the country.
  {
    key: 'a:georgia',
    kind: 'state',
    aliases: [
      { text: 'Georgia', needsContext: true },
      { text: 'Republic of Georgia' },
      { text: 'Gürcistan', lang: 'tr' },
      { text: 'Грузи', lang: 'ru', stem: 2 },
    ],
    context: ['a:russia', 'a:tbilisi'],
  },
  { key: 'a:russia', kind: 'state', aliases: [{ text: 'Russia' }, { text: 'Rusya', lang: 'tr' }, { text: 'Росси', lang: 'ru', stem: 2 }] },
  { key: 'a:tbilisi', kind: 'place', aliases: [{ text: 'Tbilisi' }, { text: 'Tiflis', lang: 'tr' }, { text: 'Тбилиси' }] },
  {
    key: 'a:jordan',
    kind: 'state',
    aliases: [{ text: 'Jordan', needsContext: true }, { text: 'Ürdün', lang: 'tr' }, { text: 'Иордани', lang: 'ru', stem: 2 }],
    context: ['a:amman'],
  },
  { key: 'a:amman', kind: 'place', aliases: [{ text: 'Amman' }, { text: 'Амман' }] },
  { key: 'a:michael-jordan', kind: 'person', aliases: [{ text: 'Michael Jordan' }, { text: 'Jordan', afterFull: true }] },
  // Mısır is Egypt and also maize.
  { key: 'a:egypt', kind: 'state', aliases: [{ text: 'Mısır', lang: 'tr', needsContext: true }, { text: 'Egypt' }], context: ['a:cairo'] },
  { key: 'a:cairo', kind: 'place', aliases: [{ text: 'Kahire', lang: 'tr' }, { text: 'Cairo' }] },
  { key: 'a:new-georgia', kind: 'place', aliases: [{ text: 'New Georgia Sound', needsContext: true }], context: ['a:solomons'] },
  { key: 'a:solomons', kind: 'state', aliases: [{ text: 'Solomon Islands' }] },
  // Pack B: the US state.
  {
    key: 'b:georgia-us',
    kind: 'place',
    aliases: [
      { text: 'Georgia', needsContext: true },
      { text: 'State of Georgia' },
      { text: 'Джорджи', lang: 'ru', stem: 2, needsContext: true },
    ],
    context: ['b:atlanta', 'b:united-states'],
  },
  { key: 'b:atlanta', kind: 'place', aliases: [{ text: 'Atlanta' }, { text: 'Атланта' }] },
  { key: 'b:united-states', kind: 'state', aliases: [{ text: 'United States' }, { text: 'США' }] },
];

/** A page: blocks matched in document order, then the held mentions resolved over all of them. */
function page(blocks: string[], lang = 'en', matcher: Matcher = compileMatcher(ENTRIES)): string[][] {
  const unlocked = new Set<string>();
  const read = blocks.map((text) => {
    const held: HeldMatch[] = [];
    const free = matchBlock(matcher, text, { lang, unlocked, held });
    return { text, free, held };
  });
  const names = pageNames(read.map((b) => ({ keys: b.free.map((m) => m.key), capitalsOnly: isCapitalsOnly(b.text) })));
  return read.map((b) =>
    [...b.free, ...resolveHeld(b.held, names)]
      .sort((x: Match | HeldMatch, y: Match | HeldMatch) => x.start - y.start)
      .map((m) => `${b.text.slice(m.start, m.end)}=${m.key}`),
  );
}

describe('needsContext: English', () => {
  it('stays plain on a page with no context', () => {
    expect(page(['Georgia voters went to the polls.', 'The font is Georgia.'])).toEqual([[], []]);
  });

  it('counts with a related entity named after it', () => {
    expect(page(['Georgia protested.', 'Russia denied it.'])).toEqual([['Georgia=a:georgia'], ['Russia=a:russia']]);
  });

  it('counts with a related entity named before it, in another block', () => {
    expect(page(['Talks in Tbilisi.', 'Georgia wants in.'])).toEqual([['Tbilisi=a:tbilisi'], ['Georgia=a:georgia']]);
  });

  it('counts where the entity itself is named by an alias that needs none', () => {
    expect(page(['Georgia votes.', 'The Republic of Georgia held elections.'])).toEqual([
      ['Georgia=a:georgia'],
      ['Republic of Georgia=a:georgia'],
    ]);
  });

  it('two packs compete for one name: the one whose context is on the page wins', () => {
    expect(page(['Georgia voted early.', 'Turnout in Atlanta was high.'])).toEqual([['Georgia=b:georgia-us'], ['Atlanta=b:atlanta']]);
    expect(page(['Georgia voted early.', 'Russia watched.'])).toEqual([['Georgia=a:georgia'], ['Russia=a:russia']]);
  });

  it('with context for both, the entity named more often wins, then the pack subscribed first', () => {
    expect(page(['Georgia voted.', 'Russia and Atlanta.', 'The State of Georgia said so.'])).toEqual([
      ['Georgia=b:georgia-us'],
      ['Russia=a:russia', 'Atlanta=b:atlanta'],
      ['State of Georgia=b:georgia-us'],
    ]);
    expect(page(['Georgia voted.', 'Russia and Atlanta.'])).toEqual([['Georgia=a:georgia'], ['Russia=a:russia', 'Atlanta=b:atlanta']]);
  });

  it('an alias that needs no context wins the span: an unlocked afterFull surname beats the state', () => {
    expect(page(['Michael Jordan arrived in Amman.', 'Jordan said hello.'])).toEqual([
      ['Michael Jordan=a:michael-jordan', 'Amman=a:amman'],
      ['Jordan=a:michael-jordan'],
    ]);
  });

  it('a short form not unlocked does not match at all, so the state with context takes the span', () => {
    expect(page(['Jordan closed its border.', 'Amman said so.', 'Michael Jordan watched.'])).toEqual([
      ['Jordan=a:jordan'],
      ['Amman=a:amman'],
      ['Michael Jordan=a:michael-jordan'],
    ]);
  });

  it('a held mention never unlocks afterFull forms', () => {
    const m = compileMatcher([
      { key: 'j', kind: 'state', aliases: [{ text: 'Jordan', needsContext: true }, { text: 'Jordanian', afterFull: true }], context: ['amman'] },
      { key: 'amman', kind: 'place', aliases: [{ text: 'Amman' }] },
    ]);
    expect(page(['Jordan and Amman; Jordanian troops.'], 'en', m)).toEqual([['Jordan=j', 'Amman=amman']]);
  });

  it('an all-caps headline gives no context, though it highlights', () => {
    expect(page(['GEORGIA AND RUSSIA TALK', 'Georgia wants in.'])).toEqual([['RUSSIA=a:russia'], []]);
    expect(page(['GEORGIA AND RUSSIA TALK', 'Russia agreed.'])).toEqual([['GEORGIA=a:georgia', 'RUSSIA=a:russia'], ['Russia=a:russia']]);
  });

  it('a held mention without context neither highlights nor blocks a shorter one with context', () => {
    expect(page(['The New Georgia Sound route, said Russia.'])).toEqual([['Georgia=a:georgia', 'Russia=a:russia']]);
    expect(page(['The New Georgia Sound route, said the Solomon Islands and Russia.'])).toEqual([
      ['New Georgia Sound=a:new-georgia', 'Solomon Islands=a:solomons', 'Russia=a:russia'],
    ]);
  });

  it('the capital condition holds for held aliases too', () => {
    expect(page(['georgia and Russia'])).toEqual([['Russia=a:russia']]);
  });

  it('a live page: context added later lets an earlier held mention count, the rest unchanged', () => {
    const matcher = compileMatcher(ENTRIES);
    const first = page(['Georgia closed its border.', 'Officials met.'], 'en', matcher);
    expect(first).toEqual([[], []]);
    const grown = page(['Georgia closed its border.', 'Officials met.', 'Update: Tbilisi confirmed.'], 'en', matcher);
    expect(grown).toEqual([['Georgia=a:georgia'], [], ['Tbilisi=a:tbilisi']]);
  });

  it('survives the stored form of the matcher', () => {
    const stored = deserializeMatcher(structuredClone(serializeMatcher(compileMatcher(ENTRIES))));
    expect(page(['Georgia protested.', 'Russia denied it.'], 'en', stored)).toEqual([['Georgia=a:georgia'], ['Russia=a:russia']]);
  });
});

describe('needsContext: Turkish', () => {
  it('Mısır the state needs Kahire or Egypt on the page; mısır the grain never matches', () => {
    expect(page(['Mısır fiyatları yükseldi.'], 'tr')).toEqual([[]]);
    expect(page(['Tarlada mısır var.'], 'tr')).toEqual([[]]);
    expect(page(['Mısır açıklama yaptı.', 'Kahire sessiz.'], 'tr')).toEqual([['Mısır=a:egypt'], ['Kahire=a:cairo']]);
    expect(page(['MISIR AÇIKLAMA YAPTI', 'Kahire sessiz.'], 'tr')).toEqual([['MISIR=a:egypt'], ['Kahire=a:cairo']]);
  });

  it('a name that needs no context stands alone', () => {
    expect(page(['Gürcistan ve Rusya görüştü.'], 'tr')).toEqual([['Gürcistan=a:georgia', 'Rusya=a:russia']]);
  });
});

describe('needsContext: Russian', () => {
  it('Джорджия the US state needs Atlanta or the United States', () => {
    expect(page(['В Джорджии прошли выборы.'], 'ru')).toEqual([[]]);
    expect(page(['В Джорджии прошли выборы.', 'Атланта голосовала.'], 'ru')).toEqual([['Джорджии=b:georgia-us'], ['Атланта=b:atlanta']]);
    expect(page(['ДЖОРДЖИЯ', 'Атланта голосовала.'], 'ru')).toEqual([['ДЖОРДЖИЯ=b:georgia-us'], ['Атланта=b:atlanta']]);
  });

  it('Грузия needs no context', () => {
    expect(page(['Грузия и Россия.'], 'ru')).toEqual([['Грузия=a:georgia', 'Россия=a:russia']]);
  });
});
