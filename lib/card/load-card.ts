import type { GlossDb, PackRow } from '../kb/db';
import { briefsAbout, briefsCiting, mergedEntity, parseEntityKey } from '../kb/queries';
import { refKey } from '../kb/rows';
import { normalizeUrl } from '../pack/normalize-url';
import { shapeBriefs } from './brief-view';
import { shapeCard } from './card-data';
import { MERGE_LIMITS, rankPacks } from './merge-rules';
import { linkedEntities, packRows } from './store-cache';
import type { CardData, CitingAnswer } from './types';

/** A card's data, read in one transaction so a pack update cannot land half-way through. */
export async function loadCard(db: GlossDb, key: string, languages: readonly string[], now: number): Promise<CardData | null> {
  return db.transaction('r', db.entities, db.briefs, db.packs, async () => {
    const entities = await mergedEntity(db, key);
    if (!entities.length) return null;
    const refKeys = new Set<string>();
    for (const e of entities) for (const id of [...(e.record.participants ?? []), ...(e.record.related ?? [])]) refKeys.add(refKey(e.sub, id));
    const refParts = [...refKeys].map((k) => parseEntityKey(k)).filter((p) => p !== null);
    // Issued together: one wait on the store; links and packs are usually in memory already.
    const [briefs, refs, packs] = await Promise.all([briefsAbout(db, entities), linkedEntities(db, refParts), packRows(db)]);
    return shapeCard({ key, entities, briefs, packs, refs, languages, now });
  });
}

/** The briefs that cite the page at any of these addresses (its canonical URL, its location). */
export async function loadCiting(db: GlossDb, urls: readonly string[], languages: readonly string[]): Promise<CitingAnswer | null> {
  const pages = [...new Set(urls.map(normalizeUrl).filter((u): u is string => u !== null))];
  if (!pages.length) return null;
  return db.transaction('r', db.briefs, db.packs, async () => {
    const rows = await briefsCiting(db, pages);
    if (!rows.length) return null;
    const packs = new Map(
      (await db.packs.bulkGet([...new Set(rows.map((r) => r.sub))])).filter((p): p is PackRow => p !== undefined).map((p) => [p.sub!, p]),
    );
    // As on cards: trusted packs first, a bounded number from each, whatever the packs hold.
    const seen = new Set<string>();
    const briefs = rankPacks(rows.map((r) => r.sub), packs, -1)
      .flatMap((sub) => shapeBriefs(rows.filter((r) => r.sub === sub), packs, languages, seen).slice(0, MERGE_LIMITS.briefsShown))
      .slice(0, MERGE_LIMITS.briefsPerPack);
    // The address the reader is told about is the one a brief cites, canonical first.
    const page = pages.find((p) => rows.some((r) => r.cites.includes(p))) ?? pages[0]!;
    return { page, briefs };
  });
}
