/**
 * The news sites Gloss annotates from install on. Anything broader is asked for at the
 * moment the reader turns a site on (optional host permissions), never at install.
 */
export const NEWS_SITES = [
  'reuters.com',
  'apnews.com',
  'bbc.com',
  'bbc.co.uk',
  'aljazeera.com',
  'theguardian.com',
  'nytimes.com',
  'yna.co.kr',
  'koreaherald.com',
  'nknews.org',
  'tass.com',
  'tass.ru',
  'aa.com.tr',
] as const;

/** Match patterns for the sites above; `*.host` covers the host itself and its subdomains. */
export const NEWS_SITE_MATCHES: string[] = NEWS_SITES.map((host) => `*://*.${host}/*`);
