/** The import's own words in the pack (fact labels, link titles), per language it knows. */
import type { LocalizedString } from '../../lib/pack/types';

export const FACT_LABELS = {
  office: { en: 'Office', tr: 'Görev', ru: 'Должность' },
  party: { en: 'Party', tr: 'Parti', ru: 'Партия' },
  country: { en: 'Country', tr: 'Ülke', ru: 'Страна' },
  capital: { en: 'Capital', tr: 'Başkent', ru: 'Столица' },
} as const satisfies Record<string, LocalizedString>;

export type FactName = keyof typeof FACT_LABELS;

/** "Office (since 2011-12-30)" in each language. */
export const SINCE: Readonly<Record<string, (value: string, date: string) => string>> = {
  en: (v, d) => `${v} (since ${d})`,
  tr: (v, d) => `${v} (başlangıç: ${d})`,
  ru: (v, d) => `${v} (с ${d})`,
};

export const WIKIPEDIA_TITLE: Readonly<Record<string, LocalizedString>> = {
  en: { en: 'Wikipedia (English)', tr: 'Vikipedi (İngilizce)', ru: 'Википедия (английский)' },
  tr: { en: 'Wikipedia (Turkish)', tr: 'Vikipedi (Türkçe)', ru: 'Википедия (турецкий)' },
  ru: { en: 'Wikipedia (Russian)', tr: 'Vikipedi (Rusça)', ru: 'Википедия (русский)' },
};

/** The labels of the languages asked for that the import has words in. */
export function pick(words: LocalizedString, languages: readonly string[]): LocalizedString {
  const out: LocalizedString = {};
  for (const l of languages) if (words[l]) out[l] = words[l];
  return Object.keys(out).length > 0 ? out : { en: words.en ?? Object.values(words)[0] ?? '' };
}
