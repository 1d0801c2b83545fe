import type { GlossDb, PackRow } from '../kb/db';
import { readPackRecords } from '../kb/entity-store';
import { PACK_FORMAT } from '../pack/types';
import type { ReaderRecord } from '../reader/records';
import type { Settings } from '../settings';
import { EXPORT_FORMAT, type ExportedPack, type ExportFile } from './export-file';

const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;

/**
 * Everything the reader has: settings, their notes and corrections, and per pack its
 * subscription and the records held, read in one transaction so the file is one consistent moment.
 */
export async function exportAll(db: GlossDb, settings: Settings, now: number, reader: readonly ReaderRecord[] = []): Promise<ExportFile> {
  const packs = await db.transaction('r', db.packs, db.entities, db.briefs, async () => {
    const rows = await db.packs.orderBy('sub').toArray();
    const out: ExportedPack[] = [];
    for (const row of rows) out.push(await exportPack(db, row));
    return out;
  });
  return { format: EXPORT_FORMAT, exported: new Date(now).toISOString(), settings, packs, reader: reader.filter((r) => !r.deleted) };
}

async function exportPack(db: GlossDb, row: PackRow): Promise<ExportedPack> {
  const sub = row.sub!;
  const held = row.pack !== undefined && row.version !== undefined;
  return strip({
    url: row.url,
    publicKey: row.publicKey,
    builtin: row.builtin,
    title: row.title,
    publisher: row.publisher,
    published: row.published,
    expires: row.expires,
    added: row.added,
    lastSuccess: row.lastSuccess,
    records: held
      ? {
          format: PACK_FORMAT,
          pack: row.pack!,
          version: row.version!,
          ...(await readPackRecords(db, sub)),
        }
      : undefined,
  });
}

/** `gloss-2026-11-30.json`. */
export const exportFileName = (now: number) => `gloss-${new Date(now).toISOString().slice(0, 10)}.json`;
