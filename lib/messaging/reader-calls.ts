/**
 * The calls behind the reader's controls (popup and options): what a page names, search,
 * where Gloss runs, and the reader's data. Part of the one protocol (see protocol.ts).
 */
import type { BriefView, CardData, TextView } from '../card/types';
import type { EntityKind } from '../pack/types';
import type { PageEntityCount, PageSummary } from '../page/page-summary';

type NoArgs = Record<string, never>;

/** An entity as a list shows it. */
export interface EntityItem {
  key: string;
  kind: EntityKind;
  name: TextView;
  description?: TextView;
}

export interface PageEntity extends EntityItem {
  count: number;
}

export interface RelatedBrief extends BriefView {
  /** The brief cites this very page. */
  citesPage: boolean;
  /** How many of the page's entities it is about. */
  aboutCount: number;
}

export interface PageOverview {
  /** In the order of their first mention on the page. */
  entities: PageEntity[];
  /** The briefs citing the page first, then by how many of its entities they are about, then newest. */
  briefs: RelatedBrief[];
}

export interface ReaderUiCalls {
  pageOverview(args: { entities: PageEntityCount[]; urls: string[]; languages: string[] }): PageOverview;
  search(args: { query: string; languages: string[] }): EntityItem[];
  /** The same data a hover card shows, for the popup's own compact card. */
  entityCard(args: { key: string; languages: string[] }): CardData | null;
  /** After the reader granted a new site's permission (or for a default site they had turned off). */
  turnSiteOn(args: { host: string }): null;
  forgetSite(args: { host: string }): null;
  annotateOnce(args: { tabId: number; url: string }): null;
  /** Every pack removed, the built-in starter pack subscribed again. */
  resetToStarter(args: NoArgs): null;
}

/** Calls the extension's pages make to the content script of one tab (`tabs.sendMessage`). */
export interface TabCalls {
  pageSummary(args: NoArgs): PageSummary;
  /** Scrolls to the entity's first mention and marks it; false when the page does not name it. */
  focusMention(args: { key: string }): boolean;
  /** Reads the whole page, not only its story, until the page's address changes. */
  readWholePage(args: NoArgs): null;
}
