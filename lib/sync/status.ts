import type { PackRow } from '../kb/db';

/** A subscription as the options page shows it. */
export interface PackStatus extends PackRow {
  sub: number;
  /** Past its `expires`: the publisher has stopped refreshing it. */
  stale: boolean;
}

export function toStatus(row: PackRow, now: number): PackStatus {
  const expires = row.expires ? Date.parse(row.expires) : NaN;
  return { ...row, sub: row.sub!, stale: Number.isFinite(expires) && expires < now };
}
