import type { Mention } from '../annotate/annotator';
import { sameSite } from './same-site';

/** One entity the page names, and how often. */
export interface PageEntityCount {
  key: string;
  kind: string;
  count: number;
}

/** What the content script tells the popup about its page. */
export interface PageSummary {
  /** Whether Gloss is annotating the page right now. */
  active: boolean;
  /** The page's address (see pageUrls). */
  urls: string[];
  /** In the order of their first mention. */
  entities: PageEntityCount[];
  /**
   * What Gloss reads: the page's story, the whole page (at the reader's request), or nothing,
   * on a page with no story (a front page); absent while inactive.
   */
  reading?: 'story' | 'whole-page' | 'nothing';
  /** The most mentions Gloss highlights on a page, present when this page named more (the rest are not highlighted). */
  capped?: number;
}

export function countMentions(mentions: readonly Mention[]): PageEntityCount[] {
  const byKey = new Map<string, PageEntityCount>();
  for (const m of mentions) {
    const seen = byKey.get(m.key);
    if (seen) seen.count++;
    else byKey.set(m.key, { key: m.key, kind: m.kind, count: 1 });
  }
  return [...byKey.values()];
}

/**
 * The page's address, for matching the briefs that cite it: its canonical URL when it has
 * one, else its location (docs/pack-format.md, section 7); never both. A canonical URL on
 * another site is not taken: any page could otherwise claim to be an article briefs cite.
 */
export function pageUrls(doc: Document): string[] {
  const location = new URL(doc.location.href);
  const href = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.getAttribute('href');
  if (href) {
    try {
      const canonical = new URL(href, location);
      if ((canonical.protocol === 'https:' || canonical.protocol === 'http:') && sameSite(canonical, location)) return [canonical.href];
    } catch {
      // A malformed address names nothing.
    }
  }
  return [location.href];
}
