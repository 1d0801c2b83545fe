import type { GlossDb } from '../kb/db';
import { searchByPrefix } from '../kb/queries';
import type { EntityItem } from '../messaging/reader-calls';
import { entityItem } from './entity-item';

export const MAX_RESULTS = 20;

/**
 * Prefix search over every pack, in any language and script (the query is folded like
 * names). An entity that shares a `sameAs` with one already listed is the same to the
 * reader and is listed once.
 */
export async function searchEntities(db: GlossDb, query: string, languages: readonly string[]): Promise<EntityItem[]> {
  const rows = await searchByPrefix(db, query.slice(0, 200), MAX_RESULTS);
  const seen = new Set<string>();
  const out: EntityItem[] = [];
  for (const row of rows) {
    if (row.sameAs.some((s) => seen.has(s))) continue;
    row.sameAs.forEach((s) => seen.add(s));
    const item = entityItem([row], languages);
    if (item) out.push(item);
  }
  return out;
}
