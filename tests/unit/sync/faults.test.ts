import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeJson, fileEntry, generateKeyPair, sign } from '@/lib/pack';
import { openDb, type GlossDb, type PackRow } from '@/lib/kb/db';
import { dumpStore } from '@/lib/kb/queries';
import { createSync, type Sync } from '@/lib/sync/sync';
import { brief, entity, FakePublisher, MANIFEST_URL } from '../support/publisher';

let db: GlossDb;
let pub: FakePublisher;
let sync: Sync;
let sub: number;
const now = () => Date.parse('2026-11-30T09:00:00Z');

const STATUS_FIELDS = ['lastAttempt', 'lastError', 'failures', 'nextAttempt'] as const;

/** The store minus the fields that record the attempt itself: what "unchanged" means. */
async function records() {
  const dump = await dumpStore(db);
  return {
    ...dump,
    packs: dump.packs.map((p) => {
      const copy: Partial<PackRow> = { ...p };
      for (const f of STATUS_FIELDS) delete copy[f];
      return copy;
    }),
  };
}

const base = () => [
  entity('choe-son-hui', { related: ['north-korea'] }),
  entity('north-korea', { kind: 'state' }),
  entity('russia', { kind: 'state' }),
];

function setUp(maxBytes?: number) {
  db = openDb(`gloss-fault-${Math.random()}`);
  pub = new FakePublisher();
  sync = createSync({ db, fetch: pub.fetch, now, maxBytes });
}

/** Replaces a file with other bytes and re-describes it honestly in a fresh manifest. */
async function republishWith(path: string, mutate: (json: any) => unknown) {
  const json = JSON.parse(new TextDecoder().decode(pub.bytes(path)));
  pub.put(path, encodeJson(mutate(json)));
}

/** Runs a refused update and checks the reason and that nothing changed. */
async function expectRefused(code: string, message: RegExp, file?: string) {
  const before = await records();
  const outcome = await sync.sync(sub);
  expect(outcome).toMatchObject({ problem: { code } });
  if (outcome.result === 'refused' || outcome.result === 'failed') {
    expect(outcome.problem.message).toMatch(message);
    if (file) expect(outcome.problem.file).toBe(file);
  }
  expect(await records()).toEqual(before);
  const row = (await db.packs.get(sub))!;
  expect(row.version).toBe(1);
  expect(row.lastError?.code).toBe(code);
}

/** Publishes version 2 (delta and snapshot); the test then damages it. */
async function version2() {
  await pub.publish([...base(), entity('kim-jong-un')], [brief('nk-russia', ['north-korea'])]);
}

beforeEach(async () => {
  setUp();
  await pub.publish(base(), [brief('nk-russia', ['north-korea'])]);
  sub = (await sync.subscribe(MANIFEST_URL)).sub!;
});

describe('a refused or interrupted update leaves the store exactly as it was', () => {
  it('wrong hash', async () => {
    await version2();
    const bytes = pub.bytes('delta-2.json');
    const evil = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('Kim Jong Un', 'Kim Jong Ux'));
    pub.put('delta-2.json', evil);
    await expectRefused('hash', /delta-2\.json: its sha256/, 'delta-2.json');
  });

  it('wrong size', async () => {
    await version2();
    const bytes = pub.bytes('delta-2.json');
    pub.put('delta-2.json', new Uint8Array([...bytes, 0x20]));
    await expectRefused('size', /delta-2\.json: is \d+ bytes, but pack\.json says/);
  });

  it('truncated file', async () => {
    await version2();
    pub.put('delta-2.json', pub.bytes('delta-2.json').slice(0, 40));
    await expectRefused('size', /delta-2\.json/);
  });

  it('invalid JSON (with an honest manifest)', async () => {
    await version2();
    // Broken JSON, described truthfully in the manifest, so only the parser can catch it.
    await replaceListedFile('delta-2.json', new TextEncoder().encode('{"format": "gloss-pack/1", '));
    await expectRefused('json', /delta-2\.json/);
  });

  it('schema violation: an unknown kind', async () => {
    await version2();
    await republishHonest('delta-2.json', (d) => {
      d.put.entities[0].kind = 'monarch';
      return d;
    });
    await expectRefused('schema', /kim-jong-un.*kind/s);
  });

  it('schema violation: a link that is not http(s)', async () => {
    await version2();
    await republishHonest('delta-2.json', (d) => {
      d.put.entities[0].links = [{ url: 'javascript:alert(1)' }];
      return d;
    });
    await expectRefused('schema', /kim-jong-un.*links\[0\]\.url/s);
  });

  it('schema violation: a missing required field', async () => {
    await version2();
    await republishHonest('delta-2.json', (d) => {
      delete d.put.entities[0].name;
      return d;
    });
    await expectRefused('schema', /name/);
  });

  it('a dangling reference', async () => {
    await version2();
    await republishHonest('delta-2.json', (d) => {
      d.put.entities[0].related = ['no-such-entity'];
      return d;
    });
    await expectRefused('reference', /no-such-entity/);
  });

  it('a delta that removes an entity other records still name', async () => {
    await version2();
    await republishHonest('delta-2.json', (d) => ({ ...d, remove: { entities: ['north-korea'], briefs: [] } }));
    await expectRefused('reference', /choe-son-hui|nk-russia/);
  });

  it('the wrong pack id', async () => {
    await version2();
    await republishHonest('delta-2.json', (d) => ({ ...d, pack: 'someone-else' }));
    await expectRefused('pack-id', /someone-else/);
  });

  it('a rollback to an older version', async () => {
    await version2();
    await sync.sync(sub);
    await republishHonest('pack.json', (m) => ({ ...m, version: 1, deltas: [] }), false);
    const before = await records();
    const outcome = await sync.sync(sub);
    expect(outcome).toMatchObject({ result: 'refused', problem: { code: 'rollback' } });
    expect(await records()).toEqual(before);
  });

  it('a file over the size limit', async () => {
    setUp(2000);
    await pub.publish(base());
    sub = (await sync.subscribe(MANIFEST_URL)).sub!;
    await pub.publish([...base(), ...Array.from({ length: 40 }, (_, i) => entity(`filler-${i}`, { summary: { en: 'x'.repeat(80) } }))]);
    await expectRefused('too-large', /larger than the limit/);
  });

  it('a network failure half-way through a download', async () => {
    await version2();
    const bytes = pub.bytes('delta-2.json');
    pub.put('delta-2.json', () => new ReadableStream({
      start(c) {
        c.enqueue(bytes.slice(0, 30));
        c.error(new TypeError('network connection lost'));
      },
    }));
    await expectRefused('network', /download broke off/);
  });

  it('the background stopped in the middle of applying', async () => {
    await version2();
    // The last write of the transaction fails, as when the worker is stopped mid-way.
    const stop = vi.spyOn(db.briefs, 'bulkPut').mockImplementationOnce((() => Promise.reject(new Error('the worker was stopped'))) as never);
    await expectRefused('internal', /worker was stopped/);
    // The next start sees version 1 intact and the retry succeeds.
    stop.mockRestore();
    expect(await sync.sync(sub)).toMatchObject({ result: 'updated', version: 2 });
  });
});

describe('signatures with a pinned key', () => {
  let keys: { publicKey: string; privateKey: string };
  beforeEach(async () => {
    keys = await generateKeyPair();
    db = openDb(`gloss-sig-${Math.random()}`);
    pub = new FakePublisher();
    pub.privateKey = keys.privateKey;
    sync = createSync({ db, fetch: pub.fetch, now });
    await pub.publish(base());
    sub = (await sync.subscribe(MANIFEST_URL, { publicKey: keys.publicKey })).sub!;
    expect((await db.packs.get(sub))!.version).toBe(1);
  });

  it('refuses a manifest whose signature is missing', async () => {
    await version2();
    pub.files.delete(new URL('pack.json.sig', pub.base).href);
    await expectRefused('signature', /pack\.json\.sig: missing/);
  });

  it('refuses a manifest signed by another key', async () => {
    await version2();
    const other = await generateKeyPair();
    pub.put('pack.json.sig', new TextEncoder().encode(await sign(pub.bytes('pack.json'), other.privateKey)));
    await expectRefused('signature', /does not match/);
  });

  it('refuses a manifest changed after signing', async () => {
    await version2();
    await republishHonest('pack.json', (m) => ({ ...m, title: 'Changed' }), false);
    await expectRefused('signature', /does not match/);
  });
});

/** Rewrites a file and, unless told not to, re-describes it in the manifest (keeping other entries). */
async function republishHonest(path: string, mutate: (json: any) => unknown, describe = true) {
  await republishWith(path, mutate);
  if (describe) await replaceListedFile(path, pub.bytes(path));
}

async function replaceListedFile(path: string, bytes: Uint8Array) {
  pub.put(path, bytes);
  const manifest = JSON.parse(new TextDecoder().decode(pub.bytes('pack.json')));
  const entry = await fileEntry(path, bytes);
  if (manifest.snapshot.path === path) manifest.snapshot = entry;
  manifest.deltas = manifest.deltas.map((d: { from: number; path: string }) => (d.path === path ? { ...entry, from: d.from } : d));
  pub.put('pack.json', encodeJson(manifest));
}
