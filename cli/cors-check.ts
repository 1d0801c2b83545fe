/**
 * What a browser would think of a pack server's headers. Node's fetch ignores
 * CORS, so `verify URL` asks the questions a browser asks itself.
 */
import type { Fetch } from '../lib/sync/fetch-file';

/** An extension's origin, as browsers send it. */
const EXTENSION_ORIGIN = 'chrome-extension://gloss';

export async function checkHeaders(fetch: Fetch, manifestUrl: string): Promise<string[]> {
  const warnings: string[] = [];
  const get = await fetch(manifestUrl, { headers: { Origin: EXTENSION_ORIGIN } });
  await get.body?.cancel();
  const allow = get.headers.get('access-control-allow-origin');
  if (allow !== '*' && allow !== EXTENSION_ORIGIN) {
    warnings.push(
      'pack.json: has no "Access-Control-Allow-Origin: *" header; Gloss must then ask each reader for permission to read this site',
    );
  }
  if (!get.headers.get('etag') && !get.headers.get('last-modified')) {
    warnings.push('pack.json: has neither ETag nor Last-Modified; every check for updates downloads it whole');
  }
  // Conditional requests carry If-None-Match, which browsers only send cross-origin after a preflight.
  const preflight = await fetch(manifestUrl, {
    method: 'OPTIONS',
    headers: {
      Origin: EXTENSION_ORIGIN,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'if-none-match, if-modified-since',
    },
  }).catch(() => null);
  await preflight?.body?.cancel();
  const allowed = (preflight?.headers.get('access-control-allow-headers') ?? '').toLowerCase();
  const preflightOk =
    preflight !== null &&
    preflight.ok &&
    preflight.headers.get('access-control-allow-origin') !== null &&
    (allowed.includes('*') || (allowed.includes('if-none-match') && allowed.includes('if-modified-since')));
  if (!preflightOk) {
    warnings.push(
      'pack.json: an OPTIONS request does not allow the headers If-None-Match and If-Modified-Since; browsers may refuse Gloss\'s update checks (see docs/publishing.md, "Hosting")',
    );
  }
  // Last-Modified is readable cross-origin as it is; ETag only when exposed.
  const exposed = (get.headers.get('access-control-expose-headers') ?? '').toLowerCase();
  if (get.headers.get('etag') && !get.headers.get('last-modified') && !/etag|\*/.test(exposed)) {
    warnings.push('pack.json: its ETag is not listed in Access-Control-Expose-Headers, so Gloss cannot see it');
  }
  return warnings;
}
