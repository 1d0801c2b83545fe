import { STARTER_OFFERED } from '../background/starter';
import type { GlossDb, PackRow } from '../kb/db';
import { bumpRevision } from '../kb/revision';
import { writePackRecords } from '../kb/entity-store';
import type { ExportFile, ImportSummary } from './export-file';

export interface ImportContext {
  /** Where the built-in pack lives in this browser, which is not where it lived in the exporting one. */
  starterUrl: string;
}

/**
 * Replaces every pack and record with the file's, in one transaction: if anything
 * fails, the knowledge base is as it was. Validate the file first (validateExport).
 * Settings are the caller's to write, after this succeeds.
 */
export async function importAll(db: GlossDb, file: ExportFile, ctx: ImportContext): Promise<ImportSummary> {
  const summary: ImportSummary = { packs: 0, entities: 0, briefs: 0 };
  await db.transaction('rw', db.packs, db.entities, db.briefs, db.meta, async () => {
    await db.entities.clear();
    await db.briefs.clear();
    await db.packs.clear();
    for (const pack of file.packs) {
      if (pack.builtin) {
        // Refilled from the extension's own files by the background (see knowledgeChanged).
        await addRow(db, { url: ctx.starterUrl, builtin: true, entityCount: 0, briefCount: 0, failures: 0, added: pack.added, nextAttempt: 0 });
        summary.packs++;
        continue;
      }
      const records = pack.records;
      const row: PackRow = {
        url: pack.url,
        publicKey: pack.publicKey,
        builtin: pack.builtin,
        pack: records?.pack,
        title: pack.title,
        publisher: pack.publisher,
        version: records?.version,
        published: pack.published,
        expires: pack.expires,
        entityCount: records?.entities.length ?? 0,
        briefCount: records?.briefs.length ?? 0,
        lastSuccess: pack.lastSuccess,
        failures: 0,
        added: pack.added,
      };
      // Without the old validators the next check fetches the manifest in full, which is safe.
      const sub = await addRow(db, Object.fromEntries(Object.entries(row).filter(([, x]) => x !== undefined)) as PackRow);
      if (records) {
        await writePackRecords(db, sub, records);
      }
      summary.packs++;
      summary.entities += records?.entities.length ?? 0;
      summary.briefs += records?.briefs.length ?? 0;
    }
    // The file decides which packs there are; the starter is not offered again over it.
    await db.meta.put({ key: STARTER_OFFERED, value: true });
    await bumpRevision(db);
  });
  return summary;
}

/** The new row's key (the table's key is auto-incremented, so there always is one). */
export async function addRow(db: GlossDb, row: PackRow): Promise<number> {
  const sub = await db.packs.add(row);
  if (typeof sub !== 'number') throw new Error('The pack could not be stored.');
  return sub;
}
