import { mergeRecords } from './merge';
import { checkRecords, MAX_RECORDS, tombstone, type ReaderRecord } from './records';
import type { StorageAreaLike, SyncAreaLike, Timers } from './storage-area';
import { pushPlan } from './sync-plan';
import { decodeItems } from './sync-codec';
import { SYNC_QUOTA, type SyncQuota } from './sync-quotas';
import { LOCAL_RECORDS_KEY, LOCAL_STATUS_KEY, type ReaderSyncStatus } from './sync-status';

export interface ReaderStoreDeps {
  /** `storage.local`: the reader's records live here first. */
  local: StorageAreaLike;
  /** `storage.sync`; null where the browser has none. */
  sync: SyncAreaLike | null;
  now: () => number;
  timers: Timers;
  quota?: SyncQuota;
  /** Wait after a change before writing to sync, so a burst of edits costs one write. */
  pushDelayMs?: number;
  /** After the records changed, here or from another machine. */
  onChange?: (records: ReaderRecord[], before: ReaderRecord[]) => void;
}

export type ReaderStore = ReturnType<typeof createReaderStore>;

const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * The reader's notes and corrections: kept in `storage.local` (the truth on this machine)
 * and mirrored to `storage.sync`, merged with what other machines wrote there. A reader
 * without browser sync, or with a full quota, loses nothing: the local copy is whole.
 */
export function createReaderStore(deps: ReaderStoreDeps) {
  const quota = deps.quota ?? SYNC_QUOTA;
  const pushDelay = deps.pushDelayMs ?? 2000;
  let records = new Map<string, ReaderRecord>();
  let status: ReaderSyncStatus = { state: deps.sync ? 'pending' : 'unavailable', bytes: 0, quota: quota.bytes, unsynced: 0, at: deps.now() };
  let timer: unknown = null;
  let pullTimer: unknown = null;
  const writes: number[] = [];
  let markLoaded: () => void = () => {};
  const loaded = new Promise<void>((resolve) => (markLoaded = resolve));
  // One thing at a time: a pull and a push interleaved could each miss the other's records.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job);
    queue = run.catch(() => {});
    return run;
  };

  const list = () => [...records.values()];

  async function setStatus(next: Omit<ReaderSyncStatus, 'at' | 'quota'>) {
    status = { ...next, quota: quota.bytes, at: deps.now() };
    await deps.local.set({ [LOCAL_STATUS_KEY]: status });
  }

  async function commit(next: Map<string, ReaderRecord>) {
    const before = list();
    records = next;
    await deps.local.set({ [LOCAL_RECORDS_KEY]: list() });
    deps.onChange?.(list(), before);
  }

  function schedulePush(delay = pushDelay) {
    if (!deps.sync) return;
    if (timer !== null) deps.timers.clear(timer);
    timer = deps.timers.set(() => {
      timer = null;
      void push().catch(() => {});
    }, delay);
  }

  /** Merges what sync storage holds into ours; true when ours changed. */
  async function pullNow(raw?: Record<string, unknown>): Promise<Awaited<ReturnType<typeof decodeItems>> | null> {
    if (!deps.sync) return null;
    const remote = await decodeItems(raw ?? (await deps.sync.get(null)));
    const theirs = [...remote.values()].flatMap((b) => b.records ?? []);
    const merged = mergeRecords(records, theirs, deps.now());
    if (merged.changed) await commit(merged.records);
    return remote;
  }

  /** When the next write is allowed by the per-minute and per-hour limits (now if it is). */
  function nextWriteAt(ops: number): number {
    const now = deps.now();
    while (writes.length && writes[0]! <= now - HOUR) writes.shift();
    let at = now;
    const perMinute = quota.writesPerMinute;
    const perHour = quota.writesPerHour;
    const recent = writes.filter((w) => w > now - MINUTE);
    if (perMinute !== undefined && recent.length + ops > perMinute) at = Math.max(at, recent[recent.length + ops - perMinute - 1]! + MINUTE);
    if (perHour !== undefined && writes.length + ops > perHour) at = Math.max(at, writes[writes.length + ops - perHour - 1]! + HOUR);
    return at;
  }

  function push(): Promise<void> {
    return serial(async () => {
      const sync = deps.sync;
      if (!sync) return;
      try {
        const raw = await sync.get(null);
        const remote = await pullNow(raw);
        if (!remote) return;
        const plan = await pushPlan(list(), remote, raw, quota);
        const ops = (Object.keys(plan.set).length ? 1 : 0) + (plan.remove.length ? 1 : 0);
        const at = nextWriteAt(ops);
        if (ops && at > deps.now()) {
          await setStatus({ state: 'waiting', bytes: plan.bytesBefore, unsynced: plan.changedRecords });
          schedulePush(at - deps.now());
          return;
        }
        if (Object.keys(plan.set).length) {
          await sync.set(plan.set);
          writes.push(deps.now());
        }
        if (plan.remove.length) {
          await sync.remove(plan.remove);
          writes.push(deps.now());
        }
        await setStatus(
          plan.unsynced
            ? { state: 'full', bytes: plan.bytesAfter, unsynced: plan.unsynced }
            : { state: 'synced', bytes: plan.bytesAfter, unsynced: 0 },
        );
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        // The browser's rate limit (Chrome says which): try again after a minute.
        if (/MAX_WRITE_OPERATIONS|MAX_SUSTAINED/i.test(detail)) {
          await setStatus({ state: 'waiting', bytes: status.bytes, unsynced: records.size, detail });
          schedulePush(MINUTE);
        } else if (/QUOTA_BYTES|MAX_ITEMS|quota/i.test(detail)) {
          await setStatus({ state: 'full', bytes: status.bytes, unsynced: records.size, detail });
        } else {
          await setStatus({ state: 'unavailable', bytes: 0, unsynced: records.size, detail });
        }
      }
    });
  }

  const onSyncChanged = (changes: Record<string, unknown>) => {
    if (!Object.keys(changes).some((k) => k.startsWith('gr'))) return;
    // The chunks of one write may arrive in several events: read them once they settle.
    if (pullTimer !== null) deps.timers.clear(pullTimer);
    pullTimer = deps.timers.set(() => {
      pullTimer = null;
      // What another machine wrote may lack what only we have: write ours back after merging.
      void serial(() => pullNow()).then(() => schedulePush(), () => {});
    }, 250);
  };

  async function change(apply: (next: Map<string, ReaderRecord>) => void): Promise<void> {
    await serial(async () => {
      const next = new Map(records);
      apply(next);
      if (next.size > MAX_RECORDS) throw new Error(`Gloss keeps at most ${MAX_RECORDS} notes and corrections.`);
      await commit(next);
      if (deps.sync) await setStatus({ ...status, state: 'pending' });
    });
    schedulePush();
  }

  /** A moment later than the record's last change, even if this machine's clock is behind. */
  const stamp = (id: string) => Math.max(deps.now(), (records.get(id)?.updated ?? 0) + 1);

  return {
    /** Reads the local records, then merges sync storage's and starts following it. */
    async start(): Promise<void> {
      const stored = await deps.local.get(LOCAL_RECORDS_KEY);
      const { records: valid } = checkRecords(stored[LOCAL_RECORDS_KEY] ?? [], 'local');
      records = new Map(valid.map((r) => [r.id, r]));
      markLoaded();
      if (!deps.sync) {
        await setStatus({ state: 'unavailable', bytes: 0, unsynced: records.size });
        return;
      }
      deps.sync.onChanged.addListener(onSyncChanged);
      try {
        await serial(() => pullNow());
      } catch (err) {
        await setStatus({ state: 'unavailable', bytes: 0, unsynced: records.size, detail: err instanceof Error ? err.message : String(err) });
      }
      schedulePush(0);
    },
    /** Resolves once the local records are read (a woken background answers only after). */
    ready: (): Promise<void> => loaded,
    stop() {
      deps.sync?.onChanged.removeListener(onSyncChanged);
      if (timer !== null) deps.timers.clear(timer);
      if (pullTimer !== null) deps.timers.clear(pullTimer);
    },
    /** Live records (no tombstones). */
    records: (): ReaderRecord[] => list().filter((r) => !r.deleted),
    /** Every record, tombstones too. */
    everything: list,
    get: (id: string): ReaderRecord | undefined => {
      const r = records.get(id);
      return r && !r.deleted ? r : undefined;
    },
    /** Adds or replaces a record; its `updated` is set to now. */
    put(record: ReaderRecord): Promise<ReaderRecord> {
      let written = record;
      return change((next) => {
        written = { ...record, updated: stamp(record.id) };
        delete (written as { deleted?: true }).deleted;
        next.set(record.id, written);
      }).then(() => written);
    },
    /** Deletes records, leaving tombstones for the other machines. */
    remove(ids: string[]): Promise<void> {
      return change((next) => {
        for (const id of ids) {
          const r = next.get(id);
          if (r && !r.deleted) next.set(id, tombstone(r, stamp(id)));
        }
      });
    },
    /** Brings back records (an import): each is written as a change made now, so it wins over older deletions. */
    restore(list: ReaderRecord[]): Promise<void> {
      return change((next) => {
        for (const r of list) {
          if (r.deleted) continue;
          next.set(r.id, { ...r, updated: stamp(r.id) });
        }
      });
    },
    /** Writes to sync storage now (what the timer does after a change). */
    flush: push,
    /** Merges sync storage now (what a change event does, after it settles). */
    pull: () => serial(() => pullNow()).then(() => undefined),
    status: (): ReaderSyncStatus => status,
    /** Resolves once the work started so far is done (for tests and the import that follows a reset). */
    idle: (): Promise<void> => queue.then(() => undefined),
  };
}
