import type { Mention } from '../annotate/annotator';

/** What is under the pointer: a mention, Gloss's card, or nothing of Gloss's. */
export type PointerTarget = Mention | 'card' | null;

export interface Timers {
  set(fn: () => void, ms: number): number;
  clear(id: number): void;
}

export interface HoverIntentOptions {
  /** How long the pointer must rest on a mention before its card opens. */
  dwellMs: () => number;
  /** How long a card stays after the pointer leaves it and its mention. */
  closeMs?: number;
  /** The pointer came to rest on a mention: a good moment to fetch its card. */
  onDwellStart?(m: Mention): void;
  onOpen(m: Mention, dwellEndedAt: number): void;
  onClose(): void;
  timers: Timers;
  now: () => number;
}

export interface HoverIntent {
  /** Where the pointer is now (at most once a frame). */
  update(target: PointerTarget): void;
  /** A card opened another way (the keyboard): it stays until the pointer rests elsewhere. */
  pin(m: Mention): void;
  /** The card closed another way (Escape, a click): forget it without calling onClose. */
  reset(): void;
  /** The open card's mention. */
  current(): Mention | null;
  /** The mention the pointer rests on while its delay runs. */
  pending(): Mention | null;
}

/**
 * When a card opens and closes as the pointer moves: open after the pointer rests on a
 * mention, stay while it travels from the mention into the card (or back), close a
 * moment after it has left both. Moving to another mention opens that one's card after
 * its own rest; the old card leaves on its close delay, so a quick pass over text does
 * not flash cards.
 */
export function createHoverIntent(opts: HoverIntentOptions): HoverIntent {
  const closeMs = opts.closeMs ?? 300;
  const { timers } = opts;
  let current: Mention | null = null;
  let pinned = false;
  let pending: Mention | null = null;
  let dwellTimer: number | undefined;
  let closeTimer: number | undefined;

  const cancelDwell = () => {
    if (dwellTimer !== undefined) timers.clear(dwellTimer);
    dwellTimer = undefined;
    pending = null;
  };
  const cancelClose = () => {
    if (closeTimer !== undefined) timers.clear(closeTimer);
    closeTimer = undefined;
  };
  const startClose = () => {
    if (closeTimer !== undefined || !current || pinned) return;
    closeTimer = timers.set(() => {
      closeTimer = undefined;
      current = null;
      opts.onClose();
    }, closeMs);
  };
  const startDwell = (m: Mention) => {
    cancelDwell();
    pending = m;
    opts.onDwellStart?.(m);
    dwellTimer = timers.set(() => {
      dwellTimer = undefined;
      pending = null;
      cancelClose();
      current = m;
      pinned = false;
      opts.onOpen(m, opts.now());
    }, Math.max(0, opts.dwellMs()));
  };

  return {
    update(target) {
      if (target === 'card') {
        cancelDwell();
        cancelClose();
        return;
      }
      if (target && target === current) {
        cancelDwell();
        cancelClose();
        return;
      }
      if (target) {
        if (target !== pending) startDwell(target);
        // A pinned (keyboard) card gives way only when this dwell ends and opens another.
        startClose();
        return;
      }
      cancelDwell();
      startClose();
    },
    pin(m) {
      cancelDwell();
      cancelClose();
      current = m;
      pinned = true;
    },
    reset() {
      cancelDwell();
      cancelClose();
      current = null;
      pinned = false;
    },
    current: () => current,
    pending: () => pending,
  };
}
