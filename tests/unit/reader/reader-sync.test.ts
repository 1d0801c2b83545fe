import { describe, expect, it } from 'vitest';
import { createReaderStore, type ReaderStore } from '@/lib/reader/reader-store';
import { correctionId, noteId, TOMBSTONE_MS, type NoteRecord, type ReaderRecord } from '@/lib/reader/records';
import { bucketOf } from '@/lib/reader/sync-codec';
import { CHROME_SYNC_QUOTA, FIREFOX_SYNC_QUOTA } from '@/lib/reader/sync-quotas';
import { LOCAL_RECORDS_KEY } from '@/lib/reader/sync-status';
import { ManualTimers, settle } from '../support/manual-timers';
import { FakeCloud, FakeLocalArea, FakeSyncArea } from './fake-sync';

const EPOCH = Date.UTC(2026, 10, 1);
const PROFILES = { chrome: CHROME_SYNC_QUOTA, firefox: FIREFOX_SYNC_QUOTA } as const;
type BrowserName = keyof typeof PROFILES;

interface Machine {
  store: ReaderStore;
  local: FakeLocalArea;
  sync: FakeSyncArea;
}

/** Machines sharing one clock (each may run fast or slow by `skew`). */
function world(browser: BrowserName, count: number, skews: number[] = []) {
  const timers = new ManualTimers();
  const areas = Array.from({ length: count }, () => new FakeSyncArea(browser, PROFILES[browser], () => EPOCH + timers.now));
  const cloud = new FakeCloud(areas);
  const machines: Machine[] = areas.map((sync, i) => {
    const local = new FakeLocalArea();
    const store = createReaderStore({
      local,
      sync,
      now: () => EPOCH + timers.now + (skews[i] ?? 0),
      timers: { set: (fn, ms) => timers.setTimeout(fn, ms), clear: (h) => timers.clearTimeout(h) },
    });
    return { store, local, sync };
  });
  /** Moves the clock in steps, letting each machine finish what the step started (compression is truly async). */
  async function wait(ms: number) {
    const step = Math.min(ms, 500);
    for (let t = 0; t < ms; t += step) {
      await timers.advance(step);
      for (let i = 0; i < 3; i++) {
        await Promise.all(machines.map((m) => m.store.idle()));
        await settle();
      }
    }
  }
  /** Lets every machine write, the cloud carry it, and the others merge and answer, until all is quiet. */
  async function converge(rounds = 6) {
    for (let i = 0; i < rounds; i++) {
      await wait(5_000);
      cloud.deliver();
      await wait(5_000);
    }
  }
  return { timers, cloud, machines, converge, wait };
}

const note = (entity: string, text: string): NoteRecord => ({ id: noteId(entity), type: 'note', entity, label: entity, text, updated: EPOCH });
const texts = (m: Machine) =>
  m.store
    .records()
    .filter((r): r is NoteRecord => r.type === 'note')
    .map((r) => `${r.entity}=${r.text}`)
    .sort();

/** Text that barely compresses, so sizes in sync storage are near the worst case. */
function noise(chars: number, seed: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789 .,'): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < chars; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += alphabet[x % alphabet.length];
  }
  return s;
}

describe.each(['chrome', 'firefox'] as const)('notes and corrections synced through %s sync storage', (browser) => {
  it('keeps a note on this machine and copies it to sync storage, compressed, within the quota', async () => {
    const { machines, wait } = world(browser, 1);
    const [a] = machines as [Machine];
    await a.store.start();
    await a.store.put(note('asia/choe-son-hui', 'Met Lavrov twice in 2024. https://example.org/x'));
    await wait(3_000);
    expect(a.store.status().state).toBe('synced');
    expect([...a.sync.items.keys()]).toEqual([`gr${bucketOf(noteId('asia/choe-son-hui'))}.0`]);
    // A new start with the same local storage and no sync at all still has it.
    const again = createReaderStore({ local: a.local, sync: null, now: () => EPOCH, timers: { set: () => 0, clear: () => {} } });
    await again.start();
    expect(again.get(noteId('asia/choe-son-hui'))).toMatchObject({ text: 'Met Lavrov twice in 2024. https://example.org/x' });
    expect(again.status().state).toBe('unavailable');
  });

  it('merges notes written on two machines at once, even when they share a bucket, and loses neither', async () => {
    const { machines, converge } = world(browser, 2);
    const [a, b] = machines as [Machine, Machine];
    await a.store.start();
    await b.store.start();
    // Forty notes each: with 32 buckets, many of A's and B's share a bucket and overwrite each other in the cloud.
    for (let i = 0; i < 40; i++) {
      await a.store.put(note(`asia/a-${i}`, `from A ${i}`));
      await b.store.put(note(`asia/b-${i}`, `from B ${i}`));
    }
    await converge();
    expect(texts(a)).toHaveLength(80);
    expect(texts(b)).toEqual(texts(a));
    expect(a.sync.refusals).toEqual([]);
    expect(b.sync.refusals).toEqual([]);
    // Both machines' sync storage holds the same, and nothing more is waiting to be written.
    expect(Object.fromEntries(a.sync.items)).toEqual(Object.fromEntries(b.sync.items));
    expect(a.sync.outbox.length + b.sync.outbox.length).toBe(0);
  });

  it('keeps the later edit of one note, whichever machine wrote it', async () => {
    const { machines, converge, wait } = world(browser, 2);
    const [a, b] = machines as [Machine, Machine];
    await a.store.start();
    await b.store.start();
    await a.store.put(note('asia/kim-jong-un', 'first'));
    await converge();
    await a.store.put(note('asia/kim-jong-un', 'edited on A'));
    await wait(1_000);
    await b.store.put(note('asia/kim-jong-un', 'edited on B, later'));
    await converge();
    expect(texts(a)).toEqual(['asia/kim-jong-un=edited on B, later']);
    expect(texts(b)).toEqual(texts(a));
  });

  it('deletes a note on both machines, over an older edit, and forgets the tombstone after its time', async () => {
    const { machines, converge, wait, timers } = world(browser, 2);
    const [a, b] = machines as [Machine, Machine];
    await a.store.start();
    await b.store.start();
    await a.store.put(note('asia/lavrov', 'keep?'));
    await b.store.put(note('asia/shoigu', 'stays'));
    await converge();
    await b.store.put(note('asia/lavrov', 'older edit on B'));
    await wait(1_000);
    await a.store.remove([noteId('asia/lavrov')]);
    await converge();
    expect(texts(a)).toEqual(['asia/shoigu=stays']);
    expect(texts(b)).toEqual(['asia/shoigu=stays']);
    expect(b.store.everything().find((r) => r.id === noteId('asia/lavrov'))).toMatchObject({ deleted: true, text: '' });
    // Past the stated time, the tombstones go from both machines and from sync storage.
    await timers.advance(TOMBSTONE_MS + 1);
    await a.store.put(note('asia/shoigu', 'stays, edited'));
    await converge();
    for (const m of [a, b]) expect(m.store.everything().map((r) => r.id)).toEqual([noteId('asia/shoigu')]);
  });

  it('trusts a newer edit over a machine whose clock runs ahead only by its own order', async () => {
    // B's clock runs 10 minutes ahead: its edit wins over A's, made 1 minute later in real time.
    const { machines, converge, wait } = world(browser, 2, [0, 600_000]);
    const [a, b] = machines as [Machine, Machine];
    await a.store.start();
    await b.store.start();
    await b.store.put(note('asia/putin', 'B'));
    await converge();
    await wait(60_000);
    // A edits after seeing B's: its own change is always later than the version it replaced.
    await a.store.put(note('asia/putin', 'A, after reading B'));
    await converge();
    expect(texts(b)).toEqual(['asia/putin=A, after reading B']);
  });

  it('ignores a bucket whose chunks arrived from different writes until the rest arrives', async () => {
    const { machines, cloud, wait } = world(browser, 2);
    const [a, b] = machines as [Machine, Machine];
    await a.store.start();
    await b.store.start();
    // Notes that barely compress, all in one bucket, so the bucket needs several chunks.
    const same = [...Array(400).keys()].map((i) => `asia/n-${i}`).filter((e) => bucketOf(noteId(e)) === 7).slice(0, 3);
    for (const [i, e] of same.entries()) await a.store.put(note(e, noise(3900, i + 1, 'абвгдежзийклмнопрстуфхцчшщыэюя ')));
    await wait(3_000);
    const keys = [...a.sync.items.keys()].sort();
    expect(keys.length).toBeGreaterThan(1);
    expect(keys.every((k) => k.startsWith('gr7.'))).toBe(true);
    // Only the first chunk arrives: B takes nothing from it and writes nothing over it.
    cloud.deliver((k) => k === 'gr7.0');
    await wait(10_000);
    expect(texts(b)).toEqual([]);
    expect(b.sync.refusals).toEqual([]);
    cloud.deliver();
    await wait(10_000);
    expect(texts(b)).toEqual(texts(a));
    expect(texts(b)).toHaveLength(3);
  });

  it('when the quota is full, keeps every note here, syncs what fits, says so, and recovers after deletions', async () => {
    const { machines, wait } = world(browser, 1);
    const [a] = machines as [Machine];
    await a.store.start();
    // 60 notes of 3,000 characters of noise: about 180 KB even compressed, well past 100 KB.
    for (let i = 0; i < 60; i++) await a.store.put(note(`asia/big-${i}`, noise(3000, i + 7)));
    await wait(3_000);
    const status = a.store.status();
    expect(status.state).toBe('full');
    expect(status.unsynced).toBeGreaterThan(0);
    expect(a.sync.bytes()).toBeLessThanOrEqual(102_400);
    expect(a.sync.bytes()).toBeGreaterThan(50_000);
    expect(a.sync.refusals).toEqual([]);
    expect(a.store.records()).toHaveLength(60);
    // Still working: another note is kept here.
    await a.store.put(note('asia/small', 'short'));
    expect(a.store.get(noteId('asia/small'))).toBeDefined();
    // Deleting most notes makes room: everything left fits again.
    await a.store.remove([...Array(45).keys()].map((i) => noteId(`asia/big-${i}`)));
    await wait(3_000);
    expect(a.store.status()).toMatchObject({ state: 'synced', unsynced: 0 });
    expect(a.sync.refusals).toEqual([]);
  });

  it('a reader whose sync storage refuses every call keeps working here and loses nothing', async () => {
    const { machines, wait } = world(browser, 1);
    const [a] = machines as [Machine];
    a.sync.broken = true;
    await a.store.start();
    await a.store.put(note('asia/kcna', 'state agency'));
    await a.store.put({ id: correctionId('asia/kcna', '*', 'kcna'), type: 'correction', entity: 'asia/kcna', label: 'KCNA', name: 'kcna', shown: 'KCNA', site: '*', updated: EPOCH });
    await wait(3_000);
    expect(a.store.status().state).toBe('unavailable');
    expect((a.local.items.get(LOCAL_RECORDS_KEY) as ReaderRecord[]).map((r) => r.type).sort()).toEqual(['correction', 'note']);
  });
});

describe('Chrome’s write-rate limits', () => {
  it('waits for the minute to pass rather than have a write refused, then catches up', async () => {
    const { machines, wait, timers } = world('chrome', 1);
    const [a] = machines as [Machine];
    await a.store.start();
    await wait(1_000);
    // 150 changes, each written at once by asking for it: more than 120 writes in a minute.
    for (let i = 0; i < 150; i++) {
      await a.store.put(note(`asia/e-${i}`, `note ${i}`));
      await a.store.flush();
      await wait(100);
    }
    expect(a.store.status().state).toBe('waiting');
    expect(a.sync.refusals).toEqual([]);
    await wait(120_000);
    await settle();
    expect(a.store.status().state).toBe('synced');
    expect(a.sync.refusals).toEqual([]);
    const other = createReaderStore({ local: new FakeLocalArea(), sync: a.sync, now: () => EPOCH + timers.now, timers: { set: () => 0, clear: () => {} } });
    await other.start();
    expect(other.records()).toHaveLength(150);
  });

  it('a background that restarted (and forgot its own count) waits a minute when Chrome refuses a write', async () => {
    const { machines, wait } = world('chrome', 1);
    const [a] = machines as [Machine];
    // Another run of the background used this minute's writes up.
    for (let i = 0; i < 120; i++) await a.sync.set({ [`other${i % 3}`]: i });
    await a.store.start();
    await a.store.put(note('asia/e-1', 'after a restart'));
    await wait(3_000);
    expect(a.store.status()).toMatchObject({ state: 'waiting', detail: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.' });
    expect(a.store.get(noteId('asia/e-1'))).toBeDefined();
    await wait(62_000);
    expect(a.store.status().state).toBe('synced');
  });
});
