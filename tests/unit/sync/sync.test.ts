import { beforeEach, describe, expect, it } from 'vitest';
import { encodeJson, generateKeyPair } from '@/lib/pack';
import { openDb, type GlossDb } from '@/lib/kb/db';
import { dumpStore, searchByPrefix } from '@/lib/kb/queries';
import { createSync, type Sync } from '@/lib/sync/sync';
import { RETRY_BASE_MS, SYNC_INTERVAL_MS } from '@/lib/sync/schedule';
import { brief, entity, FakePublisher, MANIFEST_URL } from '../support/publisher';

let db: GlossDb;
let pub: FakePublisher;
let clock: number;
let changes: number;
let sync: Sync;

function makeSync(maxBytes?: number) {
  return createSync({ db, fetch: pub.fetch, now: () => clock, maxBytes, onChange: () => changes++ });
}

beforeEach(async () => {
  db = openDb(`gloss-test-${Math.random()}`);
  pub = new FakePublisher();
  clock = Date.parse('2026-11-30T09:00:00Z');
  changes = 0;
  sync = makeSync();
});

const v1 = () => [
  entity('choe-son-hui', { related: ['north-korea'] }),
  entity('north-korea', { kind: 'state', name: { en: 'North Korea', tr: 'Kuzey Kore' } }),
  entity('sergei-lavrov'),
];

async function subscribedAtV1() {
  await pub.publish(v1(), [brief('nk-russia', ['north-korea', 'choe-son-hui'])]);
  const row = await sync.subscribe(MANIFEST_URL);
  return row.sub!;
}

describe('subscribing and updating', () => {
  it('subscribes and holds version 1 with its records', async () => {
    const sub = await subscribedAtV1();
    const row = (await db.packs.get(sub))!;
    expect(row).toMatchObject({ version: 1, pack: 'asia-briefs', title: 'Asia briefs', entityCount: 3, briefCount: 1, lastSuccess: clock });
    expect(row.lastError).toBeUndefined();
    expect((await searchByPrefix(db, 'kuzey')).map((r) => r.id)).toEqual(['north-korea']);
    expect(changes).toBe(1);
  });

  it('applies version 2 through the delta when version 1 is held', async () => {
    const sub = await subscribedAtV1();
    await pub.publish([...v1().filter((e) => e.id !== 'sergei-lavrov'), entity('kim-jong-un')], [brief('nk-russia', ['north-korea'])]);
    expect(await sync.sync(sub)).toEqual({ result: 'updated', version: 2, via: 'delta' });
    expect(pub.requested('snapshot-2.json')).toBe(0);
    const ids = (await dumpStore(db)).entities.map((e) => e.id);
    expect(ids).toEqual(['choe-son-hui', 'kim-jong-un', 'north-korea']);
    expect((await db.packs.get(sub))!.entityCount).toBe(3);
  });

  it('fetches the snapshot when the held version is not listed', async () => {
    const sub = await subscribedAtV1();
    await pub.publish(v1());
    await pub.publish([...v1(), entity('kim-jong-un')], [], { keepSnapshotOnly: false });
    // v3's manifest lists only a delta from 2; the client holds 1.
    expect(await sync.sync(sub)).toEqual({ result: 'updated', version: 3, via: 'snapshot' });
  });

  it('in the browser, asks without custom headers (no CORS preflight) and lets the HTTP cache revalidate', async () => {
    const sub = await subscribedAtV1();
    await sync.sync(sub);
    for (const r of pub.requests) {
      expect(r.headers).toEqual({});
      expect(r.cache).toBe('no-cache');
    }
  });

  it('without an HTTP cache, sends the validators itself: an unchanged pack costs one small request', async () => {
    sync = createSync({ db, fetch: pub.fetch, now: () => clock, sendValidators: true });
    const sub = await subscribedAtV1();
    const before = pub.requests.length;
    expect(await sync.sync(sub)).toEqual({ result: 'unchanged', version: 1 });
    expect(pub.requests.length - before).toBe(1);
    expect(pub.requests.at(-1)!.headers['if-none-match']).toMatch(/^"pack\.json-/);
  });

  it('never runs two syncs of one pack at once', async () => {
    const sub = await subscribedAtV1();
    await pub.publish([...v1(), entity('kim-jong-un')]);
    const before = pub.requested('pack.json');
    const [a, b] = await Promise.all([sync.sync(sub), sync.sync(sub)]);
    expect(a).toEqual(b);
    expect(pub.requested('pack.json') - before).toBe(1);
  });

  it('unsubscribing removes that pack’s records and nothing else', async () => {
    const sub = await subscribedAtV1();
    const other = new FakePublisher('other-pack', 'https://other.example.net/p/');
    await other.publish([entity('north-korea', { kind: 'state' })]);
    const twoPublishers = createSync({ db, now: () => clock, fetch: (u, i) => (u.startsWith('https://other') ? other.fetch(u, i) : pub.fetch(u, i)) });
    const otherRow = await twoPublishers.subscribe('https://other.example.net/p/pack.json');
    await twoPublishers.unsubscribe(sub);
    const dump = await dumpStore(db);
    expect(dump.packs.map((p) => p.sub)).toEqual([otherRow.sub]);
    expect(dump.entities.map((e) => [e.sub, e.id])).toEqual([[otherRow.sub, 'north-korea']]);
    expect(dump.briefs).toEqual([]);
  });

  it('refuses a subscription address that is not http(s)', async () => {
    await expect(sync.subscribe('javascript:alert(1)')).rejects.toThrow(/https:\/\/ or http:\/\//);
    await expect(sync.subscribe('not a url')).rejects.toThrow(/not a web address/);
  });

  it('accepts an expired manifest and keeps its expiry for the stale notice', async () => {
    // Published at 08:00, expired at 08:30; the clock says 09:00.
    await pub.publish(v1(), [], { expires: '2026-11-30T08:30:00Z' });
    const row = await sync.subscribe(MANIFEST_URL);
    expect(row).toMatchObject({ version: 1, expires: '2026-11-30T08:30:00Z' });
    expect(row.lastError).toBeUndefined();
  });
});

describe('scheduling', () => {
  it('backs off after network failures and retries when due', async () => {
    const sub = await subscribedAtV1();
    pub.offline = true;
    clock += SYNC_INTERVAL_MS;
    expect(await sync.syncDue()).toHaveLength(1);
    let row = (await db.packs.get(sub))!;
    expect(row).toMatchObject({ failures: 1, nextAttempt: clock + RETRY_BASE_MS, lastError: { code: 'network', file: 'pack.json' } });
    expect(row.lastError!.message).toMatch(/could not be reached/);
    await sync.sync(sub);
    row = (await db.packs.get(sub))!;
    expect(row).toMatchObject({ failures: 2, nextAttempt: clock + 2 * RETRY_BASE_MS });
    expect(await sync.syncDue()).toHaveLength(0);
    pub.offline = false;
    clock += 2 * RETRY_BASE_MS;
    expect(await sync.syncDue()).toEqual([{ result: 'unchanged', version: 1 }]);
    row = (await db.packs.get(sub))!;
    expect(row).toMatchObject({ failures: 0, nextAttempt: clock + SYNC_INTERVAL_MS });
    expect(row.lastError).toBeUndefined();
  });

  it('is not due again until the interval has passed', async () => {
    await subscribedAtV1();
    expect(await sync.syncDue()).toHaveLength(0);
    clock += SYNC_INTERVAL_MS;
    expect(await sync.syncDue()).toHaveLength(1);
  });
});

describe('signed packs', () => {
  it('accepts a manifest signed with the pinned key', async () => {
    const keys = await generateKeyPair();
    pub.privateKey = keys.privateKey;
    await pub.publish(v1());
    const row = await sync.subscribe(MANIFEST_URL, { publicKey: keys.publicKey });
    expect(row.version).toBe(1);
  });
});
