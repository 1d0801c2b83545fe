import { safeHref } from '../card/safe-link';

export type NotePart = { text: string } | { text: string; href: string };

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence more often than it ends an address.
const TRAILING = /[.,;:!?)\]}»”’]+$/;

/** A note's text cut into plain runs and http(s) links, in order; nothing in it is read as markup. */
export function noteParts(text: string): NotePart[] {
  const parts: NotePart[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const raw = m[0].replace(TRAILING, '');
    const href = safeHref(raw);
    if (!href) continue;
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ text: raw, href });
    at = m.index + raw.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** The address "Tell the publisher" opens: the pack's feedback page with the entity and the page. */
export function feedbackHref(base: string, entity: string, page: string): string | undefined {
  const href = safeHref(base);
  if (!href || !href.startsWith('https://')) return undefined;
  const url = new URL(href);
  url.searchParams.set('entity', entity);
  url.searchParams.set('page', page);
  return url.href;
}
