import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type GlossDb } from '@/lib/kb/db';
import { pageOverview } from '@/lib/popup/page-overview';
import { searchEntities } from '@/lib/popup/search';
import { createSync } from '@/lib/sync/sync';
import { generateKeyPair } from '@/lib/pack';
import { brief, entity, FakePublisher } from '../support/publisher';

let db: GlossDb;
let sub: number;
const key = (id: string) => `${sub}:${id}`;
const ARTICLE = 'https://www.reuters.com/world/asia-pacific/nk-arms-2023-10-27/';

beforeEach(async () => {
  db = openDb(`gloss-overview-${Math.random()}`);
  const pub = new FakePublisher();
  await pub.publish(
    [
      entity('choe-son-hui', { name: { en: 'Choe Son Hui', ru: 'Чхве Сон Хи' }, description: { en: 'Foreign minister' } }),
      entity('north-korea', { kind: 'state', name: { en: 'North Korea', tr: 'Kuzey Kore' }, sameAs: ['wikidata:Q423'] }),
      entity('russia', { kind: 'state' }),
      entity('japan', { kind: 'state' }),
    ],
    [
      brief('old-wide', ['north-korea', 'russia', 'choe-son-hui'], { published: '2022-01-01' }),
      brief('new-narrow', ['north-korea'], { published: '2026-10-01' }),
      brief('new-pair', ['north-korea', 'russia'], { published: '2026-09-01' }),
      brief('older-pair', ['north-korea', 'russia'], { published: '2025-09-01' }),
      brief('cites-page', ['japan'], { published: '2020-01-01', cites: [ARTICLE] }),
      brief('unrelated', ['japan'], { published: '2026-11-01' }),
    ],
  );
  const sync = createSync({ db, fetch: pub.fetch, now: () => 1 });
  sub = (await sync.subscribe('https://packs.example.org/asia/pack.json')).sub!;
});

describe('the popup’s view of a page', () => {
  it('names the page’s entities in the reader’s language, with their counts, in page order', async () => {
    const overview = await pageOverview(
      db,
      [
        { key: key('north-korea'), kind: 'state', count: 3 },
        { key: key('choe-son-hui'), kind: 'person', count: 2 },
        { key: '99:gone', kind: 'person', count: 1 },
      ],
      [],
      ['tr', 'en'],
    );
    expect(overview.entities).toEqual([
      { key: key('north-korea'), kind: 'state', name: { text: 'Kuzey Kore', lang: 'tr' }, count: 3 },
      { key: key('choe-son-hui'), kind: 'person', name: { text: 'Choe Son Hui', lang: 'en' }, description: { text: 'Foreign minister', lang: 'en' }, count: 2 },
    ]);
  });

  it('ranks briefs: citing the page first, then by how many of its entities they are about, then newest', async () => {
    const overview = await pageOverview(
      db,
      ['north-korea', 'russia', 'choe-son-hui'].map((id) => ({ key: key(id), kind: 'state', count: 1 })),
      // The page's location and its canonical address; the brief cites the canonical one with www.
      ['http://localhost:8080/story', 'https://reuters.com/world/asia-pacific/nk-arms-2023-10-27?utm_source=x'],
      ['en'],
    );
    expect(overview.briefs.map((b) => [b.key.split(':')[1], b.citesPage, b.aboutCount])).toEqual([
      ['cites-page', true, 0],
      ['old-wide', false, 3],
      ['new-pair', false, 2],
      ['older-pair', false, 2],
      ['new-narrow', false, 1],
    ]);
    expect(overview.briefs[0]!.open).toMatchObject({ title: 'Brief cites-page', url: 'https://example.org/briefs/cites-page' });
  });

  it('lets no unsigned pack crowd the list: packs the reader pinned first, a few of any one pack before more of it', async () => {
    const keys = await generateKeyPair();
    const trusted = new FakePublisher('institute', 'https://institute.example.org/p/');
    trusted.privateKey = keys.privateKey;
    await trusted.publish(
      [entity('dprk', { kind: 'state', sameAs: ['wikidata:Q423'] })],
      [brief('analysis', ['dprk'], { published: '2021-01-01' })],
    );
    const flood = new FakePublisher('flood', 'https://flood.example.net/p/');
    await flood.publish(
      [entity('nk', { kind: 'state', sameAs: ['wikidata:Q423'] })],
      Array.from({ length: 20 }, (_, i) => brief(`urgent-${i}`, ['nk'], { published: '2026-11-29', url: `https://login-verify.example.net/${i}` })),
    );
    const fetch = (u: string, i?: RequestInit) => (u.startsWith(trusted.base) ? trusted : flood).fetch(u, i);
    const sync = createSync({ db, fetch, now: () => 1 });
    const floodSub = (await sync.subscribe(`${flood.base}pack.json`)).sub!;
    const trustedSub = (await sync.subscribe(`${trusted.base}pack.json`, { publicKey: keys.publicKey })).sub!;
    const overview = await pageOverview(db, [{ key: key('north-korea'), kind: 'state', count: 1 }], [], ['en']);
    const packs = overview.briefs.map((b) => Number(b.key.split(':')[0]));
    expect(packs[0]).toBe(trustedSub);
    expect(packs.filter((p) => p === floodSub)).toHaveLength(4);
    expect(packs.filter((p) => p === sub)).toHaveLength(3);
  });

  it('search finds entities by a prefix of any word, in any script', async () => {
    expect((await searchEntities(db, 'kuz', ['en'])).map((e) => e.name.text)).toEqual(['North Korea']);
    expect((await searchEntities(db, 'сон', ['ru'])).map((e) => e.name)).toEqual([{ text: 'Чхве Сон Хи', lang: 'ru' }]);
    expect(await searchEntities(db, '   ', ['en'])).toEqual([]);
  });
});
