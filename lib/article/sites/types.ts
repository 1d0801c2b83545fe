/**
 * What Gloss knows of one news site's markup. Kept as plain data, one file per site, so a
 * contributor who knows a site can correct it without reading the article finder.
 */
export interface SiteRule {
  /** Registrable hosts; subdomains match too (`reuters.com` covers `www.reuters.com`). */
  hosts: string[];
  /** The story's body, most specific first; the first selector that finds text wins. */
  body: string[];
  /**
   * The story as a whole (headline, standfirst, body, captions), when the site wraps it in
   * one element; the body must lie inside it. Left out, the finder joins the headline to the body.
   */
  story?: string[];
  /** More of the site's own furniture to leave out inside the story (share bars, inline promos). */
  exclude?: string[];
  /** Paths that are never a story: the home page, section fronts, search. */
  fronts?: RegExp[];
}
