/** The capital condition (docs/pack-format.md, "Matching"): EN, TR and RU pages. */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/lib/match/compile';
import type { MatcherEntry } from '@/lib/match/types';
import { run } from './entities';

const ENTRIES: MatcherEntry[] = [
  { key: 'male', kind: 'place', aliases: [{ text: 'Malé' }] },
  { key: 'argentina', kind: 'state', aliases: [{ text: 'Argentina' }] },
  { key: 'china', kind: 'state', aliases: [{ text: 'China' }, { text: 'Çin', lang: 'tr' }, { text: 'Кита', lang: 'ru', stem: 2 }] },
  { key: 'korean-peninsula', kind: 'place', aliases: [{ text: 'Korean Peninsula' }] },
  { key: 'arms-transfers', kind: 'topic', aliases: [{ text: 'arms transfers' }] },
  { key: 'izmir', kind: 'place', aliases: [{ text: 'İzmir' }] },
  { key: 'iraq', kind: 'state', aliases: [{ text: 'Irak', lang: 'tr' }, { text: 'Iraq' }, { text: 'Ирак', lang: 'ru', stem: 2 }] },
  { key: 'chad', kind: 'state', aliases: [{ text: 'Чад', lang: 'ru' }, { text: 'Chad' }] },
  { key: 'us', kind: 'state', aliases: [{ text: 'US' }] },
];
const M = compileMatcher(ENTRIES);

interface Row {
  text: string;
  expect: string[];
}

function rows(lang: string, cases: Row[]): void {
  cases.forEach((c, i) => {
    it(`#${i + 1} [${lang}] ${JSON.stringify(c.text)}`, () => {
      expect(run(c.text, lang, [], M)).toEqual(c.expect);
    });
  });
}

describe('capital condition: English', () => {
  rows('en', [
    { text: 'The share of male voters rose.', expect: [] },
    { text: 'Flights to Malé resumed.', expect: ['Malé=male'] },
    { text: 'Flights to Male resumed.', expect: ['Male=male'] },
    { text: 'un vino bien argentina', expect: [] },
    { text: 'Argentina voted.', expect: ['Argentina=argentina'] },
    { text: 'fine china and porcelain', expect: [] },
    { text: 'Trade with China grew.', expect: ['China=china'] },
    { text: 'TRADE WITH CHINA GREW', expect: ['CHINA=china'] },
    { text: 'tension on the Korean peninsula', expect: ['Korean peninsula=korean-peninsula'] },
    { text: 'tension on the korean peninsula', expect: [] },
    { text: 'Arms transfers and arms transfers', expect: ['Arms transfers=arms-transfers', 'arms transfers=arms-transfers'] },
    { text: 'Chad Smith, a drummer, met chad fans', expect: ['Chad=chad'] },
    { text: 'let us go; the US went', expect: ['US=us'] },
  ]);
});

describe('capital condition: Turkish', () => {
  rows('tr', [
    // `ırak` is Turkish for "far": the state needs its capital.
    { text: 'Ev çok ırak değil.', expect: [] },
    { text: 'Irak seçime gidiyor.', expect: ['Irak=iraq'] },
    { text: 'IRAK SEÇİME GİDİYOR', expect: ['IRAK=iraq'] },
    { text: 'İzmir limanı açıldı.', expect: ['İzmir=izmir'] },
    { text: 'IZMIR LİMANI', expect: ['IZMIR=izmir'] },
    { text: 'izmir ve ızmir yazımları', expect: [] },
    { text: 'Çin ve çin', expect: ['Çin=china'] },
    { text: 'ÇİN AÇIKLAMA YAPTI', expect: ['ÇİN=china'] },
  ]);
});

describe('capital condition: Russian', () => {
  rows('ru', [
    // `чад` is Russian for fumes.
    { text: 'В комнате стоял чад.', expect: [] },
    { text: 'Чад закрыл границу.', expect: ['Чад=chad'] },
    { text: 'ЧАД ЗАКРЫЛ ГРАНИЦУ', expect: ['ЧАД=chad'] },
    { text: 'Визит в Китае и в китае', expect: ['Китае=china'] },
    { text: 'ИРАКА НЕТ', expect: ['ИРАКА=iraq'] },
    { text: 'иракский и Иракский', expect: [] },
  ]);
});
