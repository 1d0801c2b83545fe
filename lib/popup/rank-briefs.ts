import type { BriefView } from '../card/types';
import type { RelatedBrief } from '../messaging/reader-calls';

/** What a brief has to do with the page. */
export interface BriefRelation {
  citesPage: boolean;
  /** The page's entity keys it is about. */
  about: Set<string>;
}

export interface RankOptions {
  limit: number;
  /** Whether a brief's pack is one the reader vouched for (built in, or with a pinned key). */
  trusted: (view: BriefView) => boolean;
  /** Briefs of one pack that come before any other pack's further briefs. */
  perPack: number;
}

const packOf = (view: BriefView) => view.key.slice(0, view.key.indexOf(':'));

/**
 * The briefs most related to a page: those citing it first, then those of packs the reader
 * vouched for (docs/pack-format.md, "Merged cards"), then by how many of the page's entities
 * they are about, then newest (the order `views` come in). Beyond `perPack` briefs of one pack,
 * a pack's briefs only take places that no other pack's brief wants.
 */
export function rankBriefs(views: BriefView[], relation: (view: BriefView) => BriefRelation | undefined, opts: RankOptions): RelatedBrief[] {
  const ranked = views
    .map((view, order) => {
      const r = relation(view);
      return { ...view, citesPage: r?.citesPage ?? false, aboutCount: r?.about.size ?? 0, trusted: opts.trusted(view), order };
    })
    .sort(
      (a, b) =>
        Number(b.citesPage) - Number(a.citesPage) || Number(b.trusted) - Number(a.trusted) || b.aboutCount - a.aboutCount || a.order - b.order,
    );
  // Each pack's first few come first; more of one pack only fill places no other pack wants.
  const taken = new Map<string, number>();
  const within = new Set<(typeof ranked)[number]>();
  for (const view of ranked) {
    const n = taken.get(packOf(view)) ?? 0;
    taken.set(packOf(view), n + 1);
    if (n < opts.perPack) within.add(view);
  }
  const chosen = new Set([...within].slice(0, opts.limit));
  for (const view of ranked) if (chosen.size < opts.limit) chosen.add(view);
  return ranked.filter((view) => chosen.has(view)).map(({ order: _order, trusted: _trusted, ...brief }) => brief);
}
