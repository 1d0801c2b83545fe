/**
 * Runs a job again whenever asked, but never two at once: a request while the job runs
 * makes one more run after it, with whatever state the page has then (the latest wins).
 * Runs draw on a time budget that refills at `share` of the clock (a burst may be spent at
 * once), so a page that changes all the time keeps most of its main thread. Work done
 * outside the runs can be charged to the same budget.
 */
export interface Coalescer {
  request(): void;
  /** Whether the budget has time left now. */
  canSpend(): boolean;
  /** Work done outside a run (a change handled at once) that counts against the share. */
  charge(ms: number): void;
  cancel(): void;
}

export interface CoalescerOptions {
  /** One run; it may say how much of the page's time it took (else its wall time counts). */
  job: () => Promise<number | void>;
  /** At least this long from a request to its run, so a burst of changes is read once. */
  settleMs?: number;
  share?: number;
  /** The most the budget holds: time that may be spent at once after a quiet spell. */
  burstMs?: number;
  /** A floor on the pause after each run (a page with no story rechecks at most this often). */
  minGapMs?: () => number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

export function createCoalescer(opts: CoalescerOptions): Coalescer {
  const now = opts.now ?? (() => performance.now());
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  const share = opts.share ?? 0.1;
  const settleMs = opts.settleMs ?? 20;
  const burst = opts.burstMs ?? 100;
  let running = false;
  let again = false;
  let timer: unknown;
  let notBefore = -Infinity;
  let budget = burst;
  let refilled = now();

  const refill = () => {
    const t = now();
    budget = Math.min(burst, budget + (t - refilled) * share);
    refilled = t;
  };

  const schedule = () => {
    refill();
    const owed = budget > 0 ? 0 : -budget / share;
    timer = setTimer(fire, Math.max(settleMs, owed, notBefore - now()));
  };

  function fire() {
    timer = undefined;
    running = true;
    const start = now();
    const done = (spent: number | void) => {
      const end = now();
      running = false;
      refill();
      budget -= typeof spent === 'number' ? spent : end - start;
      notBefore = end + (opts.minGapMs?.() ?? 0);
      if (again) {
        again = false;
        schedule();
      }
    };
    opts.job().then(done, () => done());
  }

  return {
    request() {
      if (running) again = true;
      else if (timer === undefined) schedule();
    },
    canSpend() {
      refill();
      return budget > 0;
    },
    charge(ms) {
      refill();
      budget -= ms;
    },
    cancel() {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      again = false;
    },
  };
}
