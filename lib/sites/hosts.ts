import { NEWS_SITES } from '../news-sites';

/** The host Gloss keys a page by (`www.reuters.com`), or null where it cannot run (`chrome:`, `about:`, files). */
export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return parsed.hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** One of the news sites Gloss runs on from install (the host itself or a subdomain of it). */
export function isDefaultHost(host: string): boolean {
  return NEWS_SITES.some((site) => host === site || host.endsWith(`.${site}`));
}

/** The match pattern for one host, as asked for in the permission request and the registration. */
export const hostPattern = (host: string) => `*://${host}/*`;

const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * What a reader typed into the sites list (`example.org`, `https://example.org/news`) as a
 * host, or null when it is not one. International names come back in their ASCII form.
 */
export function parseHostInput(text: string): string | null {
  const trimmed = text.trim().toLowerCase();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`;
  const host = hostOf(withScheme);
  return host && HOST_NAME.test(host) && host.includes('.') ? host : null;
}

/** The host of a pattern made by hostPattern, or null for any other pattern (a pack server's, a default site's). */
export function hostOfPattern(pattern: string): string | null {
  const m = /^\*:\/\/([^/*]+)\/\*$/.exec(pattern);
  return m ? m[1]! : null;
}
