import { foldAlias } from '../match/compile';
import type { AliasSpec, MatcherEntry } from '../match/types';
import type { Entity } from '../pack/types';
import type { EntityRow, GlossDb } from './db';
import { forEachEntity } from './entity-store';
import { entityRefs, refKey } from './rows';

/**
 * An entity's names and aliases as matcher aliases: names match on pages in any language. An
 * alias that folds to the same text as a name takes the name's place, with its options, so
 * `{ "text": "Georgia", "needsContext": true }` makes the name `Georgia` need context.
 */
export function aliasesOf(entity: Entity): AliasSpec[] {
  const aliases = entity.aliases ?? [];
  const aliased = new Set(aliases.map((a) => foldAlias(a.text).key));
  const out: AliasSpec[] = [];
  const seen = new Set<string>();
  for (const text of Object.values(entity.name)) {
    const folded = foldAlias(text).key;
    if (seen.has(text) || aliased.has(folded)) continue;
    seen.add(text);
    out.push({ text });
  }
  for (const a of aliases) out.push(a);
  return out;
}

/**
 * Every entity of every pack as matcher entries. Entities that share a `sameAs` (directly
 * or through others) get one key, the first one's, so the page shows one highlight and
 * one card for them. An entity's context (for `needsContext` aliases) is its participants and
 * related entities, under the keys they end up with.
 */
export async function matcherEntries(db: GlossDb): Promise<MatcherEntry[]> {
  const entries: MatcherEntry[] = [];
  const refs: string[][] = [];
  const indexOfRef = new Map<string, number>();
  const parent: number[] = [];
  const ownerOfId = new Map<string, number>();
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // In the order that breaks ties between packs: the pack subscribed first, then by id (a pack's
  // records are kept sorted by id, so that is the order it lists them in).
  const rows: EntityRow[] = [];
  await forEachEntity(db, (row) => void rows.push(row));
  rows.sort((a, b) => a.sub - b.sub || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const row of rows) {
    const i = entries.length;
    parent.push(i);
    const key = refKey(row.sub, row.id);
    const aliases = aliasesOf(row.record);
    indexOfRef.set(key, i);
    // Only entries that can be held back ever read their context.
    refs.push(aliases.some((a) => a.needsContext) ? entityRefs(row.record).map((id) => refKey(row.sub, id)) : []);
    entries.push({ key, kind: row.record.kind, aliases });
    for (const id of row.sameAs) {
      const j = ownerOfId.get(id);
      if (j === undefined) ownerOfId.set(id, i);
      else {
        const a = find(i);
        const b = find(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const keyOf = (i: number) => entries[find(i)]!.key;
  return entries.map((e, i) => {
    const context = refs[i]!.flatMap((r) => {
      const j = indexOfRef.get(r);
      return j === undefined ? [] : [keyOf(j)];
    });
    return context.length > 0 ? { ...e, key: keyOf(i), context } : { ...e, key: keyOf(i) };
  });
}
