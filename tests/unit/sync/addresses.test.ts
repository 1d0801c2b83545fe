import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type GlossDb } from '@/lib/kb/db';
import { dumpStore } from '@/lib/kb/queries';
import { generateKeyPair } from '@/lib/pack';
import type { Fetch } from '@/lib/sync/fetch-file';
import { createSync } from '@/lib/sync/sync';
import { entity, FakePublisher } from '../support/publisher';

let db: GlossDb;
const now = () => Date.parse('2026-11-30T09:00:00Z');

beforeEach(() => {
  db = openDb(`gloss-addresses-${Math.random()}`);
});

/** Answers `from` with what `to` serves, as a fetch that followed a redirect does. */
function redirecting(pub: FakePublisher, from: string, to: string): Fetch & { asked: string[] } {
  const asked: string[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    asked.push(url);
    const target = url === from ? to : url;
    const response = await pub.fetch(target, init);
    if (target !== url) Object.defineProperties(response, { url: { value: target }, redirected: { value: true } });
    return response;
  };
  return Object.assign(fetch, { asked });
}

describe('plain http subscriptions', () => {
  it('are refused without the publisher’s key, and nothing is stored', async () => {
    const pub = new FakePublisher('plain', 'http://packs.example.org/p/');
    await pub.publish([entity('one')]);
    const sync = createSync({ db, fetch: pub.fetch, now });
    await expect(sync.subscribe('http://packs.example.org/p/pack.json')).rejects.toThrow(/plain http:\/\/.*https:\/\/ address, or add it with the publisher’s key/);
    expect(await db.packs.count()).toBe(0);
  });

  it('are taken with a pinned key, whose signature then guards them', async () => {
    const keys = await generateKeyPair();
    const pub = new FakePublisher('plain', 'http://packs.example.org/p/');
    pub.privateKey = keys.privateKey;
    await pub.publish([entity('one')]);
    const sync = createSync({ db, fetch: pub.fetch, now });
    expect(await sync.subscribe('http://packs.example.org/p/pack.json', { publicKey: keys.publicKey })).toMatchObject({ version: 1 });
  });

  it('to this computer itself are taken as they are', async () => {
    const pub = new FakePublisher('local', 'http://127.0.0.1:8080/p/');
    await pub.publish([entity('one')]);
    expect(await createSync({ db, fetch: pub.fetch, now }).subscribe('http://127.0.0.1:8080/p/pack.json')).toMatchObject({ version: 1 });
  });
});

describe('redirects', () => {
  it('to another site are refused, changing nothing', async () => {
    const pub = new FakePublisher('moved', 'https://elsewhere.example.net/p/');
    await pub.publish([entity('one')]);
    const fetch = redirecting(pub, 'https://packs.example.org/p/pack.json', 'https://elsewhere.example.net/p/pack.json');
    const row = await createSync({ db, fetch, now }).subscribe('https://packs.example.org/p/pack.json');
    expect(row.lastError).toMatchObject({ code: 'redirect', message: expect.stringMatching(/^pack\.json: was redirected to another site \(https:\/\/elsewhere\.example\.net\)/) });
    expect(row.version).toBeUndefined();
    expect((await dumpStore(db)).entities).toEqual([]);
  });

  it('from http to https on the same host are followed, and the files are read beside where the manifest landed', async () => {
    const keys = await generateKeyPair();
    const pub = new FakePublisher('moved', 'https://packs.example.org/v2/');
    pub.privateKey = keys.privateKey;
    await pub.publish([entity('one')]);
    const fetch = redirecting(pub, 'http://packs.example.org/old/pack.json', 'https://packs.example.org/v2/pack.json');
    const row = await createSync({ db, fetch, now }).subscribe('http://packs.example.org/old/pack.json', { publicKey: keys.publicKey });
    expect(row).toMatchObject({ version: 1 });
    expect(fetch.asked).toEqual([
      'http://packs.example.org/old/pack.json',
      'https://packs.example.org/v2/pack.json.sig',
      'https://packs.example.org/v2/snapshot-1.json',
    ]);
  });

  it('within the same origin are followed', async () => {
    const pub = new FakePublisher('moved', 'https://packs.example.org/v2/');
    await pub.publish([entity('one')]);
    const fetch = redirecting(pub, 'https://packs.example.org/latest/pack.json', 'https://packs.example.org/v2/pack.json');
    expect(await createSync({ db, fetch, now }).subscribe('https://packs.example.org/latest/pack.json')).toMatchObject({ version: 1 });
    expect(fetch.asked.at(-1)).toBe('https://packs.example.org/v2/snapshot-1.json');
  });
});
