/**
 * Cooperative time slicing: call `checkpoint()` often; it yields to the page once the
 * current slice has run `budgetMs`, so no task of Gloss's grows long. Throws the
 * signal's reason once aborted, which ends the work at the next checkpoint.
 */
export interface Slicer {
  checkpoint(): Promise<void> | void;
  /** Waits for work done elsewhere (the matcher, in the background): that time is not the page's. */
  wait<T>(work: Promise<T>): Promise<T>;
  /** The page's main-thread time this work has taken so far, yields and waits left out. */
  spent(): number;
}

type Yield = () => Promise<void>;

const yieldToPage: Yield = () => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
};

export function createSlicer(signal: AbortSignal, budgetMs = 8, now = () => performance.now(), pause: Yield = yieldToPage): Slicer {
  let sliceStart = now();
  let total = 0;
  let running = true;
  const stop = () => {
    total += now() - sliceStart;
    running = false;
  };
  const resume = () => {
    sliceStart = now();
    running = true;
  };
  return {
    checkpoint() {
      signal.throwIfAborted();
      if (now() - sliceStart < budgetMs) return;
      stop();
      return pause().then(() => {
        signal.throwIfAborted();
        resume();
      });
    },
    wait(work) {
      stop();
      return work.finally(resume);
    },
    spent: () => total + (running ? now() - sliceStart : 0),
  };
}
