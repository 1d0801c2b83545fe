import { FURNITURE_SELECTOR, FURNITURE_TAGS, namedAsFurniture } from './furniture-names';

/** A paragraph of prose and where it counts. */
interface Prose {
  el: Element;
  /** Readability's content score: length and commas, less its links. */
  score: number;
  chars: number;
}

export interface Candidate {
  el: Element;
  score: number;
  /** Paragraphs of prose (25 characters or more, mostly not links) inside it. */
  paragraphs: number;
  /** Their characters. */
  chars: number;
}

// Readability's positive names: a candidate called so gets a head start.
const STORY_NAME = /article|story|body|content|entry|main|post|text|liveblog/i;

/** Whether an element or any ancestor is furniture by tag, role or name; one look per element. */
function furnitureUp(el: Element | null, memo: Map<Element, boolean>): boolean {
  if (!el || el.tagName === 'BODY') return false;
  let f = memo.get(el);
  if (f === undefined) {
    // A name says little about a wrapper that holds the page's headline (`page-ad-margins`).
    // Most paragraphs have no attributes: then their tag alone can make them furniture.
    const own = el.hasAttributes() ? el.matches(FURNITURE_SELECTOR) || (namedAsFurniture(el) && !el.getElementsByTagName('h1').length) : FURNITURE_TAGS.has(el.tagName);
    f = own || furnitureUp(el.parentElement, memo);
    memo.set(el, f);
  }
  return f;
}

/** Text directly in an element, outside its child elements: prose written in a div with line breaks. */
function ownTextLength(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) n += (c as Text).data.trim().length;
  return n;
}

function linkedChars(el: Element): number {
  let n = 0;
  for (const a of el.getElementsByTagName('a')) n += (a.textContent ?? '').length;
  return n;
}

/** The page's paragraphs of prose outside its obvious furniture. */
export function proseOf(doc: Document): Prose[] {
  const out: Prose[] = [];
  const memo = new Map<Element, boolean>();
  const body = doc.body;
  if (!body) return out;
  const consider = (el: Element) => {
    const text = el.textContent ?? '';
    const chars = text.trim().length;
    if (chars < 25) return;
    // A paragraph of bare text (the common case) has no links to count.
    const links = el.firstElementChild && el.getElementsByTagName('a').length ? linkedChars(el) / chars : 0;
    if (links > 0.5 || furnitureUp(el, memo)) return;
    const commas = (text.match(/[,،、，]/g) ?? []).length;
    out.push({ el, chars, score: (1 + commas + Math.min(Math.floor(chars / 100), 3)) * (1 - links) });
  };
  for (const el of body.querySelectorAll('p, pre, blockquote, li')) {
    // Nested prose (a list inside a quote) counts once, at the innermost level.
    if (el.tagName === 'P' || !el.getElementsByTagName('p').length) consider(el);
  }
  // Prose written straight into a div, with line breaks for paragraphs.
  for (const el of body.getElementsByTagName('div')) if (ownTextLength(el) >= 100) consider(el);
  return out;
}

/**
 * Scores the ancestors of the page's prose as Readability does (a paragraph's score goes to
 * its parent, half to the grandparent, a third to the level above) and returns them best first.
 */
export function scoreCandidates(prose: Prose[]): Candidate[] {
  const byEl = new Map<Element, Candidate>();
  for (const p of prose) {
    let el = p.el.parentElement;
    for (let level = 0; el && level < 3 && el.tagName !== 'HTML'; level++, el = el.parentElement) {
      let c = byEl.get(el);
      if (!c) {
        const named = `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('itemprop') ?? ''}`;
        const bonus = (el.tagName === 'ARTICLE' || el.tagName === 'MAIN' ? 3 : 0) + (STORY_NAME.test(named) ? 3 : 0);
        c = { el, score: bonus, paragraphs: 0, chars: 0 };
        byEl.set(el, c);
      }
      c.score += p.score / (level + 1);
      c.paragraphs++;
      c.chars += p.chars;
    }
  }
  return [...byEl.values()].filter((c) => c.el.tagName !== 'BODY').sort((a, b) => b.score - a.score);
}
