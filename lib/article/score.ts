import { PAGE_FURNITURE_SELECTOR, namedAsFurniture } from './boilerplate';

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

const PROSE_SELECTOR = 'p, pre, blockquote, li, div';
// Readability's positive names: a candidate called so gets a head start.
const STORY_NAME = /article|story|body|content|entry|main|post|text|liveblog/i;

function isFurnitureAncestry(el: Element, named: Map<Element, boolean>): boolean {
  if (el.closest(PAGE_FURNITURE_SELECTOR)) return true;
  // Names are read up to six levels up; the page's outer frame carries no names that matter.
  let e: Element | null = el;
  for (let depth = 0; e && depth < 6; depth++, e = e.parentElement) {
    let n = named.get(e);
    if (n === undefined) named.set(e, (n = namedAsFurniture(e)));
    if (n) return true;
  }
  return false;
}

function linkedChars(el: Element): number {
  let n = 0;
  for (const a of el.getElementsByTagName('a')) n += (a.textContent ?? '').length;
  return n;
}

/** Text directly in an element, outside its child elements: prose written in a div with line breaks. */
function ownTextLength(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) n += (c as Text).data.trim().length;
  return n;
}

/** The page's paragraphs of prose outside its obvious furniture. */
export function proseOf(doc: Document): Prose[] {
  const out: Prose[] = [];
  const named = new Map<Element, boolean>();
  for (const el of doc.body?.querySelectorAll(PROSE_SELECTOR) ?? []) {
    // Nested prose (a list inside a quote, a div of text with a paragraph in it) counts once, innermost.
    if (el.tagName !== 'P' && el.querySelector('p')) continue;
    if (el.tagName === 'DIV' && ownTextLength(el) < 100) continue;
    const text = el.textContent ?? '';
    const chars = text.trim().length;
    if (chars < 25) continue;
    const links = linkedChars(el) / chars;
    if (links > 0.5) continue;
    if (isFurnitureAncestry(el, named)) continue;
    const commas = (text.match(/[,،、，]/g) ?? []).length;
    out.push({ el, chars, score: (1 + commas + Math.min(Math.floor(chars / 100), 3)) * (1 - links) });
  }
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
