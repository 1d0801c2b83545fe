import Dexie from 'dexie';
import type { GlossDb } from './db';

const KEY = 'revision';
const listeners = new WeakMap<GlossDb, Set<(revision: number) => void>>();

/** A counter that changes with every change of records, so caches know when they are stale. */
export async function readRevision(db: GlossDb): Promise<number> {
  const row = await db.meta.get(KEY);
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Call inside the transaction that changes records; listeners hear of it once it commits. */
export async function bumpRevision(db: GlossDb): Promise<number> {
  const next = (await readRevision(db)) + 1;
  await db.meta.put({ key: KEY, value: next });
  const tx = Dexie.currentTransaction;
  const notify = () => listeners.get(db)?.forEach((fn) => fn(next));
  if (tx) tx.on('complete', notify);
  else notify();
  return next;
}

/** Hears every committed change of records made through this database object. */
export function onRevision(db: GlossDb, fn: (revision: number) => void): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

/**
 * Tells this database object's listeners of a change another context committed (the
 * options page imports through its own connection): matcher and caches drop what they hold.
 */
export async function announceRevision(db: GlossDb): Promise<number> {
  const revision = await readRevision(db);
  listeners.get(db)?.forEach((fn) => fn(revision));
  return revision;
}
