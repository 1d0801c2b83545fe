import { BUCKETS, bucketStamp, byBucket, encodeBucket, parseKey, totalBytes, type DecodedBucket } from './sync-codec';
import type { ReaderRecord } from './records';
import { itemBytes, type SyncQuota } from './sync-quotas';

export interface PushPlan {
  set: Record<string, unknown>;
  remove: string[];
  bytesBefore: number;
  bytesAfter: number;
  /** Records of buckets that changed (what a write carries). */
  changedRecords: number;
  /** Records that will not be in sync storage after this write: their buckets did not fit. */
  unsynced: number;
}

/**
 * What to write so that sync storage holds our records (merged with its own first), bucket
 * by bucket, without passing the quota: a bucket that does not fit keeps its old content there
 * and its records are counted as not synced. Emptied buckets are removed first, so deletions
 * always make room.
 */
export async function pushPlan(
  records: readonly ReaderRecord[],
  remote: ReadonlyMap<number, DecodedBucket>,
  raw: Record<string, unknown>,
  quota: SyncQuota,
): Promise<PushPlan> {
  const ours = Object.fromEntries(Object.entries(raw).filter(([k]) => parseKey(k) !== null));
  const bytesBefore = totalBytes(ours);
  const after: Record<string, unknown> = { ...ours };
  const set: Record<string, unknown> = {};
  const remove = new Set<string>();
  const mine = byBucket(records);
  let changedRecords = 0;
  let unsynced = 0;
  const pending: { bucket: number; recs: ReaderRecord[] }[] = [];
  for (let b = 0; b < BUCKETS; b++) {
    const recs = mine.get(b) ?? [];
    const there = remote.get(b);
    if (!recs.length) {
      // A bucket still arriving from another machine is not ours to clear.
      if (there && !there.records) continue;
      for (const k of there?.keys ?? []) {
        remove.add(k);
        delete after[k];
      }
      continue;
    }
    if (there?.stamp !== undefined && there.stamp === bucketStamp(recs)) continue;
    pending.push({ bucket: b, recs });
  }
  // Smaller buckets first: when space runs short, the most records still sync.
  const encoded = await Promise.all(pending.map(async (p) => ({ ...p, items: await encodeBucket(p.bucket, p.recs) })));
  encoded.sort((a, b) => totalBytes(a.items) - totalBytes(b.items));
  for (const { bucket, recs, items } of encoded) {
    changedRecords += recs.length;
    const old = remote.get(bucket)?.keys ?? [];
    const trial = { ...after };
    for (const k of old) delete trial[k];
    Object.assign(trial, items);
    const fits =
      Object.entries(items).every(([k, v]) => itemBytes(k, v) <= quota.bytesPerItem) &&
      Object.keys(trial).length <= quota.maxItems &&
      totalBytes(trial) <= quota.bytes;
    if (!fits) {
      unsynced += recs.filter((r) => !remote.get(bucket)?.records?.some((o) => o.id === r.id && o.updated === r.updated)).length;
      continue;
    }
    for (const k of old) if (!(k in items)) remove.add(k);
    Object.assign(set, items);
    for (const k of Object.keys(items)) remove.delete(k);
    Object.keys(after).forEach((k) => {
      if (old.includes(k)) delete after[k];
    });
    Object.assign(after, items);
  }
  return { set, remove: [...remove], bytesBefore, bytesAfter: totalBytes(after), changedRecords, unsynced };
}
