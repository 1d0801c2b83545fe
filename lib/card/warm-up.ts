/** One piece of warm-up work; each must stay well under a long task (50 ms) on its own. */
export type WarmUpStep = () => void;

export interface WarmUpOptions {
  /** Runs `fn` when the page is idle (requestIdleCallback, or a timer where there is none). */
  idle(fn: () => void): void;
  signal: AbortSignal;
  /** Told each step's name, start and end, for profiling. */
  onStep?(name: string, start: number, end: number): void;
  now?: () => number;
}

/**
 * Runs the card's warm-up one step per idle callback, yielding to the page between
 * steps, so no task of it is long. Stops (and runs nothing more) once `signal` aborts.
 * Resolves when every step has run or the warm-up was stopped; a failing step is
 * logged and the rest still run, since warm-up only saves time and changes nothing.
 */
export function warmUpInSlices(steps: readonly [string, WarmUpStep][], opts: WarmUpOptions): Promise<void> {
  const now = opts.now ?? (() => performance.now());
  return new Promise((resolve) => {
    let i = 0;
    const next = () => {
      if (opts.signal.aborted || i >= steps.length) return resolve();
      const [name, step] = steps[i++]!;
      const t0 = now();
      try {
        step();
      } catch (err) {
        console.error(`Gloss: warm-up step "${name}" failed:`, err);
      }
      opts.onStep?.(name, t0, now());
      opts.idle(next);
    };
    opts.idle(next);
  });
}
