import { fold } from '../match/fold';
import { normalizeUrl } from '../pack/normalize-url';
import type { Brief, Entity } from '../pack/types';
import type { BriefRow, EntityRow } from './db';

import type { Table } from 'dexie';

export const refKey = (sub: number, id: string) => `${sub}:${id}`;

/** The records of one subscription (ids are ASCII, so '' and U+FFFF bound them). */
export function inPack<T>(table: Table<T, [number, string]>, sub: number) {
  return table.where('[sub+id]').between([sub, ''], [sub, '\uffff'], true, true);
}

/** Every id an entity names: its participants and related entities. */
export function entityRefs(entity: Entity): string[] {
  return [...(entity.participants ?? []), ...(entity.related ?? [])];
}

/**
 * Search terms: each folded name and alias from every word on ("kim jong un", "jong un",
 * "un"), so a prefix query finds a name by its start or by any later word ("jong u").
 * Short afterFull forms are left out: they are not names a reader searches by.
 */
export function searchTerms(entity: Entity): string[] {
  const texts = [
    ...Object.values(entity.name),
    ...(entity.aliases ?? []).filter((a) => !a.afterFull).map((a) => a.text),
  ];
  const terms = new Set<string>();
  for (const text of texts) {
    const words = fold(text).text.split(/[\s'.,]+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) terms.add(words.slice(i).join(' '));
  }
  return [...terms];
}

export function toEntityRow(sub: number, record: Entity): EntityRow {
  return {
    sub,
    id: record.id,
    refs: [...new Set(entityRefs(record))].map((id) => refKey(sub, id)),
    sameAs: [...new Set(record.sameAs ?? [])],
    terms: searchTerms(record),
    record,
  };
}

export function toBriefRow(sub: number, record: Brief): BriefRow {
  const cites = (record.cites ?? []).map(normalizeUrl).filter((u): u is string => u !== null);
  return {
    sub,
    id: record.id,
    about: [...new Set(record.about ?? [])].map((id) => refKey(sub, id)),
    cites: [...new Set(cites)],
    record,
  };
}
