import type { LocalizedString } from './types';

export interface PickedText {
  text: string;
  /** The key the text was found under, as the pack spells it. */
  lang: string;
}

const primary = (tag: string) => (tag.split('-', 1)[0] ?? '').toLowerCase();

/**
 * The text to show a reader: their first preferred language that the string
 * has, then English, then whatever comes first. Within one preference an
 * exact tag beats a relative (`pt-BR` wants `pt-BR` before `pt-PT` or `pt`),
 * and a relative beats the next preference (`pt-BR` takes `pt` before `en`).
 */
export function pickLocalized(
  ls: LocalizedString | undefined,
  preferred: readonly string[],
): PickedText | null {
  if (!ls) return null;
  const entries = Object.entries(ls).filter(([, text]) => typeof text === 'string' && text !== '');
  if (entries.length === 0) return null;

  const find = (wanted: string): PickedText | null => {
    const lower = wanted.toLowerCase();
    const exact = entries.find(([tag]) => tag.toLowerCase() === lower);
    if (exact) return { lang: exact[0], text: exact[1] };
    const base = primary(wanted);
    // The bare language (`pt`) is the better stand-in for `pt-BR` than a sibling (`pt-PT`).
    const related =
      entries.find(([tag]) => tag.toLowerCase() === base) ??
      entries.find(([tag]) => primary(tag) === base);
    return related ? { lang: related[0], text: related[1] } : null;
  };

  for (const wanted of [...preferred, 'en']) {
    const hit = wanted.trim() === '' ? null : find(wanted);
    if (hit) return hit;
  }
  const [lang, text] = entries[0] as [string, string];
  return { lang, text };
}
