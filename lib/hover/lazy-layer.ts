import type { PageCardsActions, PageCardsState } from './card-state';
import type { Timers } from './hover-intent';

/** Gloss's shadow-root layer, as the entrypoint mounts it (components/card/mount.tsx). */
export interface CardLayerHandle {
  host: HTMLElement;
  shadow: ShadowRoot;
  draw(state: PageCardsState, actions: PageCardsActions): void;
  /** Takes the host (and everything in it) off the page. */
  remove(): void;
}

export interface LazyLayerOptions {
  mount(): CardLayerHandle;
  timers: Timers;
  /** How long the layer stays once nothing needs it: a page re-rendering its story gets its names back soon. */
  removeAfterMs?: number;
  /**
   * A live region added together with its words is not reliably spoken; a layer added
   * for an announcement first shows empty, and the words this long after.
   */
  announceAfterMs?: number;
}

export interface LazyLayer {
  /** The layer, when it is on the page. */
  current(): CardLayerHandle | null;
  /** Draws `state`; adds the layer when `needed` and it is missing, and removes it a moment after nothing needs it. */
  show(state: PageCardsState, actions: PageCardsActions, needed: boolean): void;
  dispose(): void;
}

const EMPTY: PageCardsState = { card: null, notice: null, announcement: null, announceId: 0 };

/**
 * Adds nothing to the page until there is something to show (names that can be hovered,
 * a card, the notice, an announcement) and takes Gloss's host away again when there is
 * nothing, so a page without names carries no node of Gloss's.
 */
export function createLazyLayer(opts: LazyLayerOptions): LazyLayer {
  const removeAfterMs = opts.removeAfterMs ?? 500;
  const announceAfterMs = opts.announceAfterMs ?? 150;
  const { timers } = opts;
  let layer: CardLayerHandle | null = null;
  let removeTimer: number | undefined;
  let speakTimer: number | undefined;
  let latest: { state: PageCardsState; actions: PageCardsActions } | null = null;
  /** The last announcement drawn; an older one is not news when the layer comes back. */
  let drawnId = 0;

  const draw = (state: PageCardsState, actions: PageCardsActions) => {
    drawnId = state.announceId;
    layer!.draw(state, actions);
  };

  const cancelRemove = () => {
    if (removeTimer !== undefined) timers.clear(removeTimer);
    removeTimer = undefined;
  };
  const take = () => {
    cancelRemove();
    if (speakTimer !== undefined) timers.clear(speakTimer);
    speakTimer = undefined;
    layer?.remove();
    layer = null;
  };

  return {
    current: () => layer,
    show(state, actions, needed) {
      latest = { state, actions };
      if (!needed) {
        if (!layer) return;
        if (speakTimer === undefined) draw(state, actions);
        if (removeTimer === undefined) removeTimer = timers.set(take, removeAfterMs);
        return;
      }
      cancelRemove();
      if (!layer) {
        layer = opts.mount();
        if (state.announcement && state.announceId !== drawnId) {
          layer.draw({ ...EMPTY, announceId: drawnId }, actions);
          speakTimer = timers.set(() => {
            speakTimer = undefined;
            if (layer && latest) draw(latest.state, latest.actions);
          }, announceAfterMs);
          return;
        }
      }
      // While the empty live region settles, the latest state waits for the timer.
      if (speakTimer === undefined) draw(state, actions);
    },
    dispose: take,
  };
}
