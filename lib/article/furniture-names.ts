/**
 * Furniture known by its tag, role or names: navigation, menus, asides, dialogs, hidden
 * elements, and elements whose class, id or test names say related, most read, byline, tags,
 * share, ad, newsletter, cookie banner and the like.
 */

/** Always furniture, wherever it sits. */
export const FURNITURE_SELECTOR = [
  'nav', 'aside', 'footer', 'form', 'dialog', 'button', 'menu',
  '[role="navigation"]', '[role="complementary"]', '[role="contentinfo"]', '[role="search"]',
  '[role="banner"]', '[role="dialog"]', '[role="alertdialog"]', '[role="menu"]', '[role="menubar"]',
  '[role="toolbar"]', '[role="tablist"]', '[role="doc-biblioentry"]',
  '[hidden]', '[aria-hidden="true"]', '[inert]',
].join(',');

/** The tags among FURNITURE_SELECTOR: an element with no attributes is furniture only by these. */
export const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'DIALOG', 'BUTTON', 'MENU']);

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
  'eyebrow', 'tag', 'tags', 'keywords', 'topics', 'sidebar', 'rail', 'toolbar', 'modal',
  'popup', 'skip', 'print', 'copyright', 'disclaimer', 'offscreen', 'visuallyhidden', 'interactive',
  'ai2html', 'infographic', 'chart',
]);
// Joined pairs, so `most-read`, `read_next` and `MostRead` read alike.
const FURNITURE_PAIRS = new Set(['off screen', 'sr only', 'visually hidden', 'screen reader', 'most read', 'most popular', 'most viewed', 'read next', 'read more', 'up next', 'see also', 'also read', 'more on', 'more from', 'more about', 'header nav']);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

// Words of names that say "this is the story".
const STORY_WORDS = new Set(['article', 'body', 'column', 'content', 'main', 'story', 'entry']);
const HOLDERS = new Set(['with', 'has', 'no', 'without']);
// The story's own containers are judged by their links, never by their names.
const STORY_TAGS = new Set(['ARTICLE', 'MAIN', 'BODY', 'HTML']);

/** Whether one name (a class, an id) says furniture (1), story (2) or neither (0). */
function nameSays(name: string): 0 | 1 | 2 {
  const ws = words(name);
  let story = false;
  for (let i = 0; i < ws.length; i++) {
    // `layout-with-rail`, `has-sidebar`, `no-ads`: a layout around furniture, not the furniture.
    if (i > 0 && HOLDERS.has(ws[i - 1]!)) continue;
    if (FURNITURE_WORDS.has(ws[i]!) || (i > 0 && FURNITURE_PAIRS.has(`${ws[i - 1]} ${ws[i]}`))) return 1;
    if (STORY_WORDS.has(ws[i]!)) story = true;
  }
  return story ? 2 : 0;
}

/**
 * Whether an element's names (classes, id, test ids) mark it as furniture: one of them names
 * furniture (`article__byline`, `related-stories`) and none names the story alone
 * (`l-sidebar-fixed l-article-body` holds a story beside a sidebar).
 */
export function namedAsFurniture(el: Element): boolean {
  if (STORY_TAGS.has(el.tagName) || !el.hasAttributes()) return false;
  const names = [el.getAttribute('class'), el.id, el.getAttribute('data-testid'), el.getAttribute('data-component'), el.getAttribute('data-gu-name'), el.getAttribute('data-module')];
  let furniture = false;
  for (const attr of names) {
    if (!attr) continue;
    for (const name of attr.split(/\s+/)) {
      // Atomic CSS (`Mstart(82px)--modalMinWidth`) describes looks, not what a thing is.
      const says = name && !name.includes('(') ? nameSays(name) : 0;
      if (says === 2) return false;
      if (says === 1) furniture = true;
    }
  }
  return furniture;
}
