import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '@/lib/annotate/annotator';
import type { CardData } from '@/lib/card/types';
import { createHoverIntent } from '@/lib/hover/hover-intent';
import { createCardCache } from '@/lib/card/card-cache';
import type { PageCardsState } from '@/lib/hover/card-state';
import { createPreparer, isPreparedFor, prepareCard, showPrepared } from '@/lib/hover/prepared-card';

const mention = (key: string) => ({ key, kind: 'person', full: true, range: {} as Range }) satisfies Mention;
const data = { key: '1:choe', name: { text: 'Choe Son Hui', lang: 'en' } } as unknown as CardData;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the card prepared while the pointer rests', () => {
  it('is asked for when the pointer comes to rest, and belongs to that mention until the delay ends or the pointer leaves', () => {
    const choe = mention('1:choe');
    const lavrov = mention('1:lavrov');
    const log: string[] = [];
    const intent = createHoverIntent({
      dwellMs: () => 350,
      timers: { set: (fn, ms) => setTimeout(fn, ms) as unknown as number, clear: (id) => clearTimeout(id) },
      now: () => Date.now(),
      onDwellStart: (m) => log.push(`prepare ${m.key}`),
      onOpen: (m) => log.push(`open ${m.key}`),
      onClose: () => log.push('close'),
    });
    intent.update(choe);
    // Fetching and drawing start at once, long before the delay ends.
    expect(log).toEqual(['prepare 1:choe']);
    expect(intent.pending()).toBe(choe);
    const next = prepareCard(choe, data, { x: 10, y: 20 }, 7);
    expect(isPreparedFor(next, intent.pending())).toBe(true);
    expect(next.openedAt).toBeNaN();

    // Onto another name before the delay: the first card is no longer the one to show.
    intent.update(lavrov);
    expect(isPreparedFor(next, intent.pending())).toBe(false);
    intent.update(choe);
    vi.advanceTimersByTime(350);
    expect(log.at(-1)).toBe('open 1:choe');
    expect(intent.pending()).toBeNull();
  });

  it('is shown as the same card (same id, so it is not drawn again), opened when the delay ended', () => {
    const choe = mention('1:choe');
    const next = prepareCard(choe, data, null, 3);
    const shown = showPrepared(next, 1234.5);
    expect(shown).toEqual({ ...next, openedAt: 1234.5 });
    expect(shown.id).toBe(3);
    // Another mention of the same entity is another place on the page: its own card.
    expect(isPreparedFor(next, mention('1:choe'))).toBe(false);
    expect(isPreparedFor(null, choe)).toBe(false);
  });

  it('starts fetching at once and is drawn when the data comes, only if the pointer still rests there', async () => {
    vi.useRealTimers();
    const choe = mention('1:choe');
    const lavrov = mention('1:lavrov');
    const asked: string[] = [];
    const answers = new Map<string, (d: CardData) => void>();
    const cache = createCardCache((key) => {
      asked.push(key);
      return new Promise((resolve) => answers.set(key, resolve));
    });
    const state: PageCardsState = { card: null, next: null, notice: null, announcement: null, announceId: 0 };
    let resting: Mention | null = choe;
    let drawn = 0;
    let id = 0;
    const preparer = createPreparer({ cache, state, resting: () => resting, pointer: () => ({ x: 1, y: 2 }), nextId: () => ++id, emit: () => drawn++ });

    preparer.prepare(choe);
    expect(asked).toEqual(['1:choe']);
    expect(state.next).toBeNull();
    answers.get('1:choe')!(data);
    await vi.waitFor(() => expect(state.next).not.toBeNull());
    expect(state.next).toMatchObject({ trail: ['1:choe'], data, pointer: { x: 1, y: 2 }, mode: 'hover' });
    expect(drawn).toBe(1);

    // The pointer moved on before Lavrov's card arrived: it is not drawn, and Choe's goes.
    resting = lavrov;
    preparer.prepare(lavrov);
    resting = null;
    preparer.dropStale();
    expect(state.next).toBeNull();
    answers.get('1:lavrov')!({ ...data, key: '1:lavrov' } as CardData);
    await new Promise((r) => setTimeout(r, 0));
    expect(state.next).toBeNull();

    // Data already fetched: drawn in the same task.
    resting = choe;
    preparer.prepare(choe);
    expect(isPreparedFor(state.next, choe)).toBe(true);
  });
});
