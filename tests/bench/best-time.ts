/** Each throughput figure is the best of several timed passes lasting at least this long. */
export const MIN_MEASURE_MS = 400;

/** Best time of repeated runs of `fn` (one run = one pass over the page), in ms. */
export function bestTime(fn: () => void): number {
  let best = Infinity;
  const until = performance.now() + MIN_MEASURE_MS;
  let runs = 0;
  while (runs < 3 || performance.now() < until) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
    runs++;
  }
  return best;
}
