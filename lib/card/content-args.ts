/**
 * Checks of what content scripts send. A content script runs beside a page that may be
 * hostile and can be influenced by it, so its arguments are treated as untrusted input:
 * shapes and sizes are checked before they reach the store.
 */

const MAX_LANGUAGES = 16;
const MAX_URLS = 4;

/** Far above a long live blog's article (a few hundred blocks, ~200,000 characters). */
export const MATCH_LIMITS = {
  blocks: 10_000,
  blockChars: 1_000_000,
  totalChars: 4_000_000,
  unlocked: 10_000,
} as const;

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

/** A `match` request: blocks of page text, the page's language, the entities already named. */
export function checkMatchArgs(args: unknown): { blocks: string[]; lang: string; unlocked: string[] } {
  if (!isObject(args)) fail('match');
  const { blocks, lang, unlocked } = args;
  if (!Array.isArray(blocks) || blocks.length > MATCH_LIMITS.blocks) fail('blocks');
  let total = 0;
  for (const b of blocks) {
    if (typeof b !== 'string' || b.length > MATCH_LIMITS.blockChars) fail('blocks');
    total += b.length;
  }
  if (total > MATCH_LIMITS.totalChars) fail('blocks');
  if (typeof lang !== 'string' || lang.length > 35 || !/^([A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*)?$/.test(lang)) fail('lang');
  if (!Array.isArray(unlocked) || unlocked.length > MATCH_LIMITS.unlocked) fail('unlocked');
  if (!unlocked.every((k) => typeof k === 'string' && k.length <= 200)) fail('unlocked');
  return { blocks: blocks as string[], lang, unlocked: unlocked as string[] };
}
