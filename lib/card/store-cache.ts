import type { EntityRow, GlossDb, PackRow } from '../kb/db';
import { bucketOf } from '../kb/entity-store';
import { onRevision } from '../kb/revision';
import { refKey } from '../kb/rows';

/** How many entities' names the background keeps at hand (a few MB at most). */
const NAME_CAPACITY = 20_000;

interface CardStoreCache {
  /** Name, kind and `sameAs` of entities seen in buckets read for cards: what a link to them needs. */
  names: Map<string, EntityRow>;
  packs: PackRow[] | null;
}

const caches = new WeakMap<GlossDb, CardStoreCache>();

/**
 * What cards read again and again, kept in the background's memory until the records
 * change (every change bumps the revision, heard here through the same database object).
 * Each IndexedDB request costs a round trip, so a card that finds its related entities
 * and its packs here is answered in two requests instead of five or more.
 */
function cacheOf(db: GlossDb): CardStoreCache {
  let cache = caches.get(db);
  if (!cache) {
    const fresh: CardStoreCache = { names: new Map(), packs: null };
    onRevision(db, () => {
      fresh.names.clear();
      fresh.packs = null;
    });
    caches.set(db, (cache = fresh));
  }
  return cache;
}

function remember(cache: CardStoreCache, sub: number, records: EntityRow['record'][]) {
  for (const r of records) {
    // Only what a link needs: the rest of the record stays in the store.
    cache.names.set(refKey(sub, r.id), { sub, id: r.id, sameAs: r.sameAs ?? [], record: { id: r.id, kind: r.kind, name: r.name } });
  }
  // Oldest first out: a Map keeps insertion order.
  for (const k of cache.names.keys()) {
    if (cache.names.size <= NAME_CAPACITY) break;
    cache.names.delete(k);
  }
}

/** The entities a card links to (name, kind and sameAs only), from memory or their buckets. */
export async function linkedEntities(db: GlossDb, parts: readonly { sub: number; id: string }[]): Promise<EntityRow[]> {
  const cache = cacheOf(db);
  const missing = parts.filter((p) => !cache.names.has(refKey(p.sub, p.id)));
  if (missing.length) {
    const buckets = [...new Set(missing.map((p) => `${p.sub}:${bucketOf(p.id)}`))].map((k) => k.split(':').map(Number) as [number, number]);
    // A whole bucket arrives for each: every name in it is kept, for the next cards.
    for (const row of await db.entities.bulkGet(buckets)) if (row) remember(cache, row.sub, row.records);
  }
  return parts.map((p) => cache.names.get(refKey(p.sub, p.id))).filter((r): r is EntityRow => r !== undefined);
}

/** Every subscription's row. */
export async function packRows(db: GlossDb): Promise<PackRow[]> {
  const cache = cacheOf(db);
  cache.packs ??= await db.packs.toArray();
  return cache.packs;
}
