import { browser } from 'wxt/browser';
import { createReaderStore, type ReaderStore } from './reader-store';
import { correctionsChanged, readerRevisionItem } from './reader-revision';
import type { StorageChange, SyncAreaLike } from './storage-area';

type Listener = (changes: Record<string, StorageChange>) => void;

/** `storage.sync` as the store wants it, or null where the browser has none. */
function syncArea(): SyncAreaLike | null {
  const area = browser.storage?.sync;
  if (!area) return null;
  const wrapped = new Map<Listener, (changes: Record<string, StorageChange>, areaName: string) => void>();
  return {
    get: (keys) => area.get(keys ?? null),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
    onChanged: {
      addListener(listener) {
        const inner = (changes: Record<string, StorageChange>, areaName: string) => {
          if (areaName === 'sync') listener(changes);
        };
        wrapped.set(listener, inner);
        browser.storage.onChanged.addListener(inner);
      },
      removeListener(listener) {
        const inner = wrapped.get(listener);
        if (inner) browser.storage.onChanged.removeListener(inner);
        wrapped.delete(listener);
      },
    },
  };
}

/** The reader's store in the background: storage.local and storage.sync of this browser. */
export function createBrowserReader(): ReaderStore {
  return createReaderStore({
    local: browser.storage.local,
    sync: syncArea(),
    now: Date.now,
    timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    onChange: (after, before) => {
      if (correctionsChanged(after, before)) void readerRevisionItem.setValue(Date.now());
    },
  });
}
