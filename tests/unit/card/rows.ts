import type { BriefRow, EntityRow, PackRow } from '@/lib/kb/db';
import { toBriefRow, toEntityRow } from '@/lib/kb/rows';
import { brief, entity } from '../support/publisher';
import type { Brief, Entity } from '@/lib/pack';

/** Rows as the store holds them, built straight from records (no validation on the way). */
export const entityRow = (sub: number, id: string, extra: Partial<Entity> = {}): EntityRow => toEntityRow(sub, entity(id, extra));
export const briefRow = (sub: number, id: string, about: string[], extra: Partial<Brief> = {}): BriefRow =>
  toBriefRow(sub, brief(id, about, extra));

export function packRow(sub: number, extra: Partial<PackRow> = {}): PackRow {
  return {
    sub,
    url: `https://packs${sub}.example.org/pack.json`,
    builtin: false,
    pack: `pack-${sub}`,
    title: `Pack ${sub}`,
    publisher: { name: `Publisher ${sub}` },
    version: 3,
    published: '2026-11-30T08:00:00Z',
    entityCount: 0,
    briefCount: 0,
    failures: 0,
    added: 0,
    ...extra,
  };
}

/** Every brief a card carries, pack by pack, as the reader meets them. */
export const briefsOf = (card: { briefGroups: { briefs: import('@/lib/card/types').BriefView[] }[] }) => card.briefGroups.flatMap((g) => g.briefs);
