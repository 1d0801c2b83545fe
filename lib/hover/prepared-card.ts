import type { Mention } from '../annotate/annotator';
import type { CardData } from '../card/types';
import type { OpenCard } from './card-state';

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
