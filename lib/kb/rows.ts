import { normalizeUrl } from '../pack/normalize-url';
import type { Brief, Entity } from '../pack/types';
import type { BriefRow, EntityRow } from './db';

export const refKey = (sub: number, id: string) => `${sub}:${id}`;

/** Every id an entity names: its participants and related entities. */
export function entityRefs(entity: Entity): string[] {
  return [...(entity.participants ?? []), ...(entity.related ?? [])];
}

export function toEntityRow(sub: number, record: Entity): EntityRow {
  return { sub, id: record.id, sameAs: [...new Set(record.sameAs ?? [])], record };
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
