import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type GlossDb } from '@/lib/kb/db';
import { briefsAbout, mergedEntity, searchByPrefix } from '@/lib/kb/queries';
import { matcherEntries } from '@/lib/kb/matcher-entries';
import { createSync } from '@/lib/sync/sync';
import { brief, entity, FakePublisher } from '../support/publisher';

let db: GlossDb;
let subA: number;
let subB: number;

beforeEach(async () => {
  db = openDb(`gloss-merge-${Math.random()}`);
  const a = new FakePublisher('pack-a', 'https://a.example.org/');
  const b = new FakePublisher('pack-b', 'https://b.example.net/');
  await a.publish(
    [entity('choe-son-hui', { sameAs: ['wikidata:Q1'] }), entity('lavrov')],
    [brief('a-brief', ['choe-son-hui'], { published: '2023-10-30' })],
  );
  await b.publish(
    [entity('choe', { name: { en: 'Choe Son-hui', ru: 'Чхве Сон Хи' }, sameAs: ['viaf:9', 'wikidata:Q1'] }), entity('other', { sameAs: ['viaf:9'] })],
    [brief('b-brief', ['choe'], { published: '2024-01-05' })],
  );
  const sync = createSync({ db, now: () => 0, fetch: (u, i) => (u.startsWith('https://a.') ? a.fetch(u, i) : b.fetch(u, i)) });
  subA = (await sync.subscribe('https://a.example.org/pack.json')).sub!;
  subB = (await sync.subscribe('https://b.example.net/pack.json')).sub!;
});

describe('entities that share a sameAs are one for the reader', () => {
  it('merges them, through chains of shared identifiers, with briefs from both packs', async () => {
    const merged = await mergedEntity(db, `${subA}:choe-son-hui`);
    expect(merged.map((e) => `${e.sub}:${e.id}`).sort()).toEqual([`${subA}:choe-son-hui`, `${subB}:choe`, `${subB}:other`].sort());
    const briefs = await briefsAbout(db, merged);
    expect(briefs.map((b) => b.id).sort()).toEqual(['a-brief', 'b-brief']);
  });

  it('gives them one matcher key, so the page shows one highlight and one card', async () => {
    const entries = await matcherEntries(db);
    const keyOf = (id: string) => entries.find((e) => e.key && e.aliases.some((a) => a.text === id))?.key;
    expect(keyOf('Choe Son Hui')).toBe(`${subA}:choe-son-hui`);
    expect(keyOf('Чхве Сон Хи')).toBe(`${subA}:choe-son-hui`);
    expect(keyOf('Lavrov')).toBe(`${subA}:lavrov`);
  });

  it('finds entities by a prefix of any name or word, in any language', async () => {
    expect((await searchByPrefix(db, 'чхве')).map((r) => r.id)).toEqual(['choe']);
    expect((await searchByPrefix(db, 'son h')).map((r) => r.id).sort()).toEqual(['choe', 'choe-son-hui']);
    expect(await searchByPrefix(db, '   ')).toEqual([]);
  });
});

describe('matcher entries', () => {
  it('give an entity that can be held back its related entities and participants as context, under their merged keys', async () => {
    const c = new FakePublisher('pack-c', 'https://c.example.com/');
    await c.publish(
      [
        entity('georgia', { kind: 'state', name: { en: 'Georgia', ru: 'Грузия' }, aliases: [{ text: 'georgia', needsContext: true }], related: ['tbilisi', 'choe'] }),
        entity('tbilisi', { kind: 'place', name: { en: 'Tbilisi' } }),
        entity('choe', { sameAs: ['wikidata:Q1'] }),
      ],
      [],
    );
    const sync = createSync({ db, now: () => 0, fetch: (u, i) => c.fetch(u, i) });
    const subC = (await sync.subscribe('https://c.example.com/pack.json')).sub!;
    const entries = await matcherEntries(db);
    const georgia = entries.find((e) => e.key === `${subC}:georgia`)!;
    // The alias equal to the name (after folding) takes its place, with its options.
    expect(georgia.aliases).toEqual([{ text: 'Грузия' }, { text: 'georgia', needsContext: true }]);
    expect(georgia.context).toEqual([`${subC}:tbilisi`, `${subA}:choe-son-hui`]);
    expect(entries.find((e) => e.key === `${subC}:tbilisi`)!.context).toBeUndefined();
  });
});
