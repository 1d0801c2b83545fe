/**
 * Checks of what content scripts send. A content script runs beside a page that may be
 * hostile and can be influenced by it, so its arguments are treated as untrusted input:
 * shapes and sizes are checked before they reach the store.
 */

const MAX_LANGUAGES = 16;
const MAX_URLS = 4;

function fail(what: string): never {
  throw new Error(`Gloss refused a malformed request (${what}).`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function checkLanguages(v: unknown): string[] {
  if (!Array.isArray(v) || v.length > MAX_LANGUAGES) fail('languages');
  return v.filter((l): l is string => typeof l === 'string' && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(l));
}

export function checkCardArgs(args: unknown): { key: string; languages: string[] } {
  if (!isObject(args)) fail('card');
  const { key } = args;
  if (typeof key !== 'string' || key.length > 200 || !/^\d+:[a-z0-9][a-z0-9-]*$/.test(key)) fail('key');
  return { key, languages: checkLanguages(args.languages) };
}

export function checkCitingArgs(args: unknown): { urls: string[]; languages: string[] } {
  if (!isObject(args) || !Array.isArray(args.urls) || args.urls.length > MAX_URLS) fail('urls');
  const urls = args.urls.filter((u): u is string => typeof u === 'string' && u.length <= 2048);
  return { urls, languages: checkLanguages(args.languages) };
}

export function checkCount(args: unknown): number {
  const count = isObject(args) ? args.count : undefined;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1_000_000) fail('count');
  return count;
}

/** The toolbar badge for a count of entities: empty for none, capped so it fits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
