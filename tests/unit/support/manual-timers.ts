import type { Timers } from '@/lib/sync/fetch-file';

/**
 * A clock that moves only when a test says so: timeouts are tested by advancing it, never
 * by waiting. Callbacks due within the step run in order of their time.
 */
export class ManualTimers implements Timers {
  now = 0;
  private next = 0;
  private readonly due = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.next;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.due.size;
  }

  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const [id, first] = [...this.due].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || !first || first.at > end) break;
      this.due.delete(id);
      this.now = first.at;
      first.fn();
      await settle();
    }
    this.now = end;
    await settle();
  }
}

/** Lets promise chains (and IndexedDB callbacks) run; no time passes on any clock a test reads. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
