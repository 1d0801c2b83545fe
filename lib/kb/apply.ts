import { PackError } from '../pack/errors';
import type { Delta, Manifest, Snapshot } from '../pack/types';
import type { GlossDb, PackRow } from './db';
import { entityRefs, inPack, refKey, toBriefRow, toEntityRow } from './rows';
import { bumpRevision } from './revision';

/** What a successful update records on the pack's row besides its records. */
export interface Validators {
  etag?: string;
  lastModified?: string;
  /** When to look for the next update. */
  nextAttempt?: number;
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
  };
}

async function heldVersion(db: GlossDb, sub: number): Promise<PackRow> {
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
  await db.transaction('rw', db.packs, db.entities, db.briefs, db.meta, async () => {
    const row = await heldVersion(db, sub);
    if (row.version !== undefined && row.version > manifest.version) {
      throw new PackError('rollback', `pack.json: version ${manifest.version} is older than the version held (${row.version})`);
    }
    await inPack(db.entities, sub).delete();
    await inPack(db.briefs, sub).delete();
    await db.entities.bulkAdd(snapshot.entities.map((e) => toEntityRow(sub, e)));
    await db.briefs.bulkAdd(snapshot.briefs.map((b) => toBriefRow(sub, b)));
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
 * against what the pack holds after the change, including records the delta does not
 * touch that name an id it removes.
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
  await db.transaction('rw', db.packs, db.entities, db.briefs, db.meta, async () => {
    const row = await heldVersion(db, sub);
    if (row.version !== delta.from) {
      throw new PackError(
        'version',
        `${fileName}: it updates version ${delta.from}, but version ${row.version ?? 'none'} is held`,
      );
    }
    const held = await inPack(db.entities, sub).primaryKeys();
    const ids = new Set(held.map(([, id]) => id));
    for (const id of delta.remove.entities) ids.delete(id);
    for (const e of delta.put.entities) ids.add(e.id);

    const problems: string[] = [];
    const check = (what: string, names: string[] | undefined) => {
      for (const id of names ?? []) if (!ids.has(id)) problems.push(`${fileName}: ${what} names "${id}", which the pack does not hold`);
    };
    for (const e of delta.put.entities) check(`entity "${e.id}"`, entityRefs(e));
    for (const b of delta.put.briefs) check(`brief "${b.id}": about`, b.about);

    // Untouched records that still point at an entity this delta removes.
    const gone = delta.remove.entities.filter((id) => !ids.has(id)).map((id) => refKey(sub, id));
    if (gone.length) {
      const replaced = new Set(delta.put.entities.map((e) => e.id));
      const removedBriefs = new Set([...delta.remove.briefs, ...delta.put.briefs.map((b) => b.id)]);
      const entityUsers = await db.entities.where('refs').anyOf(gone).toArray();
      for (const u of entityUsers) {
        if (u.sub === sub && ids.has(u.id) && !replaced.has(u.id)) {
          problems.push(`${fileName}: removing it leaves entity "${u.id}" naming an id the pack no longer holds`);
        }
      }
      const briefUsers = await db.briefs.where('about').anyOf(gone).toArray();
      for (const u of briefUsers) {
        if (u.sub === sub && !removedBriefs.has(u.id)) {
          problems.push(`${fileName}: removing it leaves brief "${u.id}" about an entity the pack no longer holds`);
        }
      }
    }
    if (problems.length) throw new PackError('reference', [...new Set(problems)]);

    await db.entities.bulkDelete(delta.remove.entities.map((id) => [sub, id] as [number, string]));
    await db.briefs.bulkDelete(delta.remove.briefs.map((id) => [sub, id] as [number, string]));
    await db.entities.bulkPut(delta.put.entities.map((e) => toEntityRow(sub, e)));
    await db.briefs.bulkPut(delta.put.briefs.map((b) => toBriefRow(sub, b)));
    await db.packs.update(sub, {
      ...describe(manifest, validators, now),
      entityCount: await inPack(db.entities, sub).count(),
      briefCount: await inPack(db.briefs, sub).count(),
    });
    await bumpRevision(db);
  });
}

/** Removes a subscription and every record of it, and nothing else. */
export async function removePack(db: GlossDb, sub: number): Promise<void> {
  await db.transaction('rw', db.packs, db.entities, db.briefs, db.meta, async () => {
    await inPack(db.entities, sub).delete();
    await inPack(db.briefs, sub).delete();
    await db.packs.delete(sub);
    await bumpRevision(db);
  });
}
