import type { AliasSpec, MatcherEntry } from '../match/types';
import type { Entity } from '../pack/types';
import type { GlossDb } from './db';
import { forEachEntity } from './entity-store';
import { refKey } from './rows';

/** An entity's names and aliases as matcher aliases: names match on pages in any language. */
export function aliasesOf(entity: Entity): AliasSpec[] {
  const out: AliasSpec[] = [];
  const seen = new Set<string>();
  for (const text of Object.values(entity.name)) {
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text });
  }
  for (const a of entity.aliases ?? []) out.push(a);
  return out;
}

/**
 * Every entity of every pack as matcher entries. Entities that share a `sameAs` (directly
 * or through others) get one key, the first one's, so the page shows one highlight and
 * one card for them.
 */
export async function matcherEntries(db: GlossDb): Promise<MatcherEntry[]> {
  const entries: MatcherEntry[] = [];
  const parent: number[] = [];
  const ownerOfId = new Map<string, number>();
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  await forEachEntity(db, (row) => {
    const i = entries.length;
    parent.push(i);
    entries.push({ key: refKey(row.sub, row.id), kind: row.record.kind, aliases: aliasesOf(row.record) });
    for (const id of row.sameAs) {
      const j = ownerOfId.get(id);
      if (j === undefined) ownerOfId.set(id, i);
      else {
        const a = find(i);
        const b = find(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  return entries.map((e, i) => ({ ...e, key: entries[find(i)]!.key }));
}
