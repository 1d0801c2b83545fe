import { applyDelta as applyDeltaRecords } from '../pack/apply-delta';
import { PackError } from '../pack/errors';
import { checkReferences } from '../pack/references';
import type { Delta, Manifest, Snapshot } from '../pack/types';
import type { GlossDb, PackRow } from './db';
import { deletePackRecords, readPackRecords, recordTables, writeChanges, writePackRecords } from './entity-store';
import { bumpRevision } from './revision';

/** What a successful update records on the pack's row besides its records. */
export interface Validators {
  etag?: string;
  lastModified?: string;
  /** When to look for the next update. */
  nextAttempt?: number;
  /** The pinned key and the announced next one, as the accepted manifest leaves them. */
  pin?: { publicKey: string; nextKey?: string };
}

function describe(manifest: Manifest, validators: Validators, now: number): Partial<PackRow> {
  return {
    pack: manifest.pack,
    title: manifest.title,
    publisher: manifest.publisher,
    version: manifest.version,
    published: manifest.published,
    expires: manifest.expires,
    etag: validators.etag,
    lastModified: validators.lastModified,
    lastSuccess: now,
    lastAttempt: now,
    lastError: undefined,
    failures: 0,
    nextAttempt: validators.nextAttempt,
    ...(validators.pin ? { publicKey: validators.pin.publicKey, nextKey: validators.pin.nextKey } : {}),
  };
}

async function held(db: GlossDb, sub: number): Promise<PackRow> {
  const row = await db.packs.get(sub);
  if (!row) throw new Error('The subscription was removed while it was being updated.');
  return row;
}

/**
 * Replaces everything a subscription holds with a snapshot, in one transaction: a
 * failure at any point (or a stopped worker) leaves the previous version whole.
 */
export async function applySnapshot(
  db: GlossDb,
  sub: number,
  manifest: Manifest,
  snapshot: Snapshot,
  validators: Validators,
  now: number,
): Promise<void> {
  await db.transaction('rw', recordTables(db), async () => {
    const row = await held(db, sub);
    if (row.version !== undefined && row.version > manifest.version) {
      throw new PackError('rollback', `pack.json: version ${manifest.version} is older than the version held (${row.version})`);
    }
    await writePackRecords(db, sub, snapshot);
    await db.packs.update(sub, {
      ...describe(manifest, validators, now),
      entityCount: snapshot.entities.length,
      briefCount: snapshot.briefs.length,
    });
    await bumpRevision(db);
  });
}

/**
 * Applies a delta on top of the version held, in one transaction. References are checked
 * on the whole pack as it would be after the change (so removing an entity that an
 * untouched record names is refused); only the records that changed are written.
 */
export async function applyDelta(
  db: GlossDb,
  sub: number,
  manifest: Manifest,
  delta: Delta,
  fileName: string,
  validators: Validators,
  now: number,
): Promise<void> {
  await db.transaction('rw', recordTables(db), async () => {
    const row = await held(db, sub);
    if (row.version !== delta.from) {
      throw new PackError('version', `${fileName}: it updates version ${delta.from}, but version ${row.version ?? 'none'} is held`);
    }
    const next = applyDeltaRecords(await readPackRecords(db, sub), delta);
    checkReferences(next.entities, next.briefs, fileName);
    await writeChanges(db, sub, next, {
      entities: [...delta.put.entities.map((e) => e.id), ...delta.remove.entities],
      briefs: { put: delta.put.briefs.map((b) => b.id), removed: delta.remove.briefs },
    });
    await db.packs.update(sub, {
      ...describe(manifest, validators, now),
      entityCount: next.entities.length,
      briefCount: next.briefs.length,
    });
    await bumpRevision(db);
  });
}

/** Removes a subscription and every record of it, and nothing else. */
export async function removePack(db: GlossDb, sub: number): Promise<void> {
  await db.transaction('rw', recordTables(db), async () => {
    await deletePackRecords(db, sub);
    await db.packs.delete(sub);
    await bumpRevision(db);
  });
}
