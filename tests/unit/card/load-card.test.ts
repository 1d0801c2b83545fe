import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type GlossDb } from '@/lib/kb/db';
import { loadCard, loadCiting } from '@/lib/card/load-card';
import { createSync } from '@/lib/sync/sync';
import { brief, entity, FakePublisher } from '../support/publisher';
import { briefsOf } from './rows';

const REUTERS = 'https://www.reuters.com/world/asia-pacific/north-korea-rejects-arms-claims-2023-10-27/';

let db: GlossDb;
let subA: number;
let subB: number;
let a: FakePublisher;
let sync: ReturnType<typeof createSync>;

beforeEach(async () => {
  db = openDb(`gloss-card-${Math.random()}`);
  a = new FakePublisher('pack-a', 'https://a.example.org/');
  const b = new FakePublisher('pack-b', 'https://b.example.net/');
  await a.publish(
    [
      entity('choe-son-hui', { sameAs: ['wikidata:Q1'], related: ['north-korea'] }),
      entity('north-korea', { kind: 'state', name: { en: 'North Korea', tr: 'Kuzey Kore' } }),
      entity('summit', {
        kind: 'event',
        name: { en: 'Vostochny summit' },
        when: { start: '2023-09-13' },
        where: { en: 'Vostochny Cosmodrome' },
        participants: ['north-korea'],
      }),
    ],
    [brief('a-brief', ['choe-son-hui'], { published: '2023-10-30', cites: [REUTERS] })],
  );
  await b.publish(
    [entity('choe', { name: { en: 'Choe Son-hui', ru: 'Чхве Сон Хи' }, sameAs: ['wikidata:Q1'] })],
    [brief('b-brief', ['choe'], { published: '2024-01-05', cites: [`${REUTERS}?utm_source=x`] })],
  );
  sync = createSync({ db, now: () => 0, fetch: (u, i) => (u.startsWith('https://a.') ? a.fetch(u, i) : b.fetch(u, i)) });
  subA = (await sync.subscribe('https://a.example.org/pack.json')).sub!;
  subB = (await sync.subscribe('https://b.example.net/pack.json')).sub!;
});

describe('card data from the store', () => {
  it('gives one card for merged entities, with both packs’ briefs and names', async () => {
    const card = (await loadCard(db, `${subB}:choe`, ['ru'], 0))!;
    expect(card.name.text).toBe('Чхве Сон Хи');
    expect(briefsOf(card).map((b) => b.key)).toEqual([`${subB}:b-brief`, `${subA}:a-brief`]);
    expect(card.sources.map((s) => s.sub).sort()).toEqual([subA, subB].sort());
    // A related entity from the other pack resolves to its own name.
    expect(card.related).toEqual([{ key: `${subA}:north-korea`, kind: 'state', name: { text: 'North Korea', lang: 'en' } }]);
  });

  it('gives an event its date, place and participants', async () => {
    const card = (await loadCard(db, `${subA}:summit`, ['tr'], 0))!;
    expect(card).toMatchObject({ kind: 'event', when: { start: '2023-09-13' }, where: { text: 'Vostochny Cosmodrome' } });
    expect(card.participants.map((p) => p.name.text)).toEqual(['Kuzey Kore']);
  });

  it('shows a related entity’s new name once its pack changed it, though names are kept in memory', async () => {
    expect((await loadCard(db, `${subA}:choe-son-hui`, ['en'], 0))!.related[0]!.name.text).toBe('North Korea');
    await a.publish([entity('choe-son-hui', { sameAs: ['wikidata:Q1'], related: ['north-korea'] }), entity('north-korea', { kind: 'state', name: { en: 'DPRK' } })]);
    await sync.sync(subA);
    const card = (await loadCard(db, `${subA}:choe-son-hui`, ['en'], 0))!;
    expect(card.related[0]!.name.text).toBe('DPRK');
    expect(card.sources.find((s) => s.sub === subA)?.version).toBe(2);
  });

  it('answers null for a key the store does not hold', async () => {
    expect(await loadCard(db, `${subA}:nobody`, ['en'], 0)).toBeNull();
    expect(await loadCard(db, 'not-a-key', ['en'], 0)).toBeNull();
  });
});

describe('briefs citing a page', () => {
  it('finds them by canonical address or location, however the address is written', async () => {
    const answer = (await loadCiting(db, ['http://reuters.com/world/asia-pacific/north-korea-rejects-arms-claims-2023-10-27#top', 'https://www.reuters.com/other'], ['en']))!;
    expect(answer.page).toBe('reuters.com/world/asia-pacific/north-korea-rejects-arms-claims-2023-10-27');
    // Pack by pack, as on cards: neither is pinned, so the one subscribed first leads.
    expect(answer.briefs.map((b) => b.key)).toEqual([`${subA}:a-brief`, `${subB}:b-brief`]);
  });

  it('answers null for a page nobody cites, or addresses that are not web pages', async () => {
    expect(await loadCiting(db, ['https://www.reuters.com/other'], ['en'])).toBeNull();
    expect(await loadCiting(db, ['javascript:alert(1)', 'not a url'], ['en'])).toBeNull();
  });
});
