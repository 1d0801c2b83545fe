import type { Delta, PackRecords } from './types';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function merge<T extends { id: string }>(held: readonly T[], put: readonly T[], removed: readonly string[]): T[] {
  const map = new Map<string, T>();
  for (const record of held) map.set(record.id, record);
  // A remove of an id not held is a no-op: the result is the same either way.
  for (const id of removed) map.delete(id);
  for (const record of put) map.set(record.id, record);
  return [...map.values()].sort(byId);
}

/**
 * The records after a delta: `put` replaces or adds whole records by id,
 * `remove` deletes by id. Pure: the inputs are not changed. Results are sorted
 * by id, the order the builder writes snapshots in, so applying a built delta
 * to its base gives exactly the next snapshot's lists.
 *
 * Checking the delta's `pack` and `from` against what is held is the caller's
 * part; checking the result's references is `checkReferences`.
 */
export function applyDelta(records: PackRecords, delta: Pick<Delta, 'put' | 'remove'>): PackRecords {
  return {
    entities: merge(records.entities, delta.put.entities, delta.remove.entities),
    briefs: merge(records.briefs, delta.put.briefs, delta.remove.briefs),
  };
}
