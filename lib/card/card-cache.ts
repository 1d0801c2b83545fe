import type { CardData } from './types';

export interface CardCache {
  /** The card for a key: fetched once per page, then shared. Failures are not kept. */
  get(key: string): Promise<CardData | null>;
  /** The card if it has already arrived, so it can be shown in the same frame. */
  ready(key: string): CardData | null | undefined;
  /** Forget everything (the reader's languages changed). */
  clear(): void;
}

export function createCardCache(fetchCard: (key: string) => Promise<CardData | null>): CardCache {
  const pending = new Map<string, Promise<CardData | null>>();
  const done = new Map<string, CardData | null>();
  let generation = 0;
  return {
    get(key) {
      let p = pending.get(key);
      if (!p) {
        const gen = generation;
        p = fetchCard(key);
        pending.set(key, p);
        p.then(
          (data) => gen === generation && done.set(key, data),
          () => gen === generation && pending.delete(key),
        );
      }
      return p;
    },
    ready: (key) => done.get(key),
    clear() {
      generation++;
      pending.clear();
      done.clear();
    },
  };
}
