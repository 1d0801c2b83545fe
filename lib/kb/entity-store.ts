import type { Entity, PackRecords } from '../pack/types';
import type { BriefRow, EntityBucketRow, EntityRow, GlossDb } from './db';
import { toBriefRow, toEntityRow } from './rows';

/** Buckets per subscription: few rows to write (apply), small rows to read (a card). */
export const BUCKETS = 4096;

/** FNV-1a: a stable, well-spread hash of an id. */
export function bucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

const bucketsOf = (db: GlossDb, sub: number) =>
  db.entities.where('[sub+bucket]').between([sub, 0], [sub, BUCKETS], true, false);
const briefsOf = (db: GlossDb, sub: number) =>
  db.briefs.where('[sub+id]').between([sub, ''], [sub, '\uffff'], true, true);

function bucketRow(sub: number, bucket: number, records: Entity[]): EntityBucketRow {
  const sameAs = new Set<string>();
  for (const r of records) for (const s of r.sameAs ?? []) sameAs.add(s);
  return { sub, bucket, sameAs: [...sameAs], records };
}

function group(entities: readonly Entity[]): Map<number, Entity[]> {
  const out = new Map<number, Entity[]>();
  for (const e of entities) {
    const b = bucketOf(e.id);
    const list = out.get(b);
    if (list) list.push(e);
    else out.set(b, [e]);
  }
  return out;
}

/** The tables a write of records touches; callers open their transaction over these. */
export const recordTables = (db: GlossDb) => [db.packs, db.entities, db.briefs, db.meta];

/** Removes every entity and brief of a subscription. Call inside a rw transaction. */
export async function deletePackRecords(db: GlossDb, sub: number): Promise<void> {
  await bucketsOf(db, sub).delete();
  await briefsOf(db, sub).delete();
}

/** Replaces everything a subscription holds. Call inside a rw transaction. */
export async function writePackRecords(db: GlossDb, sub: number, records: PackRecords): Promise<void> {
  await deletePackRecords(db, sub);
  await db.entities.bulkAdd([...group(records.entities)].map(([b, list]) => bucketRow(sub, b, list)));
  await db.briefs.bulkAdd(records.briefs.map((b) => toBriefRow(sub, b)));
}

/** Everything a subscription holds, as records. */
export async function readPackRecords(db: GlossDb, sub: number): Promise<PackRecords> {
  const buckets = await bucketsOf(db, sub).toArray();
  const briefs = await briefsOf(db, sub).toArray();
  return { entities: buckets.flatMap((b) => b.records), briefs: briefs.map((b) => b.record) };
}

/**
 * Writes what changed between two versions of a subscription's records: only the buckets
 * that hold a changed or removed entity, and only the changed briefs.
 */
export async function writeChanges(
  db: GlossDb,
  sub: number,
  next: PackRecords,
  changed: { entities: Iterable<string>; briefs: { put: Iterable<string>; removed: Iterable<string> } },
): Promise<void> {
  const touched = new Set<number>();
  for (const id of changed.entities) touched.add(bucketOf(id));
  const grouped = group(next.entities.filter((e) => touched.has(bucketOf(e.id))));
  const rows = [...touched].map((b) => bucketRow(sub, b, grouped.get(b) ?? []));
  await db.entities.bulkDelete(rows.filter((r) => !r.records.length).map((r) => [sub, r.bucket] as [number, number]));
  await db.entities.bulkPut(rows.filter((r) => r.records.length));
  const putIds = new Set(changed.briefs.put);
  await db.briefs.bulkDelete([...changed.briefs.removed].map((id) => [sub, id] as [number, string]));
  await db.briefs.bulkPut(next.briefs.filter((b) => putIds.has(b.id)).map((b) => toBriefRow(sub, b)));
}

/** The entities for (sub, id) pairs, in order; undefined where there is none. */
export async function getEntities(db: GlossDb, parts: readonly { sub: number; id: string }[]): Promise<(EntityRow | undefined)[]> {
  const keys = [...new Set(parts.map((p) => `${p.sub}:${bucketOf(p.id)}`))];
  const rows = await db.entities.bulkGet(keys.map((k) => k.split(':').map(Number) as [number, number]));
  const found = new Map<string, Entity>();
  for (const row of rows) for (const r of row?.records ?? []) found.set(`${row!.sub}:${r.id}`, r);
  return parts.map((p) => {
    const record = found.get(`${p.sub}:${p.id}`);
    return record ? toEntityRow(p.sub, record) : undefined;
  });
}

/** Entities of any pack that carry one of these `sameAs` identifiers. */
export async function entitiesWithSameAs(db: GlossDb, ids: readonly string[]): Promise<EntityRow[]> {
  const wanted = new Set(ids);
  const rows = await db.entities.where('sameAs').anyOf([...wanted]).toArray();
  const out = new Map<string, EntityRow>();
  for (const row of rows) {
    for (const r of row.records) if (r.sameAs?.some((s) => wanted.has(s))) out.set(`${row.sub}:${r.id}`, toEntityRow(row.sub, r));
  }
  return [...out.values()];
}

/** Calls `fn` for every entity of every pack. */
export async function forEachEntity(db: GlossDb, fn: (row: EntityRow) => void): Promise<void> {
  await db.entities.each((bucket) => {
    for (const r of bucket.records) fn(toEntityRow(bucket.sub, r));
  });
}

/** Number of entities a subscription holds. */
export async function countEntities(db: GlossDb, sub: number): Promise<number> {
  let n = 0;
  await bucketsOf(db, sub).each((b) => {
    n += b.records.length;
  });
  return n;
}

export type { BriefRow };
