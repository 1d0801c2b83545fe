import { describe, expect, it } from 'vitest';
import { createCoalescer } from '@/lib/annotate/coalesce';

/** A clock and timers the test moves by hand. */
function fakeTime() {
  let t = 0;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => t,
    setTimer: (fn: () => void, ms: number) => {
      const timer = { at: t + ms, fn };
      timers.push(timer);
      return timer;
    },
    clearTimer: (id: unknown) => void timers.splice(timers.indexOf(id as never), 1),
    /** Moves the clock to `to`, firing due timers in order. */
    async advance(to: number) {
      // Lets finished jobs settle (their callbacks may set timers) before time moves.
      await new Promise((r) => setTimeout(r, 0));
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > to) break;
        timers.shift();
        t = next.at;
        next.fn();
        await new Promise((r) => setTimeout(r, 0));
      }
      t = to;
    },
    pending: () => timers.length,
  };
}

describe('coalescing page changes', () => {
  it('runs one job at a time; requests meanwhile make exactly one more run', async () => {
    const time = fakeTime();
    let running = 0;
    let most = 0;
    let runs = 0;
    let finish: () => void = () => {};
    const q = createCoalescer({
      ...time,
      settleMs: 10,
      job: () => {
        runs++;
        most = Math.max(most, ++running);
        return new Promise<void>((resolve) => (finish = () => (running--, resolve())));
      },
    });
    q.request();
    q.request();
    await time.advance(10);
    expect(runs).toBe(1);
    for (let i = 0; i < 50; i++) q.request();
    await time.advance(20);
    expect(runs).toBe(1);
    finish();
    await time.advance(10_000);
    expect(runs).toBe(2);
    finish();
    await time.advance(20_000);
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it('spaces runs so they take at most the given share of the time', async () => {
    const time = fakeTime();
    const starts: number[] = [];
    const q = createCoalescer({
      ...time,
      settleMs: 0,
      share: 0.1,
      burstMs: 0,
      job: async () => {
        starts.push(time.now());
        // Each run takes 5 ms of the clock.
        await time.advance(time.now() + 5);
      },
    });
    for (let i = 0; i < 20; i++) {
      q.request();
      await time.advance(time.now() + 1);
    }
    await time.advance(1000);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    expect(starts.length).toBeGreaterThan(1);
    // 5 ms of work, then 45 ms of rest: 10 %.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(50);
  });

  it('counts the page time a run reports, not its wall time (the matcher works elsewhere)', async () => {
    const time = fakeTime();
    const starts: number[] = [];
    const q = createCoalescer({
      ...time,
      settleMs: 0,
      burstMs: 0,
      job: async () => {
        starts.push(time.now());
        // 40 ms waiting for the background, 1 ms of the page's own.
        await time.advance(time.now() + 40);
        return 1;
      },
    });
    q.request();
    await time.advance(1);
    q.request();
    await time.advance(200);
    // 1 ms of the page's time owes 10 ms at 10 %; counted by the wall it would owe 400 ms.
    expect(starts).toEqual([0, 50]);
  });

  it('spends a burst at once after a quiet spell, then waits for its share', async () => {
    const time = fakeTime();
    const q = createCoalescer({ ...time, settleMs: 0, burstMs: 20, job: async () => {} });
    expect(q.canSpend()).toBe(true);
    q.charge(15);
    expect(q.canSpend()).toBe(true);
    q.charge(10);
    // 5 ms owed: 50 ms at 10 %.
    expect(q.canSpend()).toBe(false);
    await time.advance(49);
    expect(q.canSpend()).toBe(false);
    await time.advance(51);
    expect(q.canSpend()).toBe(true);
  });

  it('stops when cancelled', async () => {
    const time = fakeTime();
    let runs = 0;
    const q = createCoalescer({ ...time, settleMs: 5, job: async () => void runs++ });
    q.request();
    q.cancel();
    await time.advance(1000);
    expect(runs).toBe(0);
    expect(time.pending()).toBe(0);
  });

  it('keeps a floor between runs (a page with no story)', async () => {
    const time = fakeTime();
    const starts: number[] = [];
    const q = createCoalescer({ ...time, settleMs: 0, minGapMs: () => 1000, job: async () => void starts.push(time.now()) });
    for (let i = 0; i < 30; i++) {
      q.request();
      await time.advance(time.now() + 100);
    }
    // 3 s of requests every 100 ms: a run at 0, 1000, 2000 and 3000 ms, no more.
    expect(starts).toEqual([0, 1000, 2000, 3000]);
  });
});
