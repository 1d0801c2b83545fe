import { beforeEach, describe, expect, it } from 'vitest';
import { generateKeyPair, keyFingerprint, type KeyPair } from '@/lib/pack';
import { openDb, type GlossDb } from '@/lib/kb/db';
import { createSync, type Sync } from '@/lib/sync/sync';
import { KeyConflictError } from '@/lib/sync/pinned-key';
import { createHandlers } from '@/lib/background/handlers';
import { createMatcherService } from '@/lib/background/matcher-service';
import type { SiteControl } from '@/lib/sites/site-control';
import { entity, FakePublisher, MANIFEST_URL } from '../support/publisher';
import { lazyReader } from '../support/reader';

let db: GlossDb;
let pub: FakePublisher;
let sync: Sync;
let first: KeyPair;
let second: KeyPair;
const now = () => Date.parse('2026-11-30T09:00:00Z');

const records = (n: number) => Array.from({ length: n }, (_, i) => entity(`person-${i + 1}`));

beforeEach(async () => {
  db = openDb(`gloss-pin-${Math.random()}`);
  pub = new FakePublisher();
  sync = createSync({ db, fetch: pub.fetch, now });
  first = await generateKeyPair();
  second = await generateKeyPair();
});

describe('re-adding a pack with a key', () => {
  it('pins the key on a subscription that had none, and from then on refuses unsigned manifests', async () => {
    await pub.publish(records(1));
    const { sub } = await sync.subscribe(MANIFEST_URL);
    expect((await db.packs.get(sub!))!.publicKey).toBeUndefined();

    pub.privateKey = first.privateKey;
    await pub.publish(records(2));
    const row = await sync.subscribe(MANIFEST_URL, { publicKey: first.publicKey });
    expect(row).toMatchObject({ sub, publicKey: first.publicKey, version: 2 });
    expect(await db.packs.count()).toBe(1);

    pub.privateKey = undefined;
    pub.files.delete(new URL('pack.json.sig', pub.base).href);
    await pub.publish(records(3));
    expect(await sync.sync(sub!)).toMatchObject({ result: 'refused', problem: { code: 'signature' } });
    expect((await db.packs.get(sub!))!.version).toBe(2);
  });

  it('checks the pinned key at once, even when the version held is current', async () => {
    pub.privateKey = first.privateKey;
    await pub.publish(records(1));
    const { sub } = await sync.subscribe(MANIFEST_URL);
    // The reader pins a key that did not sign this pack: the very next check says so.
    await sync.subscribe(MANIFEST_URL, { publicKey: second.publicKey });
    expect((await db.packs.get(sub!))!.lastError).toMatchObject({ code: 'signature' });
  });

  it('does not replace a different pinned key without the reader’s confirmation', async () => {
    pub.privateKey = first.privateKey;
    await pub.publish(records(1));
    const { sub } = await sync.subscribe(MANIFEST_URL, { publicKey: first.publicKey });
    const error = await sync.subscribe(MANIFEST_URL, { publicKey: second.publicKey }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyConflictError);
    expect(error).toMatchObject({ sub, pinned: first.publicKey, offered: second.publicKey });
    expect((await db.packs.get(sub!))!.publicKey).toBe(first.publicKey);

    pub.privateKey = second.privateKey;
    await pub.publish(records(2));
    const row = await sync.subscribe(MANIFEST_URL, { publicKey: second.publicKey, replaceKey: true });
    expect(row).toMatchObject({ publicKey: second.publicKey, version: 2 });
  });

  it('keeps the pin when the pack is re-added without a key', async () => {
    pub.privateKey = first.privateKey;
    await pub.publish(records(1));
    await sync.subscribe(MANIFEST_URL, { publicKey: first.publicKey });
    expect((await sync.subscribe(MANIFEST_URL)).publicKey).toBe(first.publicKey);
  });

  it('refuses a key that is not one before storing anything', async () => {
    await pub.publish(records(1));
    await expect(sync.subscribe(MANIFEST_URL, { publicKey: 'not-a-key' })).rejects.toThrow(/Ed25519 public key: 44 characters of base64/);
    expect(await db.packs.count()).toBe(0);
  });
});

describe('key rotation announced in a signed manifest', () => {
  it('moves the pin once a manifest signed by the announced key arrives', async () => {
    pub.privateKey = first.privateKey;
    await pub.publish(records(1));
    const { sub } = await sync.subscribe(MANIFEST_URL, { publicKey: first.publicKey });

    await pub.publish(records(2), [], { nextKey: second.publicKey });
    expect(await sync.sync(sub!)).toMatchObject({ result: 'updated', version: 2 });
    expect(await db.packs.get(sub!)).toMatchObject({ publicKey: first.publicKey, nextKey: second.publicKey });

    pub.privateKey = second.privateKey;
    await pub.publish(records(3));
    expect(await sync.sync(sub!)).toMatchObject({ result: 'updated', version: 3 });
    const row = (await db.packs.get(sub!))!;
    expect(row.publicKey).toBe(second.publicKey);
    expect(row.nextKey).toBeUndefined();

    // The old key no longer speaks for the pack.
    pub.privateKey = first.privateKey;
    await pub.publish(records(4));
    expect(await sync.sync(sub!)).toMatchObject({ result: 'refused', problem: { code: 'signature' } });
  });

  it('refuses a manifest signed by a key that no manifest signed by the pinned key announced', async () => {
    pub.privateKey = first.privateKey;
    await pub.publish(records(1));
    const { sub } = await sync.subscribe(MANIFEST_URL, { publicKey: first.publicKey });
    pub.privateKey = second.privateKey;
    await pub.publish(records(2), [], { nextKey: second.publicKey });
    expect(await sync.sync(sub!)).toMatchObject({ result: 'refused', problem: { code: 'signature' } });
    expect(await db.packs.get(sub!)).toMatchObject({ publicKey: first.publicKey, version: 1 });
  });
});

describe('the options page’s calls', () => {
  const handlers = () =>
    createHandlers({
      version: '0',
      db,
      sync,
      matcher: createMatcherService(db),
      now,
      sites: {} as SiteControl,
      reader: lazyReader(),
    starterUrl: 'chrome-extension://x/starter/pack.json',
    }).ui;

  it('lists each pack with its pinned key’s fingerprint, and asks before replacing it', async () => {
    pub.privateKey = first.privateKey;
    await pub.publish(records(1));
    const ui = handlers();
    const added = await ui.addPack!({ url: MANIFEST_URL, publicKey: first.publicKey }, {} as never);
    const fingerprint = await keyFingerprint(first.publicKey);
    expect(fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
    expect(added).toMatchObject({ added: { keyFingerprint: fingerprint } });
    expect(await ui.listPacks!({}, {} as never)).toMatchObject([{ keyFingerprint: fingerprint }]);

    const again = await ui.addPack!({ url: MANIFEST_URL, publicKey: second.publicKey }, {} as never);
    expect(again).toEqual({ keyConflict: { sub: expect.any(Number), pinned: fingerprint, offered: await keyFingerprint(second.publicKey) } });
  });
});
