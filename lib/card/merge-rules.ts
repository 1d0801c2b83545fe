import type { EntityRow, PackRow } from '../kb/db';

/**
 * How content from several packs meets on one card (docs/pack-format.md, "Merged cards").
 * A shared `sameAs` lets a pack add to another pack's card, but only under its own name,
 * after the packs the reader trusts, and within fixed bounds whatever the packs hold.
 */
export const MERGE_LIMITS = {
  /** Packs whose content a card shows: entities and briefs of further packs are left out. */
  packs: 6,
  /** Briefs of one pack on a card: the first `briefsShown` at once, the rest on request. */
  briefsPerPack: 10,
  briefsShown: 3,
  facts: 16,
  links: 10,
  /** Participants, and related entities, each. */
  entityLinks: 24,
  /** Languages listed for one brief, and its authors. */
  briefVersions: 8,
  briefAuthors: 6,
} as const;

/** Built in, or signed by the key the reader pinned: packs the reader has vouched for. */
export function isTrusted(pack: PackRow | undefined): boolean {
  return pack !== undefined && (pack.builtin || pack.publicKey !== undefined);
}

/**
 * The order of a card's packs: trusted packs before the others (an unsigned pack never
 * outranks a signed one), within each the pack of the entity the reader asked for first,
 * then by subscription, oldest first. At most MERGE_LIMITS.packs.
 */
export function rankPacks(subs: Iterable<number>, packs: Map<number, PackRow>, asked: number): number[] {
  const rank = (sub: number) => [isTrusted(packs.get(sub)) ? 0 : 1, sub === asked ? 0 : 1, sub] as const;
  return [...new Set(subs)]
    .filter((sub) => packs.has(sub))
    .sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    })
    .slice(0, MERGE_LIMITS.packs);
}

/** The merged entities of the ranked packs, in pack order (the asked-for entity first within its pack). */
export function rankEntities(entities: EntityRow[], order: number[]): EntityRow[] {
  const position = new Map(order.map((sub, i) => [sub, i]));
  return entities
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => position.has(e.sub))
    .sort((a, b) => position.get(a.e.sub)! - position.get(b.e.sub)! || a.i - b.i)
    .map(({ e }) => e);
}
