/**
 * Cooperative time slicing: call `checkpoint()` often; it yields to the page once the
 * current slice has run `budgetMs`, so no task of Gloss's grows long. Throws the
 * signal's reason once aborted, which ends the work at the next checkpoint.
 */
export interface Slicer {
  checkpoint(): Promise<void> | void;
}

type Yield = () => Promise<void>;

const yieldToPage: Yield = () => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

export function createSlicer(signal: AbortSignal, budgetMs = 8, now = () => performance.now(), pause: Yield = yieldToPage): Slicer {
  let sliceStart = now();
  return {
    checkpoint() {
      signal.throwIfAborted();
      if (now() - sliceStart < budgetMs) return;
      return pause().then(() => {
        signal.throwIfAborted();
        sliceStart = now();
      });
    },
  };
}
