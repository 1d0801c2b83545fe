import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '@/lib/annotate/annotator';
import { createHoverIntent, type HoverIntent } from '@/lib/hover/hover-intent';

const mention = (key: string) => ({ key, kind: 'person', full: true, range: {} as Range }) satisfies Mention;
const choe = mention('1:choe');
const lavrov = mention('1:lavrov');

let events: string[];
let intent: HoverIntent;

beforeEach(() => {
  vi.useFakeTimers();
  events = [];
  intent = createHoverIntent({
    dwellMs: () => 350,
    timers: { set: (fn, ms) => setTimeout(fn, ms) as unknown as number, clear: (id) => clearTimeout(id) },
    now: () => Date.now(),
    onDwellStart: (m) => events.push(`fetch ${m.key}`),
    onOpen: (m) => events.push(`open ${m.key}`),
    onClose: () => events.push('close'),
  });
});
afterEach(() => vi.useRealTimers());

describe('hover intent', () => {
  it('opens after the pointer rests for the delay, not before', () => {
    intent.update(choe);
    vi.advanceTimersByTime(349);
    expect(events).toEqual(['fetch 1:choe']);
    intent.update(choe);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['fetch 1:choe', 'open 1:choe']);
    expect(intent.current()).toBe(choe);
  });

  it('opens nothing when the pointer only passes over a mention', () => {
    intent.update(choe);
    vi.advanceTimersByTime(200);
    intent.update(null);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['fetch 1:choe']);
  });

  it('stays open while the pointer travels into the card, and closes 300 ms after it leaves', () => {
    intent.update(choe);
    vi.advanceTimersByTime(350);
    intent.update(null); // the gap between the text and the card
    vi.advanceTimersByTime(150);
    intent.update('card');
    vi.advanceTimersByTime(2000);
    expect(events.at(-1)).toBe('open 1:choe');
    intent.update(null);
    vi.advanceTimersByTime(299);
    expect(events.at(-1)).toBe('open 1:choe');
    vi.advanceTimersByTime(1);
    expect(events.at(-1)).toBe('close');
    expect(intent.current()).toBeNull();
  });

  it('moves to another mention after its own rest, the old card leaving first', () => {
    intent.update(choe);
    vi.advanceTimersByTime(350);
    intent.update(lavrov);
    vi.advanceTimersByTime(300);
    expect(events.slice(-2)).toEqual(['fetch 1:lavrov', 'close']);
    vi.advanceTimersByTime(50);
    expect(events.at(-1)).toBe('open 1:lavrov');
  });

  it('keeps a card opened by keyboard when the pointer wanders, until another card opens', () => {
    intent.pin(choe);
    intent.update(null);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
    intent.update(lavrov);
    vi.advanceTimersByTime(100);
    intent.update(null);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['fetch 1:lavrov']);
    expect(intent.current()).toBe(choe);
    intent.update(lavrov);
    vi.advanceTimersByTime(350);
    expect(events.at(-1)).toBe('open 1:lavrov');
  });

  it('forgets its card on reset without announcing a close', () => {
    intent.update(choe);
    vi.advanceTimersByTime(350);
    intent.reset();
    intent.update(null);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['fetch 1:choe', 'open 1:choe']);
  });
});
