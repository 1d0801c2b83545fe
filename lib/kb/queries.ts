import { fold } from '../match/fold';
import type { BriefRow, EntityRow, GlossDb, PackRow } from './db';
import { refKey } from './rows';

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
  const first = await db.entities.get([parts.sub, parts.id]);
  if (!first) return [];
  const found = new Map<string, EntityRow>([[refKey(first.sub, first.id), first]]);
  const seen = new Set<string>();
  let pending = [...first.sameAs];
  while (pending.length && found.size < MAX_MERGED) {
    const fresh = pending.filter((s) => !seen.has(s));
    fresh.forEach((s) => seen.add(s));
    if (!fresh.length) break;
    pending = [];
    for (const row of await db.entities.where('sameAs').anyOf(fresh).toArray()) {
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

/** Entities whose name or alias, or a word of one, starts with `query` (folded). */
export async function searchByPrefix(db: GlossDb, query: string, limit = 20): Promise<EntityRow[]> {
  const q = fold(query).text.replace(/\s+/g, ' ').trim();
  if (!q) return [];
  const out = new Map<string, EntityRow>();
  await db.entities
    .where('terms')
    .startsWith(q)
    .until(() => out.size >= limit)
    .each((row) => {
      out.set(refKey(row.sub, row.id), row);
    });
  return [...out.values()];
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
    entities: await db.entities.orderBy('[sub+id]').toArray(),
    briefs: await db.briefs.orderBy('[sub+id]').toArray(),
    meta: await db.meta.orderBy('key').toArray(),
  }));
}
