import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type GlossDb } from '@/lib/kb/db';
import { dumpStore } from '@/lib/kb/queries';
import { DEFAULT_TIMEOUTS, type Fetch } from '@/lib/sync/fetch-file';
import { createSync, type Sync } from '@/lib/sync/sync';
import { RETRY_BASE_MS } from '@/lib/sync/schedule';
import { entity, FakePublisher } from '../support/publisher';
import { ManualTimers } from '../support/manual-timers';

let db: GlossDb;
let timers: ManualTimers;
let slow: FakePublisher;
let quick: FakePublisher;
let sync: Sync;
/** URLs whose request never gets an answer at all. */
const silent = new Set<string>();
const clock = () => Date.parse('2026-11-30T09:00:00Z') + timers.now;

const { idleMs, totalMs } = DEFAULT_TIMEOUTS;

/** A body that sends nothing, ever. */
const stalled = () => new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });

/** A body that sends one byte every `everyMs` of the manual clock, forever. */
function trickle(everyMs: number) {
  return () => {
    let cancelled = false;
    return new ReadableStream<Uint8Array>({
      pull: (controller) =>
        new Promise<void>((resolve) => {
          timers.setTimeout(() => {
            if (!cancelled) controller.enqueue(new Uint8Array([32]));
            resolve();
          }, everyMs);
        }),
      cancel: () => {
        cancelled = true;
      },
    });
  };
}

const fetch: Fetch = (url, init) => {
  if (silent.has(url)) return new Promise(() => {});
  return (url.startsWith(slow.base) ? slow : quick).fetch(url, init);
};

beforeEach(async () => {
  db = openDb(`gloss-timeouts-${Math.random()}`);
  timers = new ManualTimers();
  silent.clear();
  slow = new FakePublisher('slow-pack', 'https://slow.example.org/p/');
  quick = new FakePublisher('quick-pack', 'https://quick.example.net/p/');
  sync = createSync({ db, fetch, now: clock, timers });
  await slow.publish([entity('slow-one')]);
  await quick.publish([entity('quick-one')]);
});

async function subscribed(pub: FakePublisher) {
  return (await sync.subscribe(`${pub.base}pack.json`)).sub!;
}

/** Waits (on promises, not on time) until the download of `path` has been asked for. */
async function requested(pub: FakePublisher, path: string, times = 1) {
  await vi.waitFor(() => expect(pub.requested(path)).toBeGreaterThanOrEqual(times), { interval: 1 });
}

describe('every download has an idle and a total limit', () => {
  it('a host that sends the headers and then stalls fails the sync after the idle limit, changing nothing', async () => {
    const sub = await subscribed(slow);
    const before = await dumpStore(db);
    await slow.publish([entity('slow-one'), entity('slow-two')]);
    slow.put('delta-2.json', stalled);
    const outcome = sync.sync(sub);
    await requested(slow, 'delta-2.json');
    await timers.advance(idleMs - 1);
    expect(await Promise.race([outcome, 'pending'])).toBe('pending');
    await timers.advance(1);
    expect(await outcome).toMatchObject({
      result: 'failed',
      problem: { code: 'timeout', file: 'delta-2.json', message: 'delta-2.json: the server sent nothing for 30 s; the download was stopped' },
    });
    const row = (await db.packs.get(sub))!;
    expect(row.version).toBe(1);
    // A network failure: retried soon, with the usual backoff.
    expect(row.nextAttempt).toBe(clock() + RETRY_BASE_MS);
    expect((await dumpStore(db)).entities).toEqual(before.entities);
    expect(timers.pending).toBe(0);
  });

  it('a host that never answers fails after the idle limit', async () => {
    const sub = await subscribed(slow);
    silent.add(`${slow.base}pack.json`);
    const outcome = sync.sync(sub);
    await vi.waitFor(() => expect(timers.pending).toBeGreaterThan(0), { interval: 1 });
    await timers.advance(idleMs);
    expect(await outcome).toMatchObject({ result: 'failed', problem: { code: 'timeout', file: 'pack.json' } });
  });

  it('a host that trickles a byte now and then is stopped at the total limit', async () => {
    const sub = await subscribed(slow);
    await slow.publish([entity('slow-one'), entity('slow-two')]);
    slow.put('delta-2.json', trickle(idleMs / 2));
    const outcome = sync.sync(sub);
    await requested(slow, 'delta-2.json');
    await timers.advance(totalMs - idleMs);
    expect(await Promise.race([outcome, 'pending'])).toBe('pending');
    await timers.advance(idleMs);
    expect(await outcome).toMatchObject({
      result: 'failed',
      problem: { code: 'timeout', message: 'delta-2.json: took longer than 300 s; the download was stopped' },
    });
  });
});

describe('one pack never holds up another', () => {
  it('a stalled pack does not delay the packs checked with it', async () => {
    const slowSub = await subscribed(slow);
    const quickSub = await subscribed(quick);
    await slow.publish([entity('slow-one'), entity('slow-two')]);
    slow.put('delta-2.json', stalled);
    await quick.publish([entity('quick-one'), entity('quick-two')]);
    // The stalled pack comes first in the list.
    const all = sync.syncAll();
    await vi.waitFor(async () => expect((await db.packs.get(quickSub))!.version).toBe(2), { interval: 1 });
    expect(timers.now).toBe(0);
    expect((await db.packs.get(slowSub))!.version).toBe(1);
    await timers.advance(idleMs);
    expect(await all).toMatchObject([{ result: 'failed', problem: { code: 'timeout' } }, { result: 'updated', version: 2 }]);
  });

  it('removing a pack does not wait for its stalled sync, and the sync leaves nothing behind', async () => {
    const sub = await subscribed(slow);
    const other = await subscribed(quick);
    await slow.publish([entity('slow-one'), entity('slow-two')]);
    slow.put('delta-2.json', stalled);
    const outcome = sync.sync(sub);
    await requested(slow, 'delta-2.json');
    await sync.unsubscribe(sub);
    expect(timers.now).toBe(0);
    expect(await db.packs.get(sub)).toBeUndefined();
    expect(await outcome).toMatchObject({ result: 'failed', problem: { code: 'removed' } });
    const dump = await dumpStore(db);
    expect(dump.packs.map((p) => p.sub)).toEqual([other]);
    expect(dump.entities.every((e) => e.sub === other)).toBe(true);
    expect(timers.pending).toBe(0);
  });
});
