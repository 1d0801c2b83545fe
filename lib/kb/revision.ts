import type { GlossDb } from './db';

const KEY = 'revision';

/** A counter that changes with every change of records, so caches know when they are stale. */
export async function readRevision(db: GlossDb): Promise<number> {
  const row = await db.meta.get(KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Call inside the transaction that changes records. */
export async function bumpRevision(db: GlossDb): Promise<number> {
  const next = (await readRevision(db)) + 1;
  await db.meta.put({ key: KEY, value: next });
  return next;
}
