import { isHttpUrl } from '../pack/http-url';

/**
 * The URL to put in an `href`, or undefined. Packs are validated on the way in, but
 * a card is the last place a `javascript:` or `data:` address could turn into a
 * click, so links are checked again where they are shown.
 */
export function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string' || !isHttpUrl(url)) return undefined;
  return new URL(url).href;
}

/** The host a link without a title is shown by (`www.` left out). */
export function hostOf(href: string): string {
  return new URL(href).hostname.replace(/^www\./, '');
}
