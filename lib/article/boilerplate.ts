/**
 * What is not the story even inside the story's element: navigation, teasers, related and
 * most-read lists, bylines and bios, tags, share bars, ads, comments, cookie banners, and text
 * the reader cannot see. Judged per element from its tag, role, names and links, so it costs
 * one look at each element the block walk visits.
 */

/** Always furniture, wherever it sits. */
const FURNITURE_SELECTOR = [
  'nav', 'aside', 'footer', 'form', 'dialog', 'button', 'menu',
  '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]', '[role="search"]',
  '[role="banner"]', '[role="dialog"]', '[role="alertdialog"]', '[role="menu"]', '[role="menubar"]',
  '[role="toolbar"]', '[role="tablist"]', '[role="doc-biblioentry"]',
  '[hidden]', '[aria-hidden="true"]', '[inert]',
].join(',');

/**
 * Words in class, id and test names that mark furniture. Matched on word boundaries after
 * camelCase and separators are split, so `RelatedStories`, `related-stories` and
 * `related_stories` all read as `related`, while `navigation` does not hide `canvas`.
 */
const FURNITURE_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'breadcrumb', 'breadcrumbs', 'masthead',
  'related', 'recirc', 'recirculation', 'trending', 'popular', 'mostread', 'mostpopular', 'mostviewed',
  'readnext', 'readmore', 'upnext', 'seealso', 'alsoread', 'moreon', 'morefrom', 'moreabout',
  'teaser', 'teasers', 'promo', 'promos', 'sponsor', 'sponsored', 'advert', 'advertisement', 'ad', 'ads',
  'adslot', 'dfp', 'gpt', 'outbrain', 'taboola', 'newsletter', 'subscribe', 'subscription', 'signup',
  'cookie', 'cookies', 'consent', 'gdpr', 'comment', 'comments', 'disqus', 'share',
  'sharing', 'social', 'byline', 'bylines', 'author', 'authors', 'bio', 'contributor', 'kicker',
  'eyebrow', 'tag', 'tags', 'keywords', 'topics', 'sidebar', 'rail', 'widget', 'toolbar', 'modal',
  'popup', 'skip', 'print', 'copyright', 'disclaimer',
]);
// Joined pairs, so `most-read`, `read_next` and `MostRead` read alike.
const FURNITURE_PAIRS = new Set(['most read', 'most popular', 'most viewed', 'read next', 'read more', 'up next', 'see also', 'also read', 'more on', 'more from', 'more about', 'header nav']);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// As in Readability, a name that also says "this is the story" is not furniture
// (`l-sidebar-fixed l-article-body-segment` holds a story beside a sidebar).
const STORY_WORDS = new Set(['article', 'body', 'column', 'content', 'main', 'story', 'entry']);
const HOLDERS = new Set(['with', 'has', 'no', 'without']);
// The story's own containers are judged by their links, never by their names.
const STORY_TAGS = new Set(['ARTICLE', 'MAIN', 'BODY', 'HTML']);

/** Whether an element's names (class, id, test ids) mark it as furniture. */
export function namedAsFurniture(el: Element): boolean {
  if (STORY_TAGS.has(el.tagName)) return false;
  const names = [el.getAttribute('class'), el.id, el.getAttribute('data-testid'), el.getAttribute('data-component'), el.getAttribute('data-gu-name'), el.getAttribute('data-module')]
    .filter(Boolean)
    .join(' ');
  if (!names) return false;
  const ws = words(names);
  let furniture = false;
  for (let i = 0; i < ws.length; i++) {
    if (STORY_WORDS.has(ws[i]!)) return false;
    // `layout-with-rail`, `has-sidebar`, `no-ads`: a layout around furniture, not the furniture.
    if (i > 0 && HOLDERS.has(ws[i - 1]!)) continue;
    if (FURNITURE_WORDS.has(ws[i]!) || (i > 0 && FURNITURE_PAIRS.has(`${ws[i - 1]} ${ws[i]}`))) furniture = true;
  }
  return furniture;
}

const textLength = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim().length;

/** The share of an element's text that sits in links. */
export function linkDensity(el: Element): number {
  const total = textLength(el);
  if (!total) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a[href]')) linked += textLength(a);
  return Math.min(1, linked / total);
}

/** A heading that is a link: what a teaser card or a list of other stories is made of. */
export function headingLinks(el: Element): number {
  return el.querySelectorAll('h2 a[href], h3 a[href], h4 a[href], a[href] h2, a[href] h3, a[href] h4').length;
}

// Containers worth a link count: story cards and lists. Paragraphs are judged by their links alone.
const CARD_TAGS = new Set(['ARTICLE', 'SECTION', 'UL', 'OL', 'DIV', 'FIGURE', 'TABLE']);

/**
 * Whether `el`, inside a story, is a teaser or a list of links to other stories: mostly link
 * text, or built of linked headings. A live blog's entries (`article`s of prose) are not.
 */
export function isLinkBlock(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'P' || tag === 'LI') {
    // A paragraph that is one link ("Read more: ...") points elsewhere; prose with links does not.
    const total = textLength(el);
    return total > 0 && total < 200 && linkDensity(el) > 0.9;
  }
  if (!CARD_TAGS.has(tag)) return false;
  // Plain divs are only judged when they hold no paragraphs of their own: story bodies are divs too.
  if (tag === 'DIV' && el.querySelector(':scope > p')) return false;
  const links = el.querySelectorAll('a[href]').length;
  if (links === 0) return false;
  if (headingLinks(el) >= (tag === 'ARTICLE' ? 1 : 2)) return true;
  return links >= 2 && linkDensity(el) > 0.6;
}

/** Whether the reader cannot see the element (it and its text are never painted). */
export function isHidden(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden' || style.contentVisibility === 'hidden';
}

/**
 * Whether an element inside the story is furniture to leave out, with its subtree. `extra`
 * is a site rule's own selector.
 */
export function isFurniture(el: Element, extra?: string): boolean {
  if (el.matches(FURNITURE_SELECTOR)) return true;
  if (extra && el.matches(extra)) return true;
  if (namedAsFurniture(el)) return true;
  if (isLinkBlock(el)) return true;
  // Computed style only where a name or attribute can hide it: menus, drawers, tab panels.
  if ((el.hasAttribute('class') || el.hasAttribute('style') || el.id) && !INLINE_TAGS.has(el.tagName) && isHidden(el)) return true;
  return false;
}

const INLINE_TAGS = new Set(['A', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'U', 'SMALL', 'SUB', 'SUP', 'ABBR', 'CITE', 'Q', 'TIME', 'MARK', 'CODE', 'BR', 'WBR', 'IMG', 'PICTURE', 'SOURCE']);

/** Furniture anywhere on a page, for judging candidates (no computed style, no link counts). */
export const PAGE_FURNITURE_SELECTOR = FURNITURE_SELECTOR;
