/** Languages offered for the reader's list; any other code a pack uses can be typed in. */
export const COMMON_LANGUAGES = ['en', 'tr', 'ru', 'uk', 'de', 'fr', 'es', 'ar', 'fa', 'zh', 'ja', 'ko'] as const;

const CODE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** A language code as typed (`pt-br`) in its usual spelling (`pt-BR`), or null. */
export function parseLanguageCode(text: string): string | null {
  const trimmed = text.trim();
  if (!CODE.test(trimmed)) return null;
  try {
    return Intl.getCanonicalLocales(trimmed)[0] ?? null;
  } catch {
    return null;
  }
}

/** The list with one language moved up (-1) or down (+1); unchanged at either end. */
export function moveLanguage(list: readonly string[], index: number, delta: -1 | 1): string[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** Adds a language at the end, once. */
export const addLanguage = (list: readonly string[], code: string) => (list.includes(code) ? [...list] : [...list, code]);

/** Removes a language, but never the last one: cards need a language to pick from. */
export const removeLanguage = (list: readonly string[], code: string) => (list.length > 1 ? list.filter((l) => l !== code) : [...list]);
