/** A small, realistic knowledge base for the matcher tests, and a table runner. */
import { expect, it } from 'vitest';
import { compileMatcher } from '@/lib/match/compile';
import { matchBlock } from '@/lib/match/find';
import type { Matcher, MatcherEntry } from '@/lib/match/types';

export const ENTRIES: MatcherEntry[] = [
  {
    key: 'choe-son-hui',
    kind: 'person',
    aliases: [
      { text: 'Choe Son Hui' },
      { text: 'Чхве Сон Хи' },
      { text: 'Choe Son-hui' },
      { text: 'Choe', afterFull: true },
      { text: 'Чхве', afterFull: true, lang: 'ru' },
    ],
  },
  {
    key: 'kim-jong-un',
    kind: 'person',
    aliases: [
      { text: 'Kim Jong Un' },
      { text: 'Kim Jong-un' },
      { text: 'Ким Чен Ын', lang: 'ru' },
      { text: 'Ким Чен Ына', lang: 'ru' },
      { text: 'Ким Чен Ыну', lang: 'ru' },
      { text: 'Ким Чен Ыном', lang: 'ru' },
    ],
  },
  {
    key: 'north-korea',
    kind: 'state',
    aliases: [
      { text: 'North Korea' },
      { text: 'Kuzey Kore', lang: 'tr' },
      { text: 'Северная Корея', lang: 'ru' },
      { text: 'Северной Кореи', lang: 'ru' },
      { text: 'Северную Корею', lang: 'ru' },
      { text: 'КНДР' },
      { text: 'DPRK' },
      { text: "Democratic People's Republic of Korea" },
      { text: 'Kore Demokratik Halk Cumhuriyeti', lang: 'tr' },
    ],
  },
  {
    key: 'south-korea',
    kind: 'state',
    aliases: [
      { text: 'South Korea' },
      { text: 'Republic of Korea' },
      { text: 'Güney Kore', lang: 'tr' },
      { text: 'Южная Корея', lang: 'ru' },
      { text: 'ROK' },
    ],
  },
  {
    key: 'korea',
    kind: 'place',
    aliases: [{ text: 'Korea' }, { text: 'Kore', lang: 'tr' }, { text: 'Корея', lang: 'ru' }],
  },
  {
    key: 'russia',
    kind: 'state',
    aliases: [
      { text: 'Russia' },
      { text: 'Russian Federation' },
      { text: 'Rusya', lang: 'tr' },
      { text: 'Rusya Federasyonu', lang: 'tr' },
      { text: 'Росси', lang: 'ru', stem: 2 },
      { text: 'Российская Федерация', lang: 'ru' },
    ],
  },
  {
    key: 'united-states',
    kind: 'state',
    aliases: [
      { text: 'United States' },
      { text: 'US' },
      { text: 'U.S.' },
      { text: 'USA' },
      { text: 'U.S.A.' },
      { text: 'ABD', lang: 'tr' },
      { text: 'Amerika Birleşik Devletleri', lang: 'tr' },
      { text: 'США' },
      { text: 'Соединённые Штаты', lang: 'ru' },
    ],
  },
  {
    key: 'united-nations',
    kind: 'organization',
    aliases: [
      { text: 'United Nations' },
      { text: 'UN' },
      { text: 'BM', lang: 'tr' },
      { text: 'Birleşmiş Milletler', lang: 'tr' },
      { text: 'ООН' },
    ],
  },
  {
    key: 'kcna',
    kind: 'organization',
    aliases: [{ text: 'KCNA' }, { text: 'Korean Central News Agency' }],
  },
  {
    key: 'sergey-lavrov',
    kind: 'person',
    aliases: [
      { text: 'Sergey Lavrov' },
      { text: 'Sergei Lavrov' },
      { text: 'Сергей Лавров' },
      { text: 'Lavrov', afterFull: true },
      { text: 'Лавров', afterFull: true, stem: 2, lang: 'ru' },
    ],
  },
  {
    key: 'vladimir-putin',
    kind: 'person',
    aliases: [
      { text: 'Vladimir Putin' },
      { text: 'Владимир Путин' },
      { text: 'Putin' },
      { text: 'Путин', stem: 2, lang: 'ru' },
    ],
  },
  {
    key: 'zeki-gulten',
    kind: 'person',
    aliases: [{ text: 'Zeki Talustan Gülten' }, { text: 'Gülten', afterFull: true }],
  },
  { key: 'istanbul', kind: 'place', aliases: [{ text: 'İstanbul' }, { text: 'Стамбул', lang: 'ru' }] },
  {
    key: 'erdogan',
    kind: 'person',
    aliases: [{ text: 'Recep Tayyip Erdoğan' }, { text: 'Erdoğan' }],
  },
  { key: 'seoul', kind: 'place', aliases: [{ text: 'Seoul' }, { text: 'Seul', lang: 'tr' }, { text: 'Сеул', lang: 'ru' }] },
  { key: 'pyongyang', kind: 'place', aliases: [{ text: 'Pyongyang' }, { text: 'Пхеньян', lang: 'ru' }] },
  {
    key: 'vostochny',
    kind: 'place',
    aliases: [
      { text: 'Vostochny Cosmodrome' },
      { text: 'космодром Восточный', lang: 'ru' },
      { text: 'Vostochny', afterFull: true },
    ],
  },
  { key: 'cote-divoire', kind: 'state', aliases: [{ text: 'Côte d’Ivoire' }] },
  { key: 'g7', kind: 'organization', aliases: [{ text: 'G7' }] },
  { key: 'nasa', kind: 'organization', aliases: [{ text: 'NASA', caseSensitive: false }] },
  { key: 'who', kind: 'organization', aliases: [{ text: 'WHO' }, { text: 'World Health Organization' }] },
  // A second pack's entity for Russia: the shared alias stays with the first entry.
  {
    key: 'pack-b:russia',
    kind: 'state',
    aliases: [{ text: 'Russia' }, { text: 'Rossiya' }],
  },
];

export const MATCHER: Matcher = compileMatcher(ENTRIES);

export interface Case {
  text: string;
  /** `matched substring=key`, left to right. */
  expect: string[];
  lang?: string;
  unlocked?: string[];
}

/** Run one block and describe the result as `substring=key` strings. */
export function run(text: string, lang = 'en', unlocked: string[] = [], matcher: Matcher = MATCHER): string[] {
  return matchBlock(matcher, text, { lang, unlocked: new Set(unlocked) }).map(
    (m) => `${text.slice(m.start, m.end)}=${m.key}`,
  );
}

/** One `it` per row, named by its index and text so a failure points at the row. */
export function table(cases: Case[], defaultLang: string): void {
  cases.forEach((c, i) => {
    it(`#${i + 1} [${c.lang ?? defaultLang}] ${JSON.stringify(c.text)}`, () => {
      expect(run(c.text, c.lang ?? defaultLang, c.unlocked)).toEqual(c.expect);
    });
  });
}
