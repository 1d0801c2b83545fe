import type { GlossDb, PackRow } from '../kb/db';
import { bumpRevision } from '../kb/revision';
import { writePackRecords } from '../kb/entity-store';
import { parseSnapshot } from '../pack/parse';
import { addRow } from './import';
import { localPackUrl } from './local-url';

/**
 * Stores a pack snapshot from a file the reader chose, as a pack of its own that is
 * never synced. Importing the same pack again replaces what it held. A snapshot that
 * does not validate changes nothing (parseSnapshot says why).
 */
export async function importPackFile(db: GlossDb, input: string | Uint8Array, fileName: string, now: number): Promise<PackRow> {
  const snapshot = parseSnapshot(input, fileName);
  const url = localPackUrl(snapshot.pack);
  return db.transaction('rw', db.packs, db.entities, db.briefs, db.meta, async () => {
    const existing = await db.packs.where('url').equals(url).first();
    const described: Omit<PackRow, 'sub'> = {
      url,
      builtin: false,
      pack: snapshot.pack,
      title: existing?.title ?? fileName.replace(/\.json$/i, ''),
      version: snapshot.version,
      entityCount: snapshot.entities.length,
      briefCount: snapshot.briefs.length,
      lastSuccess: now,
      lastAttempt: now,
      failures: 0,
      added: existing?.added ?? now,
    };
    let sub: number;
    if (existing?.sub !== undefined) {
      sub = existing.sub;
      await db.packs.put({ ...described, sub });
    } else {
      sub = await addRow(db, described);
    }
    await writePackRecords(db, sub, snapshot);
    await bumpRevision(db);
    return (await db.packs.get(sub))!;
  });
}
