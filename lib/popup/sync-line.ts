import type { PackStatus } from '../sync/status';

/** The packs' state in one line: how many, the last update, and how many have a problem. */
export interface SyncSummary {
  packs: number;
  /** The most recent successful update of any pack. */
  lastUpdate?: number;
  /** Packs whose last update failed or was refused. */
  problems: number;
}

export function summarizeSync(packs: readonly PackStatus[]): SyncSummary {
  let lastUpdate: number | undefined;
  for (const p of packs) if (p.lastSuccess !== undefined && (lastUpdate === undefined || p.lastSuccess > lastUpdate)) lastUpdate = p.lastSuccess;
  return {
    packs: packs.length,
    ...(lastUpdate !== undefined ? { lastUpdate } : {}),
    problems: packs.filter((p) => p.lastError !== undefined).length,
  };
}
