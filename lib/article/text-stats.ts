import { SKIPPED_TAGS } from '../annotate/scope';

/** Text and links under one element, counted once for the whole story. */
export interface TextStats {
  /** Characters of text (each text node trimmed). */
  chars: number;
  /** Of those, inside links. */
  linked: number;
  links: number;
  /** Headings that are links or hold one: what teasers are made of. */
  headingLinks: number;
}

const HEADINGS = new Set(['H2', 'H3', 'H4']);

/**
 * Counts text and links for `root` and every element under it in one walk, so judging each
 * element's links costs a lookup, not a walk of its subtree (which is quadratic on deep pages).
 */
export function measureText(root: Element, into: WeakMap<Element, TextStats> = new WeakMap()): WeakMap<Element, TextStats> {
  const visit = (el: Element, inLink: boolean, inHeading: boolean): TextStats => {
    const link = el.tagName === 'A' && el.hasAttribute('href');
    const heading = HEADINGS.has(el.tagName);
    const s: TextStats = { chars: 0, linked: 0, links: link ? 1 : 0, headingLinks: (link && inHeading) || (heading && inLink) ? 1 : 0 };
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const n = (c as Text).data.trim().length;
        s.chars += n;
        if (inLink || link) s.linked += n;
      } else if (c.nodeType === 1 && !SKIPPED_TAGS.has((c as Element).tagName)) {
        const cs = visit(c as Element, inLink || link, inHeading || heading);
        s.chars += cs.chars;
        s.linked += cs.linked;
        s.links += cs.links;
        s.headingLinks += cs.headingLinks;
      }
    }
    into.set(el, s);
    return s;
  };
  visit(root, !!root.closest('a[href]'), !!root.closest('h2, h3, h4'));
  return into;
}
