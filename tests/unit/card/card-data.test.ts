import { describe, expect, it } from 'vitest';
import { mergeLocalized, shapeCard, type CardInput } from '@/lib/card/card-data';
import { briefRow, briefsOf, entityRow, packRow } from './rows';

const NOW = Date.parse('2026-12-01T00:00:00Z');

function input(extra: Partial<CardInput>): CardInput {
  return { key: '1:choe', entities: [], briefs: [], packs: [packRow(1), packRow(2)], refs: [], languages: ['en'], now: NOW, ...extra };
}

describe('language fallback', () => {
  const choe = entityRow(1, 'choe', {
    name: { en: 'Choe Son Hui', ru: 'Чхве Сон Хи', 'pt-BR': 'Choe (BR)' },
    description: { tr: 'Kuzey Kore Dışişleri Bakanı' },
    summary: { ru: 'Только по-русски', de: 'Nur deutsch' },
    facts: [{ label: { en: 'Office', ru: 'Должность' }, value: { en: 'Foreign Minister' } }],
  });

  it('picks the first preferred language the text has, then English, then the first listed', () => {
    const card = shapeCard(input({ entities: [choe], languages: ['tr', 'ru'] }))!;
    expect(card.name).toEqual({ text: 'Чхве Сон Хи', lang: 'ru' });
    expect(card.description).toEqual({ text: 'Kuzey Kore Dışişleri Bakanı', lang: 'tr' });
    expect(card.summary).toEqual({ text: 'Только по-русски', lang: 'ru' });
    expect(card.facts).toEqual([{ label: { text: 'Должность', lang: 'ru' }, value: { text: 'Foreign Minister', lang: 'en' } }]);
    const german = shapeCard(input({ entities: [choe], languages: ['de'] }))!;
    expect(german.name.lang).toBe('en');
    expect(shapeCard(input({ entities: [choe], languages: ['fr'] }))!.summary).toEqual({ text: 'Только по-русски', lang: 'ru' });
  });

  it('lets a regional preference find its language', () => {
    expect(shapeCard(input({ entities: [choe], languages: ['pt'] }))!.name.text).toBe('Choe (BR)');
    expect(shapeCard(input({ entities: [choe], languages: ['ru-RU'] }))!.name.text).toBe('Чхве Сон Хи');
  });

  it('leaves out what the entity does not have, and shows nothing for an empty name', () => {
    const bare = shapeCard(input({ entities: [entityRow(1, 'choe')] }))!;
    expect(bare).toMatchObject({ description: undefined, summary: undefined, facts: [], links: [], briefGroups: [], participants: [] });
    expect(shapeCard(input({ entities: [entityRow(1, 'x', { name: { en: '  ' } })] }))).toBeNull();
    expect(shapeCard(input({ entities: [] }))).toBeNull();
  });
});

describe('briefs', () => {
  const about = entityRow(1, 'choe');

  it('come newest first, ties by title, each once when two packs carry the same brief', () => {
    const briefs = [
      briefRow(1, 'old', ['choe'], { published: '2022-05-01' }),
      briefRow(1, 'new', ['choe'], { published: '2024-01-05T10:00:00+03:00' }),
      briefRow(1, 'mid-b', ['choe'], { published: '2023-10-30', title: 'B title' }),
      briefRow(1, 'mid-a', ['choe'], { published: '2023-10-30', title: 'A title' }),
      // The same brief in a second pack, its address written differently.
      briefRow(2, 'copy', ['choe'], { published: '2024-01-05', url: 'http://www.example.org/briefs/new/?utm_source=x' }),
    ];
    const card = shapeCard(input({ entities: [about], briefs }))!;
    expect(briefsOf(card).map((b) => b.key)).toEqual(['1:new', '1:mid-a', '1:mid-b', '1:old']);
  });

  it('open in the reader’s preferred language and list every language they exist in', () => {
    const b = briefRow(1, 'nk', ['choe'], {
      title: 'Developments in Asia-Pacific',
      lang: 'en',
      translations: [
        { lang: 'tr', url: 'https://example.org/tr/nk', title: 'Asya-Pasifik’te gelişmeler' },
        { lang: 'ru', url: 'https://example.org/ru/nk' },
        { lang: 'TR', url: 'https://example.org/tr/duplicate' },
      ],
      authors: ['Zeki Talustan Gülten'],
      publisher: 'ANKASAM',
    });
    const [tr] = briefsOf(shapeCard(input({ entities: [about], briefs: [b], languages: ['tr', 'en'] }))!);
    expect(tr!.open).toEqual({ lang: 'tr', title: 'Asya-Pasifik’te gelişmeler', url: 'https://example.org/tr/nk' });
    expect(tr!.versions.map((v) => v.lang)).toEqual(['en', 'tr', 'ru']);
    expect(tr!).toMatchObject({ publisher: 'ANKASAM', authors: ['Zeki Talustan Gülten'], pack: 'Pack 1' });
    const [ru] = briefsOf(shapeCard(input({ entities: [about], briefs: [b], languages: ['ru'] }))!);
    // A translation without its own title keeps the original's.
    expect(ru!.open).toEqual({ lang: 'ru', title: 'Developments in Asia-Pacific', url: 'https://example.org/ru/nk' });
    const [de] = briefsOf(shapeCard(input({ entities: [about], briefs: [b], languages: ['de'] }))!);
    expect(de!.open.lang).toBe('en');
  });

  it('name the pack’s publisher when the brief names none', () => {
    const [b] = briefsOf(shapeCard(input({ entities: [about], briefs: [briefRow(2, 'x', ['choe'])] }))!);
    expect(b!.publisher).toBe('Publisher 2');
  });
});

describe('entities merged by sameAs', () => {
  const a = entityRow(1, 'choe', {
    name: { en: 'Choe Son Hui' },
    sameAs: ['wikidata:Q1'],
    facts: [{ label: { en: 'Office' }, value: { en: 'Foreign Minister' } }],
    related: ['north-korea', 'kim'],
    links: [{ url: 'https://en.wikipedia.org/wiki/Choe_Son_Hui' }],
  });
  const b = entityRow(2, 'choe-sh', {
    kind: 'organization',
    name: { en: 'Choe Son-hui', ru: 'Чхве Сон Хи' },
    sameAs: ['wikidata:Q1'],
    summary: { en: 'From the second pack.' },
    facts: [
      { label: { en: 'office' }, value: { en: 'Foreign minister' } },
      { label: { en: 'Born' }, value: { en: '1964' } },
    ],
    related: ['dprk', 'choe-sh'],
    links: [{ url: 'http://www.en.wikipedia.org/wiki/Choe_Son_Hui/', title: { en: 'Same page' } }, { url: 'https://b.example/choe' }],
  });
  const refs = [
    entityRow(1, 'north-korea', { kind: 'state', name: { en: 'North Korea' }, sameAs: ['wikidata:Q423'] }),
    entityRow(1, 'kim', { name: { en: 'Kim Jong Un' } }),
    entityRow(2, 'dprk', { kind: 'state', name: { en: 'DPRK' }, sameAs: ['wikidata:Q423'] }),
    entityRow(2, 'choe-sh', { name: { en: 'Choe Son-hui' }, sameAs: ['wikidata:Q1'] }),
  ];

  it('show one card: the asked-for record first, each language from whichever pack has it', () => {
    const card = shapeCard(input({ entities: [a, b], refs, languages: ['ru'] }))!;
    expect(card.kind).toBe('person');
    expect(card.name.text).toBe('Чхве Сон Хи');
    expect(shapeCard(input({ entities: [a, b], refs }))!.name.text).toBe('Choe Son Hui');
    expect(card.summary?.text).toBe('From the second pack.');
    expect(card.facts.map((f) => `${f.label.text}: ${f.value.text}`)).toEqual(['Office: Foreign Minister', 'Born: 1964']);
  });

  it('list a related entity once however many packs name it, and never the entity itself', () => {
    const card = shapeCard(input({ entities: [a, b], refs }))!;
    expect(card.related.map((r) => [r.key, r.name.text])).toEqual([
      ['1:north-korea', 'North Korea'],
      ['1:kim', 'Kim Jong Un'],
    ]);
  });

  it('keep one link per page and show a host for untitled links', () => {
    const card = shapeCard(input({ entities: [a, b], refs }))!;
    expect(card.links).toEqual([
      { url: 'https://en.wikipedia.org/wiki/Choe_Son_Hui', title: 'en.wikipedia.org' },
      { url: 'https://b.example/choe', title: 'b.example' },
    ]);
  });

  it('carry every pack’s briefs and name every pack, with its freshness', () => {
    const card = shapeCard(
      input({
        entities: [a, b],
        refs,
        briefs: [briefRow(1, 'one', ['choe'], { published: '2023-01-01' }), briefRow(2, 'two', ['choe-sh'], { published: '2024-01-01' })],
        packs: [packRow(1), packRow(2, { expires: '2026-06-01T00:00:00Z' })],
      }),
    )!;
    // Each pack's briefs under its own name, the asked-for entity's pack first.
    expect(briefsOf(card).map((x) => [x.key, x.pack])).toEqual([
      ['1:one', 'Pack 1'],
      ['2:two', 'Pack 2'],
    ]);
    expect(card.sources.map((s) => [s.title, s.publisher, s.version, s.stale])).toEqual([
      ['Pack 1', 'Publisher 1', 3, false],
      ['Pack 2', 'Publisher 2', 3, true],
    ]);
  });

  it('merges localized texts language by language', () => {
    expect(mergeLocalized([{ en: 'A' }, { en: 'B', ru: 'Б' }, undefined, { tr: ' ' }])).toEqual({ en: 'A', ru: 'Б' });
    expect(mergeLocalized([undefined])).toBeUndefined();
  });
});

describe('hostile pack content', () => {
  const INJECTION = '<img src=x onerror="window.__pwned=1">';

  it('passes markup through as plain text, never altered into something else', () => {
    const card = shapeCard(input({ entities: [entityRow(1, 'x', { name: { en: INJECTION }, summary: { en: `<script>alert(1)</script>` } })] }))!;
    expect(card.name.text).toBe(INJECTION);
    expect(card.summary!.text).toBe('<script>alert(1)</script>');
  });

  it('drops links that are not http(s), wherever they hide', () => {
    const evil = entityRow(1, 'x', {
      links: [{ url: 'javascript:alert(1)' }, { url: 'JaVaScRiPt:alert(1)' }, { url: 'data:text/html,<b>x</b>' }, { url: 'https://ok.example/' }],
    });
    const b = briefRow(1, 'b', ['x'], {
      url: 'javascript:window.__pwned=1',
      translations: [
        { lang: 'tr', url: 'data:text/html,hi' },
        { lang: 'ru', url: 'https://ok.example/ru' },
      ],
    });
    const card = shapeCard(input({ key: '1:x', entities: [evil], briefs: [b], languages: ['en'] }))!;
    expect(card.links.map((l) => l.url)).toEqual(['https://ok.example/']);
    const [view] = briefsOf(card);
    expect(view!.versions).toEqual([
      { lang: 'en', title: 'Brief b', url: undefined },
      { lang: 'tr', title: 'Brief b', url: undefined },
      { lang: 'ru', title: 'Brief b', url: 'https://ok.example/ru' },
    ]);
    // With no safe original, the brief opens in the one language that has a real address.
    expect(view!.open.url).toBe('https://ok.example/ru');
    expect(JSON.stringify(card)).not.toMatch(/javascript:|data:/i);
  });
});
