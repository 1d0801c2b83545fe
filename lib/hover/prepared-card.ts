import type { Mention } from '../annotate/annotator';
import type { CardCache } from '../card/card-cache';
import type { CardData } from '../card/types';
import type { OpenCard, PageCardsState } from './card-state';

/**
 * The card for a mention the pointer has come to rest on, once its data is in: drawn
 * and placed off view while the hover delay runs (see PageCardsState.next).
 */
export function prepareCard(m: Mention, data: CardData | null, pointer: { x: number; y: number } | null, id: number): OpenCard {
  return { anchor: m.range, mode: 'hover', pointer, trail: [m.key], data, failed: false, openedAt: Number.NaN, id };
}

/** Whether a prepared card is the one for `m`. */
export const isPreparedFor = (next: OpenCard | null | undefined, m: Mention | null): next is OpenCard =>
  !!next && !!m && next.anchor === m.range && next.trail[0] === m.key;

/** The prepared card shown: the same card (same id, so it is not drawn again), opened at `at`. */
export function showPrepared(next: OpenCard, at: number): OpenCard {
  return { ...next, openedAt: at };
}

export interface Preparer {
  /** The pointer came to rest on `m`: fetch its card and draw it unseen, so the delay's end only shows it. */
  prepare(m: Mention): void;
  /** The pointer left the mention it rested on before the delay ended: its unseen card goes. */
  dropStale(): void;
}

/** Keeps `state.next` for the card controller (lib/hover/card-controller.ts), which owns `state`. */
export function createPreparer(opts: {
  cache: CardCache;
  state: PageCardsState;
  /** The mention the pointer rests on while its delay runs. */
  resting(): Mention | null;
  pointer(): { x: number; y: number } | null;
  nextId(): number;
  emit(): void;
}): Preparer {
  const { cache, state } = opts;
  return {
    prepare(m) {
      const ready = () => {
        const data = cache.ready(m.key);
        if (data === undefined || opts.resting() !== m || isPreparedFor(state.next, m)) return;
        state.next = prepareCard(m, data, opts.pointer(), opts.nextId());
        opts.emit();
      };
      if (cache.ready(m.key) !== undefined) return ready();
      cache.get(m.key).then(ready, () => {});
    },
    dropStale() {
      if (state.next && !isPreparedFor(state.next, opts.resting())) {
        state.next = null;
        opts.emit();
      }
    },
  };
}
