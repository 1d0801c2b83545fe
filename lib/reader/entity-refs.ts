import type { GlossDb, PackRow } from '../kb/db';
import { getEntities } from '../kb/entity-store';
import { mergedEntity } from '../kb/queries';
import { refKey } from '../kb/rows';
import type { EntityRef } from './records';

/** Where a pack takes the reader's word about its entities (`publisher.feedback`). */
export interface FeedbackTarget {
  /** The publisher's name. */
  publisher: string;
  /** The https address from the pack's manifest. */
  url: string;
  /** The entity's id in that pack. */
  entity: string;
}

export interface EntityRefs {
  /** The asked-for entity, as every machine names it; null when its pack has not arrived. */
  primary: EntityRef | null;
  /** It and every entity merged with it (by `sameAs`): a note on any of them is the card's note. */
  all: EntityRef[];
  feedback: FeedbackTarget[];
}

const ref = (pack: string, id: string): EntityRef => `${pack}/${id}`;

/** Local keys (`sub:id`) turned into `pack/entity`, with the packs' feedback addresses. */
export async function entityRefs(db: GlossDb, key: string): Promise<EntityRefs> {
  const rows = await mergedEntity(db, key);
  const packs = new Map<number, PackRow>();
  for (const p of await db.packs.bulkGet([...new Set(rows.map((r) => r.sub))])) if (p?.sub !== undefined) packs.set(p.sub, p);
  const all: EntityRef[] = [];
  const feedback: FeedbackTarget[] = [];
  let primary: EntityRef | null = null;
  for (const row of rows) {
    const pack = packs.get(row.sub);
    if (!pack?.pack) continue;
    const r = ref(pack.pack, row.id);
    all.push(r);
    if (refKey(row.sub, row.id) === key) primary = r;
    const url = pack.publisher?.feedback;
    if (url && !feedback.some((f) => f.url === url)) feedback.push({ publisher: pack.publisher!.name, url, entity: row.id });
  }
  return { primary: primary ?? all[0] ?? null, all, feedback };
}

/** The local key of an entity named `pack/entity`, when a pack of that id holds it here. */
export async function localKeyOf(db: GlossDb, entity: EntityRef): Promise<string | null> {
  const at = entity.indexOf('/');
  const packId = entity.slice(0, at);
  const id = entity.slice(at + 1);
  for (const pack of await db.packs.toArray()) {
    if (pack.pack !== packId || pack.sub === undefined) continue;
    const [row] = await getEntities(db, [{ sub: pack.sub, id }]);
    if (row) return refKey(pack.sub, id);
  }
  return null;
}
