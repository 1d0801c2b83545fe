import { describe, expect, it } from 'vitest';
import { createSlicer } from '@/lib/annotate/slicer';

describe('slicing', () => {
  it('yields to the page once a slice has run its budget, and not before', async () => {
    let t = 0;
    let yields = 0;
    const slicer = createSlicer(new AbortController().signal, 8, () => t, async () => void yields++);
    for (let i = 0; i < 100; i++) {
      t += 1;
      await slicer.checkpoint();
    }
    // 100 ms of work in 8 ms slices.
    expect(yields).toBe(Math.floor(100 / 8));
  });

  it('ends the work at the next checkpoint once aborted', async () => {
    const stop = new AbortController();
    const slicer = createSlicer(stop.signal, 8, () => 0, async () => {});
    stop.abort(new Error('stopped'));
    expect(() => slicer.checkpoint()).toThrow('stopped');
  });
});
