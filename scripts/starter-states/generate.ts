/**
 * Writes the starter pack's states and capitals into kb/entities/generated/ (run by
 * `npm run kb:states`). Names in English, Turkish and Russian come from the pinned
 * `i18n-iso-countries`, English capitals from `countries-list`; what no package ships (Turkish
 * and Russian capitals, short and long forms, names as sources use them) is in states.json
 * beside this script. A state or capital that kb/ already holds by hand is left to it, and the
 * aliases that `gloss-pack lint` flags get `needsContext`, the fix it proposes.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { lintEntities } from '../../cli/lint/checks';
import { readSource } from '../../cli/source';
import { foldAlias } from '../../lib/match/compile';
import type { Alias, Entity } from '../../lib/pack/types';
import { russianForms } from './russian-forms';
import { statesData, type StatesData } from './states-data';

const require = createRequire(import.meta.url);
const LANGS = ['en', 'tr', 'ru'] as const;
type Lang = (typeof LANGS)[number];
type Names = Record<string, string | string[]>;

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const KB = join(REPO, 'kb');
export const GENERATED = join(KB, 'entities', 'generated');
const HEADER = '# Written by scripts/starter-states/generate.ts (npm run kb:states); edit states.json there, not this file.\n';

/** Files this script wrote; the source reader names them by their path. */
const isGenerated = (file: string): boolean => file.split(/[\\/]/).includes('generated');

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const namesIn = (lang: Lang): Names => (require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Names }).countries;

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const DESCRIPTION: Record<'member' | 'observer' | 'other', Record<Lang, string>> = {
  member: { en: 'Sovereign state, member of the United Nations', tr: 'Egemen devlet, Birleşmiş Milletler üyesi', ru: 'Суверенное государство, член ООН' },
  observer: { en: 'State with observer status at the United Nations', tr: 'Birleşmiş Milletler’de gözlemci statüsündeki devlet', ru: 'Государство со статусом наблюдателя в ООН' },
  other: { en: 'State recognised by part of the UN member states', tr: 'BM üyesi devletlerin bir kısmınca tanınan devlet', ru: 'Государство, признанное частью членов ООН' },
};
const CAPITAL_LABEL: Record<Lang, string> = { en: 'Capital', tr: 'Başkent', ru: 'Столица' };
const SEAT_LABEL: Record<Lang, string> = { en: 'Seat of government', tr: 'Yönetim merkezi', ru: 'Административный центр' };
const CAPITAL_OF: Record<Lang, (state: string) => string> = {
  en: (s) => `Capital of ${s}`,
  tr: (s) => `Başkent (${s})`,
  ru: (s) => `Столица (${s})`,
};
const SEAT_OF: Record<Lang, (state: string) => string> = {
  en: (s) => `Seat of government of ${s}`,
  tr: (s) => `Yönetim merkezi (${s})`,
  ru: (s) => `Административный центр (${s})`,
};
const CITY_STATE: Record<Lang, string> = { en: 'city-state', tr: 'şehir devleti', ru: 'город-государство' };

/** The states of the pack, by ISO 3166-1 alpha-2 code (XK: Kosovo), and how the UN counts them. */
export function stateCodes(data: StatesData = statesData()): { code: string; status: 'member' | 'observer' | 'other' }[] {
  return [
    ...data.unMembers.map((code) => ({ code, status: 'member' as const })),
    ...data.unObservers.map((code) => ({ code, status: 'observer' as const })),
    ...data.others.map((code) => ({ code, status: 'other' as const })),
  ];
}

/** Aliases in one language, without the names themselves and without repeats. */
function aliasesFor(texts: Partial<Record<Lang, string[]>>, name: Record<Lang, string>): Alias[] {
  const seen = new Set(Object.values(name).map((n) => foldAlias(n).key));
  const out: Alias[] = [];
  for (const lang of LANGS) {
    for (const text of texts[lang] ?? []) {
      const key = foldAlias(text).key;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(lang === 'en' ? { text } : { text, lang });
    }
  }
  return out;
}

interface Generated {
  entities: Entity[];
  /** Hand-written states of kb/ that stand for a code, and the capital id each should relate to. */
  curated: { code: string; id: string; capital: string | undefined }[];
}

export async function generate(data: StatesData = statesData()): Promise<Generated> {
  const source = await readSource(KB, { only: 'entities' });
  const handWritten = source.entities.filter((r) => !isGenerated(r.file));
  const byId = new Map(handWritten.map((r) => [r.record.id, r.record]));
  const placeByName = new Map(handWritten.filter((r) => r.record.kind === 'place').map((r) => [r.record.name.en, r.record.id]));
  const pkg = { en: namesIn('en'), tr: namesIn('tr'), ru: namesIn('ru') };
  const capitalsPkg = (require('countries-list') as { countries: Record<string, { capital: string }> }).countries;

  const entities: Entity[] = [];
  const curated: Generated['curated'] = [];
  for (const { code, status } of stateCodes(data)) {
    const fromPkg = Object.fromEntries(LANGS.map((l) => [l, list(pkg[l][code])])) as Record<Lang, string[]>;
    const name = Object.fromEntries(
      LANGS.map((l) => [l, data.names[code]?.[l] ?? fromPkg[l][0]]),
    ) as Record<Lang, string>;
    for (const l of LANGS) if (!name[l]) throw new Error(`${code}: no ${l} name in i18n-iso-countries or states.json`);
    const stateId = data.curated[code] ?? slug(name.en);
    const cityState = data.cityStates.includes(code);
    const cap = data.capitals[code];
    if (!cityState && !cap) throw new Error(`${code}: no capital in states.json`);
    if (cap && capitalsPkg[code] === undefined) throw new Error(`${code}: not in countries-list`);
    const capitalName = cap ? { en: cap[0], tr: cap[1], ru: cap[2] } : undefined;
    const capitalId = capitalName ? (placeByName.get(capitalName.en) ?? slug(capitalName.en)) : undefined;

    if (capitalName && capitalId && !byId.has(capitalId)) {
      entities.push({
        id: capitalId,
        kind: 'place',
        name: capitalName,
        aliases: aliasesFor({ ru: russianForms(capitalName.ru) }, capitalName),
        description: Object.fromEntries(LANGS.map((l) => [l, (data.seatOfGovernment.includes(code) ? SEAT_OF : CAPITAL_OF)[l](name[l])])),
        related: [stateId],
      });
    }
    if (byId.has(stateId)) {
      curated.push({ code, id: stateId, capital: capitalId });
      continue;
    }
    const extra = data.aliases[code] ?? {};
    const texts: Partial<Record<Lang, string[]>> = {};
    for (const l of LANGS) {
      const all = [...fromPkg[l], ...(extra[l] ?? [])].filter((t) => !(data.dropped[code] ?? []).includes(t));
      texts[l] = l === 'ru' ? [...all, ...all.flatMap(russianForms)] : all;
    }
    const capitalValue = capitalName ?? Object.fromEntries(LANGS.map((l) => [l, `${name[l]} (${CITY_STATE[l]})`]));
    entities.push({
      id: stateId,
      kind: 'state',
      name,
      aliases: aliasesFor(texts, name),
      description: DESCRIPTION[status],
      facts: [{ label: data.seatOfGovernment.includes(code) ? SEAT_LABEL : CAPITAL_LABEL, value: capitalValue }],
      ...(capitalId ? { related: [capitalId] } : {}),
    });
  }
  const ids = new Set<string>();
  for (const e of entities) {
    if (ids.has(e.id) || byId.has(e.id)) throw new Error(`${e.id}: the id is taken twice; give one an id in states.json`);
    ids.add(e.id);
  }
  return { entities: withLintFixes(entities, handWritten.map((r) => r.record), data.caseSensitive), curated };
}

/**
 * Every alias of a generated entity that lint flags as ambiguous gets the fix lint proposes:
 * `needsContext`, or `caseSensitive` for a common word whose capitalised form is only the name
 * (states.json, caseSensitive: `Israel`, `Mısır`, `Вена`).
 */
function withLintFixes(generated: Entity[], handWritten: Entity[], caseSensitive: readonly string[]): Entity[] {
  const all = [...handWritten, ...generated];
  const findings = lintEntities(all.map((record) => ({ record, file: record.id, label: `entity "${record.id}"` })));
  type Fix = 'needsContext' | 'caseSensitive';
  const flagged = new Map<string, Map<string, Fix>>();
  const flag = (id: string, text: string, fix: Fix) => {
    const at = flagged.get(id) ?? new Map<string, Fix>();
    if (at.get(text) !== 'needsContext') at.set(text, fix);
    flagged.set(id, at);
  };
  for (const f of findings) {
    if (f.check === 'common-word') flag(f.entity, f.alias, caseSensitive.includes(f.alias) ? 'caseSensitive' : 'needsContext');
    else if (f.check === 'place-name') flag(f.entity, f.alias, 'needsContext');
    else if (f.check === 'shared-alias') {
      // A shared alias is reported at one of the two; the fix is on both.
      const key = foldAlias(f.alias).key;
      for (const e of [all.find((x) => x.id === f.entity)!, ...generated]) {
        const texts = [...(e.aliases ?? []).map((a) => a.text), ...Object.values(e.name)];
        for (const t of texts) if (foldAlias(t).key === key) flag(e.id, t, 'needsContext');
      }
    }
  }
  return generated.map((e) => {
    const fixes = flagged.get(e.id);
    if (!fixes) return e;
    const aliases: Alias[] = (e.aliases ?? []).map((a) => {
      const fix = fixes.get(a.text);
      return fix ? { ...a, [fix]: true } : a;
    });
    // A flagged name is written again as an alias, which carries the option in its place.
    for (const [lang, text] of Object.entries(e.name)) {
      const fix = fixes.get(text);
      if (fix && !aliases.some((a) => a.text === text)) aliases.push({ text, ...(lang === 'en' ? {} : { lang }), [fix]: true });
    }
    return { ...e, aliases };
  });
}

export function yamlOf(e: Entity): string {
  const { aliases, ...rest } = e;
  const clean = aliases?.length ? { ...rest, aliases } : rest;
  return HEADER + stringify(clean, { lineWidth: 0 });
}

export async function writeGenerated(entities: Entity[]): Promise<void> {
  await rm(GENERATED, { recursive: true, force: true });
  for (const e of entities) {
    const dir = join(GENERATED, e.kind);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${e.id}.yaml`), yamlOf(e));
  }
}

async function main(): Promise<void> {
  const { entities, curated } = await generate();
  await writeGenerated(entities);
  const written = await readdir(GENERATED, { recursive: true });
  console.log(`kb:states: wrote ${written.filter((f) => f.endsWith('.yaml')).length} files to ${relative(REPO, GENERATED)}`);
  const source = await readSource(KB, { only: 'entities' });
  const byId = new Map(source.entities.map((r) => [r.record.id, r.record]));
  for (const c of curated) {
    if (c.capital && !(byId.get(c.id)?.related ?? []).includes(c.capital)) {
      console.log(`kb:states: hand-written ${c.id} (${c.code}) does not list its capital "${c.capital}" in related`);
      process.exitCode = 1;
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
