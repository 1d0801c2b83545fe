// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { primeSteps } from '@/components/card/prime';
import { warmUpInSlices } from '@/lib/card/warm-up';

/** An idle queue the test runs one callback at a time, as the browser would between the page's tasks. */
function idleQueue() {
  const queue: (() => void)[] = [];
  return {
    idle: (fn: () => void) => void queue.push(fn),
    /** Runs the next idle callback; false when none is waiting. */
    runOne: () => {
      const fn = queue.shift();
      fn?.();
      return fn !== undefined;
    },
    waiting: () => queue.length,
  };
}

describe('the card warm-up', () => {
  it('runs one step per idle callback, yielding to the page between them', async () => {
    const q = idleQueue();
    const ran: string[] = [];
    const done = warmUpInSlices(
      ['a', 'b', 'c'].map((n) => [n, () => void ran.push(n)] as [string, () => void]),
      { idle: q.idle, signal: new AbortController().signal },
    );
    expect(ran).toEqual([]);
    q.runOne();
    expect(ran).toEqual(['a']);
    expect(q.waiting()).toBe(1);
    q.runOne();
    expect(ran).toEqual(['a', 'b']);
    while (q.runOne());
    expect(ran).toEqual(['a', 'b', 'c']);
    await done;
  });

  it('stops when the layer goes, and a failing step does not stop the others', async () => {
    const q = idleQueue();
    const ran: string[] = [];
    const stop = new AbortController();
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const done = warmUpInSlices(
      [
        ['bad', () => { throw new Error('no locale data'); }],
        ['good', () => void ran.push('good')],
        ['later', () => void ran.push('later')],
      ],
      { idle: q.idle, signal: stop.signal },
    );
    q.runOne();
    q.runOne();
    expect(ran).toEqual(['good']);
    expect(err).toHaveBeenCalledOnce();
    stop.abort();
    while (q.runOne());
    expect(ran).toEqual(['good']);
    await done;
    err.mockRestore();
  });

  it('draws a sample card off screen in its own steps and leaves the layer as it found it', async () => {
    // The extension's messages, as the browser would give them.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string) => name);
    const layer = document.createElement('div');
    document.body.append(layer);
    const q = idleQueue();
    const names: string[] = [];
    const done = warmUpInSlices(primeSteps(layer, 'en'), {
      idle: q.idle,
      signal: new AbortController().signal,
      onStep: (name) => names.push(name),
    });
    const seen: number[] = [];
    const reachable: number[] = [];
    while (q.runOne()) {
      seen.push(layer.querySelectorAll('.card *').length);
      // Between the steps the sample sits in the layer: never a card the reader could see, reach or hear.
      reachable.push(layer.querySelectorAll('.card:not(.prepared), .card:not([inert]), .card:not([aria-hidden="true"])').length);
    }
    await done;
    expect(reachable.every((n) => n === 0)).toBe(true);
    // The drawing, the layout and the clearing are separate steps: the card is in the layer only between them.
    expect(names).toEqual(['day format', 'month format', 'time format', 'language names', 'draw', 'layout', 'clear']);
    expect(seen.some((n) => n > 0)).toBe(true);
    expect(layer.childNodes).toHaveLength(0);
  });
});
