import { FURNITURE_SELECTOR, namedAsFurniture } from './furniture-names';
import type { TextStats } from './text-stats';

/**
 * What is not the story even inside the story's element: furniture by tag, role or name (see
 * furniture-names), teasers and lists of links to other stories, and text the reader cannot
 * see. Judged per element the block walk visits, from counts made once (text-stats).
 */

// Containers worth a link count: story cards and lists. Paragraphs are judged by their links alone.
const CARD_TAGS = new Set(['ARTICLE', 'SECTION', 'UL', 'OL', 'DIV', 'FIGURE', 'TABLE']);

/**
 * Whether an element inside a story is a teaser or a list of links to other stories: mostly link
 * text, or built of linked headings with a line or two each. A live blog's entries (`article`s
 * of prose) and a column of the story (paragraphs per heading) are not.
 */
export function isLinkBlock(el: Element, s: TextStats): boolean {
  // Linked text counts whether the link is inside the element or around it (a card that is one
  // `<a>` holding an image, a title and a summary).
  if (!s.chars || !s.linked) return false;
  const density = s.linked / s.chars;
  const tag = el.tagName;
  // A paragraph that is one link, perhaps behind a short label ("Read more: ...", "Also read:"),
  // points elsewhere; prose with links does not.
  if (tag === 'P' || tag === 'LI') return s.chars < 200 && (density > 0.9 || (s.links === 1 && s.chars - s.linked <= 20 && density > 0.5));
  if (!CARD_TAGS.has(tag)) return false;
  if (s.headingLinks >= (tag === 'ARTICLE' ? 1 : 2) && s.chars - s.linked < 400 * s.headingLinks) return true;
  // One linked heading with its summary, all of it the link: a card for another story.
  if (s.headingLinks >= 1 && density > 0.9) return true;
  return s.links >= 2 && density > 0.6;
}

/** Whether the reader cannot see the element (it and its text are never painted). */
export function isHidden(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden' || style.contentVisibility === 'hidden';
}

const COMMENTS = '[class*="comment" i], [id*="comment" i], [class*="disqus" i], [id*="disqus" i]';
// Text-level tags: hiding is done on the blocks around them.
const INLINE_TAGS = new Set(['A', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'U', 'SMALL', 'SUB', 'SUP', 'ABBR', 'CITE', 'Q', 'TIME', 'MARK', 'CODE', 'BR', 'WBR', 'IMG', 'PICTURE', 'SOURCE']);

/**
 * Whether an element inside the story is furniture to leave out, with its subtree. `extra` is a
 * site rule's own selector.
 */
export function isFurniture(el: Element, stats: TextStats, extra?: string): boolean {
  if (el.matches(FURNITURE_SELECTOR)) return true;
  if (extra && el.matches(extra)) return true;
  // A name is not enough to drop pages of prose: the rest of a story behind a "read more"
  // button is still the story. Comments are not, however long.
  if (namedAsFurniture(el) && (stats.chars - stats.linked < 600 || el.matches(COMMENTS))) return true;
  if (isLinkBlock(el, stats)) return true;
  // Computed style only where a name or attribute can hide it: menus, drawers, tab panels.
  if ((el.hasAttribute('class') || el.hasAttribute('style') || el.id) && !INLINE_TAGS.has(el.tagName) && isHidden(el)) return true;
  return false;
}
