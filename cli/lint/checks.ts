/**
 * Publishing hygiene (docs/pack-format.md, "Publishing hygiene"): what in a pack's aliases will
 * give readers false highlights. Each finding names the file, the entity, the alias and the fix.
 */
import { isShortAllCaps } from '../../lib/match/char-class';
import { foldAlias } from '../../lib/match/compile';
import { primarySubtag } from '../../lib/match/language';
import type { Alias, Entity } from '../../lib/pack/types';
import type { SourceRecord } from '../records';
import { commonWords, englishFirstNames, isDictionaryWord, LANGUAGE_NAMES, LINT_LANGUAGES, type LintLanguage } from './word-lists';

export type LintCheck = 'common-word' | 'shared-alias' | 'short-alias' | 'surname' | 'place-name';

export interface LintFinding {
  check: LintCheck;
  file: string;
  entity: string;
  alias: string;
  problem: string;
  fix: string;
}

export function formatFinding(f: LintFinding): string {
  return `${f.file}: entity "${f.entity}": alias "${f.alias}": ${f.problem}; fix: ${f.fix}`;
}

interface Written {
  spec: Alias;
  /** A `name` value with no alias of its own: options can only be given by adding one. */
  isName: boolean;
  folded: string;
}

/** The entity's names and aliases as the matcher sees them (an alias equal to a name replaces it). */
function writtenForms(e: Entity): Written[] {
  const aliases = e.aliases ?? [];
  const out: Written[] = aliases.map((spec) => ({ spec, isName: false, folded: foldAlias(spec.text).key }));
  const taken = new Set(out.map((w) => w.folded));
  for (const text of Object.values(e.name)) {
    const folded = foldAlias(text).key;
    if (taken.has(folded)) continue;
    taken.add(folded);
    out.push({ spec: { text }, isName: true, folded });
  }
  return out;
}

const caseSensitive = (a: Alias) => a.caseSensitive ?? isShortAllCaps(a.text);

/** How to give a plain name an option: an alias with the same text takes its place. */
function withOption(w: Written, option: string): string {
  return w.isName ? `add the alias { text: "${w.spec.text}", ${option} } (it takes the name's place)` : `add ${option}`;
}

function languagesOf(a: Alias): LintLanguage[] {
  if (!a.lang) return [...LINT_LANGUAGES];
  const p = primarySubtag(a.lang);
  return (LINT_LANGUAGES as readonly string[]).includes(p) ? [p as LintLanguage] : [];
}

const isPlaceLike = (e: Entity) => e.kind === 'state' || e.kind === 'place';

export function lintEntities(records: readonly SourceRecord<Entity>[]): LintFinding[] {
  const out: LintFinding[] = [];
  const forms = records.map((r) => writtenForms(r.record));
  const sameAs = records.map((r) => new Set(r.record.sameAs ?? []));
  const oneEntity = (i: number, j: number) => [...sameAs[i]!].some((s) => sameAs[j]!.has(s));

  // Place and state names of the pack, for the place-name check.
  const placeNames = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (!isPlaceLike(r.record)) return;
    for (const text of Object.values(r.record.name)) {
      const k = foldAlias(text).key;
      const at = placeNames.get(k) ?? [];
      if (!at.includes(i)) at.push(i);
      placeNames.set(k, at);
    }
  });
  const byAlias = new Map<string, number[]>();

  records.forEach((r, i) => {
    const e = r.record;
    const names = Object.values(e.name).map((n) => foldAlias(n).key);
    const add = (check: LintCheck, w: Written, problem: string, fix: string) =>
      out.push({ check, file: r.file, entity: e.id, alias: w.spec.text, problem, fix });

    for (const w of forms[i]!) {
      const a = w.spec;
      const at = byAlias.get(w.folded) ?? [];
      if (!at.includes(i)) at.push(i);
      byAlias.set(w.folded, at);

      if (!a.needsContext) {
        for (const lang of languagesOf(a)) {
          const common = commonWords(lang).get(w.folded);
          // Written with other letters than the word (`Çin`, the word `cin`): folding makes them
          // one, so matching as written does not tell them apart and only needsContext helps.
          const otherLetters = common !== undefined && common.word !== a.text.toLocaleLowerCase(lang).normalize('NFC');
          if (caseSensitive(a) && !otherLetters) continue;
          // A place or state named like any ordinary word is found at the start of sentences.
          const word = common === undefined && isPlaceLike(e) && !w.folded.includes(' ') && isDictionaryWord(lang, a.text);
          if (common === undefined && !word) continue;
          const what =
            common === undefined
              ? `a ${LANGUAGE_NAMES[lang]} word`
              : `${otherLetters ? `read as the common ${LANGUAGE_NAMES[lang]} word "${common.word}"` : `a common ${LANGUAGE_NAMES[lang]} word`} (rank ${common.rank} among the most frequent)`;
          add(
            'common-word',
            w,
            otherLetters ? `is ${what}, since diacritics are folded, and has no needsContext` : `is ${what}, with neither needsContext nor caseSensitive`,
            otherLetters
              ? `${withOption(w, 'needsContext: true')} so that it counts only next to a related entity, or remove it`
              : `${withOption(w, 'needsContext: true')} so that it counts only next to a related entity, or caseSensitive: true to match it only as written (it then still matches the word at the start of a sentence), or remove it`,
          );
          break;
        }
      }

      // A place, state or group called like a person (`Georgia`, `Jordan`, `Victoria`, `Hamilton`).
      const flaggedCommon = out.some((f) => f.check === 'common-word' && f.entity === e.id && f.alias === a.text);
      if (!flaggedCommon && e.kind !== 'person' && !a.needsContext && !caseSensitive(a) && languagesOf(a).includes('en') && englishFirstNames().has(w.folded)) {
        add(
          'common-word',
          w,
          'is also an English first name, with neither needsContext nor caseSensitive',
          `${withOption(w, 'needsContext: true')} so that it counts only next to a related entity, or remove it`,
        );
      }

      const letters = [...a.text].filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
      if (letters <= 2 && !caseSensitive(a)) {
        add('short-alias', w, `has only ${letters} letter${letters === 1 ? '' : 's'} and is not case-sensitive`, `${withOption(w, 'caseSensitive: true')}, or remove it`);
      }

      if (e.kind === 'person' && !w.isName && !a.afterFull && !w.folded.includes(' ') && !names.includes(w.folded)) {
        const surname = names.some((n) => n.includes(' ') && n.slice(n.lastIndexOf(' ') + 1) === w.folded);
        if (surname) add('surname', w, 'is a surname alone, without afterFull', 'add afterFull: true so that it counts only after the full name');
      }

      if (!a.needsContext) {
        for (const j of placeNames.get(w.folded) ?? []) {
          if (j === i || oneEntity(i, j)) continue;
          const other = records[j]!.record;
          add('place-name', w, `is the name of the ${other.kind} "${other.id}" that this pack also holds (${records[j]!.file})`, `${withOption(w, 'needsContext: true')}, or remove it`);
        }
      }
    }
  });

  for (const [folded, at] of byAlias) {
    if (at.length < 2) continue;
    for (const i of at.slice(1)) {
      const w = forms[i]!.find((x) => x.folded === folded)!;
      for (const j of at) {
        if (j >= i) break;
        if (oneEntity(i, j)) continue;
        const v = forms[j]!.find((x) => x.folded === folded)!;
        if (w.spec.needsContext && v.spec.needsContext) continue;
        // Reported already as the name of a place or state.
        if (placeNames.get(folded)?.some((p) => p === i || p === j) && !(isPlaceLike(records[i]!.record) && isPlaceLike(records[j]!.record))) continue;
        const r = records[i]!;
        out.push({
          check: 'shared-alias',
          file: r.file,
          entity: r.record.id,
          alias: w.spec.text,
          problem: `is also an alias of entity "${records[j]!.record.id}" (${records[j]!.file})`,
          fix: 'add needsContext: true to both so that context decides, link them with sameAs if they are one, or remove it from one',
        });
      }
    }
  }
  return out;
}
