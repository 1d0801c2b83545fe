import { TOMBSTONE_MS, type ReaderRecord } from './records';

/** JSON with keys in order, so one record compares equal however its object was built. */
export function canonical(r: ReaderRecord): string {
  return JSON.stringify(r, Object.keys(r).sort());
}

/**
 * Which of two versions of one record stands: the later change; at the same moment a
 * deletion; otherwise the one whose text sorts first, so every machine picks the same.
 */
export function winner(a: ReaderRecord, b: ReaderRecord): ReaderRecord {
  if (a.updated !== b.updated) return a.updated > b.updated ? a : b;
  if (!!a.deleted !== !!b.deleted) return a.deleted ? a : b;
  return canonical(a) <= canonical(b) ? a : b;
}

/**
 * Merges records from elsewhere into ours. A record absent from `theirs` says nothing (it
 * may not have arrived yet): only a newer version or a tombstone changes ours. Tombstones
 * older than TOMBSTONE_MS are dropped. Returns the merged map and whether ours changed.
 */
export function mergeRecords(
  ours: ReadonlyMap<string, ReaderRecord>,
  theirs: Iterable<ReaderRecord>,
  now: number,
): { records: Map<string, ReaderRecord>; changed: boolean } {
  const records = new Map(ours);
  let changed = false;
  for (const r of theirs) {
    const mine = records.get(r.id);
    const next = mine ? winner(mine, r) : r;
    if (next !== mine) {
      records.set(r.id, next);
      changed = true;
    }
  }
  for (const [id, r] of records) {
    if (r.deleted && now - r.updated > TOMBSTONE_MS) {
      records.delete(id);
      changed = true;
    }
  }
  return { records, changed };
}

/** The same records, in the same versions. */
export function sameRecords(a: readonly ReaderRecord[], b: readonly ReaderRecord[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((r) => [r.id, r]));
  return a.every((r) => {
    const other = byId.get(r.id);
    return other !== undefined && canonical(other) === canonical(r);
  });
}
