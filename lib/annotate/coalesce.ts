/**
 * Runs a job again whenever asked, but never two at once: a request while the job runs
 * makes one more run after it, with whatever state the page has then (the latest wins).
 * Between runs it waits long enough that the job takes at most `share` of the time, so a
 * page that changes all the time keeps most of its main thread.
 */
export interface Coalescer {
  request(): void;
  /** Whether a run could start now without exceeding the share. */
  idle(): boolean;
  /** Work done outside a run (a change handled at once) that counts against the share. */
  charge(ms: number): void;
  cancel(): void;
}

export interface CoalescerOptions {
  job: () => Promise<void>;
  /** At least this long from a request to its run, so a burst of changes is read once. */
  settleMs?: number;
  share?: number;
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
  let running = false;
  let again = false;
  let timer: unknown;
  let nextAllowed = -Infinity;

  const schedule = () => {
    const wait = Math.max(settleMs, nextAllowed - now());
    timer = setTimer(fire, wait);
  };

  function fire() {
    timer = undefined;
    running = true;
    const start = now();
    const done = () => {
      const end = now();
      running = false;
      nextAllowed = end + Math.max((end - start) * (1 / share - 1), opts.minGapMs?.() ?? 0);
      if (again) {
        again = false;
        schedule();
      }
    };
    opts.job().then(done, done);
  }

  return {
    request() {
      if (running) again = true;
      else if (timer === undefined) schedule();
    },
    idle: () => !running && timer === undefined && now() >= nextAllowed,
    charge(ms) {
      nextAllowed = Math.max(nextAllowed, now() + ms * (1 / share - 1));
    },
    cancel() {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      again = false;
    },
  };
}
