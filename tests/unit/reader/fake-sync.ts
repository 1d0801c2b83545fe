import type { StorageAreaLike, StorageChange, SyncAreaLike } from '@/lib/reader/storage-area';
import { itemBytes, type SyncQuota } from '@/lib/reader/sync-quotas';

type Listener = (changes: Record<string, StorageChange>) => void;

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** storage.local, in memory. */
export class FakeLocalArea implements StorageAreaLike {
  readonly items = new Map<string, unknown>();
  async get(keys?: string | string[] | null) {
    const wanted = keys === null || keys === undefined ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(wanted.filter((k) => this.items.has(k)).map((k) => [k, clone(this.items.get(k))]));
  }
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) this.items.set(k, clone(v));
  }
  async remove(keys: string | string[]) {
    for (const k of typeof keys === 'string' ? [keys] : keys) this.items.delete(k);
  }
}

/**
 * One browser's storage.sync as the browser enforces it: each set or remove is refused whole
 * when an item, the total or the item count would pass the quota, or (Chrome) when the write
 * rate would; the messages are the browsers' own. Changes fire onChanged after the call
 * returns, like the real event, and wait in an outbox for the cloud to carry them.
 */
export class FakeSyncArea implements SyncAreaLike {
  readonly items = new Map<string, unknown>();
  readonly outbox: [string, unknown][] = [];
  private readonly listeners = new Set<Listener>();
  private readonly writes: number[] = [];
  /** Every refused call's message. */
  readonly refusals: string[] = [];
  /** Fails every call (sync turned off by policy, say). */
  broken = false;
  constructor(
    readonly browser: 'chrome' | 'firefox',
    readonly quota: SyncQuota,
    private readonly now: () => number,
  ) {}

  onChanged = {
    addListener: (l: Listener) => void this.listeners.add(l),
    removeListener: (l: Listener) => void this.listeners.delete(l),
  };

  bytes(): number {
    return [...this.items].reduce((s, [k, v]) => s + itemBytes(k, v), 0);
  }

  private refuse(message: string): never {
    this.refusals.push(message);
    throw new Error(message);
  }

  private countWrite() {
    const now = this.now();
    const { writesPerMinute, writesPerHour } = this.quota;
    if (writesPerMinute !== undefined && this.writes.filter((w) => w > now - 60_000).length >= writesPerMinute) {
      this.refuse('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    }
    if (writesPerHour !== undefined && this.writes.filter((w) => w > now - 3_600_000).length >= writesPerHour) {
      this.refuse('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    }
    this.writes.push(now);
  }

  private tooBig(message: string): never {
    return this.refuse(this.browser === 'chrome' ? `${message} quota exceeded.` : 'QuotaExceededError: storage.sync API call exceeded its quota limitations.');
  }

  async get(keys?: string | string[] | null) {
    if (this.broken) this.refuse('Sync storage is unavailable.');
    const wanted = keys === null || keys === undefined ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(wanted.filter((k) => this.items.has(k)).map((k) => [k, clone(this.items.get(k))]));
  }

  async set(items: Record<string, unknown>) {
    if (this.broken) this.refuse('Sync storage is unavailable.');
    for (const [k, v] of Object.entries(items)) if (itemBytes(k, v) > this.quota.bytesPerItem) this.tooBig('QUOTA_BYTES_PER_ITEM');
    const after = new Map(this.items);
    for (const [k, v] of Object.entries(items)) after.set(k, v);
    if (after.size > this.quota.maxItems) this.tooBig('MAX_ITEMS');
    if ([...after].reduce((s, [k, v]) => s + itemBytes(k, v), 0) > this.quota.bytes) this.tooBig('QUOTA_BYTES');
    this.countWrite();
    this.apply(Object.entries(items).map(([k, v]) => [k, clone(v)]), true);
  }

  async remove(keys: string | string[]) {
    if (this.broken) this.refuse('Sync storage is unavailable.');
    this.countWrite();
    this.apply((typeof keys === 'string' ? [keys] : keys).map((k) => [k, undefined]), true);
  }

  /** Applies changes and fires onChanged; from the cloud, they do not go out again. */
  apply(changes: [string, unknown][], local: boolean) {
    const event: Record<string, StorageChange> = {};
    for (const [k, v] of changes) {
      const old = this.items.get(k);
      if (v === undefined) this.items.delete(k);
      else this.items.set(k, v);
      if (JSON.stringify(old) === JSON.stringify(v)) continue;
      event[k] = { oldValue: old, newValue: v };
      if (local) this.outbox.push([k, v]);
    }
    if (Object.keys(event).length) queueMicrotask(() => this.listeners.forEach((l) => l(clone(event))));
  }
}

/** The browser vendor's servers: carry each machine's changes to the others, a key at a time. */
export class FakeCloud {
  constructor(readonly areas: FakeSyncArea[]) {}

  /** Delivers every waiting change; `only` keeps back the changes whose key it refuses. */
  deliver(only: (key: string) => boolean = () => true) {
    for (const from of this.areas) {
      const sent = from.outbox.filter(([k]) => only(k));
      from.outbox.splice(0, from.outbox.length, ...from.outbox.filter(([k]) => !only(k)));
      if (!sent.length) continue;
      for (const to of this.areas) if (to !== from) to.apply(sent, false);
    }
  }
}
