import type { BriefRow, EntityRow, GlossDb, PackRow } from './db';
import { entitiesWithSameAs, forEachEntity, getEntities } from './entity-store';
import { readRevision } from './revision';
import { refKey } from './rows';
import { buildSearchIndex, searchIndex, type SearchIndex } from './search-index';

export interface EntityKeyParts {
  sub: number;
  id: string;
}

/** `sub:id`, the key an entity has in matches, messages and the merge. */
export function parseEntityKey(key: string): EntityKeyParts | null {
  const at = key.indexOf(':');
  const sub = Number(key.slice(0, at));
  if (at < 1 || !Number.isInteger(sub)) return null;
  return { sub, id: key.slice(at + 1) };
}

const MAX_MERGED = 32;

/**
 * An entity and every entity of any pack that shares a `sameAs` with it, directly or
 * through another: to the reader they are one.
 */
export async function mergedEntity(db: GlossDb, key: string): Promise<EntityRow[]> {
  const parts = parseEntityKey(key);
  if (!parts) return [];
  const [first] = await getEntities(db, [parts]);
  if (!first) return [];
  const found = new Map<string, EntityRow>([[refKey(first.sub, first.id), first]]);
  const seen = new Set<string>();
  let pending = [...first.sameAs];
  while (pending.length && found.size < MAX_MERGED) {
    const fresh = pending.filter((s) => !seen.has(s));
    fresh.forEach((s) => seen.add(s));
    if (!fresh.length) break;
    pending = [];
    for (const row of await entitiesWithSameAs(db, fresh)) {
      const k = refKey(row.sub, row.id);
      if (found.has(k)) continue;
      found.set(k, row);
      pending.push(...row.sameAs);
    }
  }
  return [...found.values()];
}

/** The briefs about any of these entities, each once. */
export async function briefsAbout(db: GlossDb, entities: EntityRow[]): Promise<BriefRow[]> {
  const keys = entities.map((e) => refKey(e.sub, e.id));
  const rows = await db.briefs.where('about').anyOf(keys).toArray();
  const unique = new Map(rows.map((r) => [refKey(r.sub, r.id), r]));
  return [...unique.values()];
}

/** Briefs that cite a page, by its normalised address (see lib/pack normalizeUrl). */
export function briefsCiting(db: GlossDb, normalizedUrls: string[]): Promise<BriefRow[]> {
  return db.briefs.where('cites').anyOf(normalizedUrls).toArray();
}

const searchCache = new WeakMap<GlossDb, { revision: number; index: SearchIndex }>();

/**
 * Entities whose name or alias, or a later word of one, starts with `query` (folded).
 * The index is built in memory on the first search after each change of the store.
 */
export async function searchByPrefix(db: GlossDb, query: string, limit = 20): Promise<EntityRow[]> {
  const revision = await readRevision(db);
  let cached = searchCache.get(db);
  if (cached?.revision !== revision) {
    const entries: { key: string; entity: EntityRow['record'] }[] = [];
    await forEachEntity(db, (row) => entries.push({ key: refKey(row.sub, row.id), entity: row.record }));
    cached = { revision, index: buildSearchIndex(entries) };
    searchCache.set(db, cached);
  }
  const keys = searchIndex(cached.index, query, limit);
  const rows = await getEntities(db, keys.map((k) => parseEntityKey(k)!));
  return rows.filter((r): r is EntityRow => r !== undefined);
}

/** Everything the store holds, in a stable order: what tests compare before and after. */
export async function dumpStore(db: GlossDb): Promise<{
  packs: PackRow[];
  entities: EntityRow[];
  briefs: BriefRow[];
  meta: unknown[];
}> {
  return db.transaction('r', db.packs, db.entities, db.briefs, db.meta, async () => ({
    packs: await db.packs.orderBy('sub').toArray(),
    entities: (await db.entities.orderBy('[sub+bucket]').toArray())
      .flatMap((b) => b.records.map((record) => ({ sub: b.sub, id: record.id, sameAs: [...new Set(record.sameAs ?? [])], record })))
      .sort((a, b) => a.sub - b.sub || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    briefs: await db.briefs.orderBy('[sub+id]').toArray(),
    meta: await db.meta.orderBy('key').toArray(),
  }));
}
