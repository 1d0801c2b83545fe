import { createReaderStore, type ReaderStore } from '@/lib/reader/reader-store';
import { FakeLocalArea, type FakeSyncArea } from '../reader/fake-sync';

/** A reader's store in memory, without sync storage unless given one; started. */
export async function memoryReader(opts: { sync?: FakeSyncArea; now?: () => number } = {}): Promise<ReaderStore> {
  const store = createReaderStore({
    local: new FakeLocalArea(),
    sync: opts.sync ?? null,
    now: opts.now ?? (() => Date.UTC(2026, 10, 1)),
    timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
  });
  await store.start();
  return store;
}

/** The same, for deps built synchronously: started on first use. */
export function lazyReader(): ReaderStore {
  const store = createReaderStore({
    local: new FakeLocalArea(),
    sync: null,
    now: () => Date.UTC(2026, 10, 1),
    timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
  });
  void store.start();
  return store;
}
