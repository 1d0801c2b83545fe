/**
 * One spelling per page address, so a brief's `cites` can be compared with
 * the page a reader is on. The result is not a URL to open: it has no scheme.
 *
 *   https://www.Reuters.com/world/x/?utm_source=tw&page=2#top  →  reuters.com/world/x?page=2
 */

/** Parameters that only say where a click came from; compared lowercase. */
export const TRACKING_PARAMETERS: ReadonlySet<string> = new Set([
  'fbclid', // Facebook
  'gclid', // Google Ads
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid', // Microsoft Ads
  'mc_cid', // Mailchimp
  'mc_eid',
  'igshid', // Instagram
  'yclid', // Yandex
  'twclid', // X / Twitter
  'ref_src',
  'ref_url',
  'ttclid', // TikTok
  'li_fat_id', // LinkedIn
  '_ga', // Google Analytics cross-domain
  '_gl',
  '_hsenc', // HubSpot
  '_hsmi',
  'mkt_tok', // Marketo
  'oly_anon_id', // Omeda
  'oly_enc_id',
  'vero_id',
  'rb_clickid',
  's_cid', // Adobe campaign
]);

/** Whole families of tracking parameters, by prefix (compared lowercase). */
export const TRACKING_PREFIXES: readonly string[] = ['utm_'];

export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMETERS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

function parameterName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * `host[:port]/path[?query]`, or null for anything that is not an http(s) URL.
 * Ignores: scheme, a leading `www.`, host case, default ports, the fragment,
 * tracking parameters and a trailing slash on the path. Keeps every other
 * query parameter, in its original order and spelling: `?page=2` is another page.
 */
export function normalizeUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;

  // URL already lowercases the host; a trailing dot names the same host.
  let host = url.hostname.replace(/\.$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  if (host === '') return null;
  // With the scheme ignored, both schemes' default ports mean "no port".
  const port = url.port === '' || url.port === '80' || url.port === '443' ? '' : `:${url.port}`;

  let path = url.pathname;
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);

  // Raw pairs rather than URLSearchParams, whose re-encoding would rewrite the pairs we keep.
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParameter(parameterName(pair)));
  const query = kept.length > 0 ? `?${kept.join('&')}` : '';

  return `${host}${port}${path}${query}`;
}
