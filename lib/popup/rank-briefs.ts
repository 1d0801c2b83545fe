import type { BriefView } from '../card/types';
import type { RelatedBrief } from '../messaging/reader-calls';

/** What a brief has to do with the page. */
export interface BriefRelation {
  citesPage: boolean;
  /** The page's entity keys it is about. */
  about: Set<string>;
}

/**
 * The briefs most related to a page: those citing it first, then by how many of the
 * page's entities they are about, then newest (the order `views` come in).
 */
export function rankBriefs(views: BriefView[], relation: (view: BriefView) => BriefRelation | undefined, limit: number): RelatedBrief[] {
  return views
    .map((view, order) => {
      const r = relation(view);
      return { ...view, citesPage: r?.citesPage ?? false, aboutCount: r?.about.size ?? 0, order };
    })
    .sort((a, b) => Number(b.citesPage) - Number(a.citesPage) || b.aboutCount - a.aboutCount || a.order - b.order)
    .slice(0, limit)
    .map(({ order: _order, ...brief }) => brief);
}
