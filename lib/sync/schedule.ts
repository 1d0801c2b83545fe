/** How often a pack is checked for updates. */
export const SYNC_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** The first retry after a network failure; each further failure doubles it, up to the interval. */
export const RETRY_BASE_MS = 60 * 1000;

export function nextAttemptAfter(now: number, failures: number): number {
  const backoff = RETRY_BASE_MS * 2 ** Math.max(0, failures - 1);
  return now + Math.min(SYNC_INTERVAL_MS, backoff);
}

/** The alarm wakes the background this often to sync whatever is due. */
export const ALARM_PERIOD_MINUTES = 15;
export const ALARM_NAME = 'gloss-sync';
