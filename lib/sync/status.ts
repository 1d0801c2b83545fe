import type { PackRow } from '../kb/db';
import { keyFingerprint } from '../pack/key-fingerprint';

/** A subscription as the options page shows it. */
export interface PackStatus extends PackRow {
  sub: number;
  /** Past its `expires`: the publisher has stopped refreshing it. */
  stale: boolean;
  /** The pinned key's fingerprint (see keyFingerprint), for the reader to compare with the publisher's. */
  keyFingerprint?: string;
  /** The fingerprint of the next key the publisher announced, when there is one. */
  nextKeyFingerprint?: string;
}

export async function toStatus(row: PackRow, now: number): Promise<PackStatus> {
  const expires = row.expires ? Date.parse(row.expires) : NaN;
  const status: PackStatus = { ...row, sub: row.sub!, stale: Number.isFinite(expires) && expires < now };
  const pinned = row.publicKey ? await keyFingerprint(row.publicKey) : null;
  const next = row.nextKey ? await keyFingerprint(row.nextKey) : null;
  if (pinned) status.keyFingerprint = pinned;
  if (next) status.nextKeyFingerprint = next;
  return status;
}
