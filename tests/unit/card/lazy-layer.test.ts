import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageCardsActions, PageCardsState } from '@/lib/hover/card-state';
import { createLazyLayer, type CardLayerHandle } from '@/lib/hover/lazy-layer';

const actions = {} as PageCardsActions;
const quiet: PageCardsState = { card: null, notice: null, announcement: null, announceId: 0 };
const saying: PageCardsState = { ...quiet, announcement: { kind: 'none' }, announceId: 1 };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const events: string[] = [];
  const drawn: PageCardsState[] = [];
  const layer = createLazyLayer({
    mount: () => {
      events.push('mount');
      return { host: {} as HTMLElement, shadow: {} as ShadowRoot, draw: (s) => void drawn.push(s), remove: () => void events.push('remove') } satisfies CardLayerHandle;
    },
    timers: { set: (fn, ms) => setTimeout(fn, ms) as unknown as number, clear: (id) => clearTimeout(id) },
    removeAfterMs: 500,
    announceAfterMs: 150,
  });
  return { layer, events, drawn };
}

describe('the card layer on the page', () => {
  it('is added only when needed and removed a moment after nothing needs it, unless needed again meanwhile', () => {
    const { layer, events } = setup();
    layer.show(quiet, actions, false);
    expect(events).toEqual([]);
    expect(layer.current()).toBeNull();
    layer.show(quiet, actions, true);
    expect(events).toEqual(['mount']);
    layer.show(quiet, actions, false);
    vi.advanceTimersByTime(400);
    // The story re-rendered: its names are back before the layer went.
    layer.show(quiet, actions, true);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['mount']);
    layer.show(quiet, actions, false);
    vi.advanceTimersByTime(500);
    expect(events).toEqual(['mount', 'remove']);
    expect(layer.current()).toBeNull();
  });

  it('added for an announcement, shows its live region empty first and the words a moment later', () => {
    const { layer, drawn } = setup();
    layer.show(saying, actions, true);
    expect(drawn.at(-1)?.announcement).toBeNull();
    vi.advanceTimersByTime(150);
    expect(drawn.at(-1)).toEqual(saying);
    // An old announcement is not news when the layer comes back.
    layer.show(saying, actions, false);
    vi.advanceTimersByTime(500);
    layer.show(saying, actions, true);
    expect(drawn.at(-1)).toEqual(saying);
  });

  it('goes at once when the content script goes', () => {
    const { layer, events } = setup();
    layer.show(quiet, actions, true);
    layer.dispose();
    expect(events).toEqual(['mount', 'remove']);
  });
});
