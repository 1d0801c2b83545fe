import type { Mention } from '../annotate/annotator';

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
  /** The page's address and the addresses it names as its own (canonical, og:url). */
  urls: string[];
  /** In the order of their first mention. */
  entities: PageEntityCount[];
  /**
   * What Gloss reads: the page's story, the whole page (at the reader's request), or nothing,
   * on a page with no story (a front page); absent while inactive.
   */
  reading?: 'story' | 'whole-page' | 'nothing';
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

/** The page's own addresses, for matching the briefs that cite it. */
export function pageUrls(doc: Document): string[] {
  const urls = new Set<string>([doc.location.href]);
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href;
  const og = doc.querySelector<HTMLMetaElement>('meta[property="og:url"][content]')?.content;
  for (const u of [canonical, og]) {
    if (!u) continue;
    try {
      urls.add(new URL(u, doc.location.href).href);
    } catch {
      // A malformed address names nothing.
    }
  }
  return [...urls];
}
