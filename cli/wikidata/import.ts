/**
 * import-wikidata: items named by id, SPARQL results or a dump → entity files in a pack source
 * folder. Everything is fetched, mapped, checked and linted before the first file is written, so a
 * failure at any step (a bad id, the network, a truncated dump) leaves the folder as it was.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Entity, LocalizedString } from '../../lib/pack/types';
import { CliError } from '../errors';
import { count, silent, type Log } from '../log';
import { checkRecords, type SourceRecord } from '../records';
import { readSource } from '../source';
import { fetchItems, fetchLabels, type ApiOptions } from './api';
import { readDump, type DumpFilter } from './dump';
import { fileName, fileText, slug, untouchedFiles } from './files';
import { lintAndFix } from './lint-fix';
import { byQ, type RawItem } from './raw';
import { finish, namedItems, readItem, type Draft } from './to-entity';

export type ImportInput = { ids: string[] } | { dump: string; filter?: DumpFilter };

export interface WikidataOptions extends ApiOptions {
  /** The pack source folder. */
  src: string;
  /** Default en, tr, ru. */
  languages?: string[];
  /** Where entity files go (default SRC/entities/wikidata). */
  out?: string;
  log?: Log;
}

export interface WikidataResult {
  entities: Entity[];
  written: string[];
  unchanged: number;
  /** Files the publisher edited, left as they are. */
  kept: string[];
  skipped: string[];
  lintChanges: string[];
  out: string;
}

const WRITE_AHEAD = 16;
const PROPS = ['labels', 'aliases', 'descriptions', 'claims', 'sitelinks'] as const;

/** The requested items, refusing ids the API does not hold or holds under another id. */
async function itemsById(ids: string[], languages: string[], opts: WikidataOptions): Promise<RawItem[]> {
  const found = await fetchItems(ids, languages, [...PROPS], opts);
  const problems: string[] = [];
  const out: RawItem[] = [];
  const redirectedFrom = new Map<string, string>();
  for (const value of Object.values(found)) {
    const r = (value as { redirects?: { from: string; to: string } }).redirects;
    if (r) redirectedFrom.set(r.from, r.to);
  }
  for (const id of ids) {
    const to = redirectedFrom.get(id);
    if (to) {
      problems.push(`${id}: is a redirect to ${to} (the items were merged); list ${to} instead`);
      continue;
    }
    const item = found[id] as (RawItem & { missing?: string }) | undefined;
    if (!item || 'missing' in item) problems.push(`${id}: no such item (it was never created or has been deleted)`);
    else out.push(item);
  }
  if (problems.length > 0) throw new CliError([...problems, 'nothing was written']);
  return out;
}

export async function importWikidata(input: ImportInput, opts: WikidataOptions): Promise<WikidataResult> {
  const log = opts.log ?? silent;
  const languages = opts.languages ?? ['en', 'tr', 'ru'];
  const out = opts.out ?? join(opts.src, 'entities', 'wikidata');
  const untouched = await untouchedFiles(out);
  const source = await readSource(opts.src, { log, only: 'entities' });
  const ours = new Set([...untouched.keys()].map((name) => resolve(out, name)));
  const isOurs = (r: SourceRecord<Entity>) => ours.has(resolve(r.file));
  const own = source.entities.filter((r) => !isOurs(r));
  const ownByQ = new Map<string, SourceRecord<Entity>>();
  for (const r of own) for (const s of r.record.sameAs ?? []) if (s.startsWith('wikidata:')) ownByQ.set(s.slice(9), r);

  const drafts: Draft[] = [];
  const skipped: string[] = [];
  const take = (raw: RawItem) => {
    const held = ownByQ.get(raw.id);
    if (held) return void skipped.push(`${raw.id}: kept your entity "${held.record.id}" (${held.file}), which has sameAs wikidata:${raw.id}`);
    const read = readItem(raw, languages);
    if ('skipped' in read) skipped.push(read.skipped);
    else drafts.push(read.draft);
  };
  if ('ids' in input) {
    log(`fetching ${count(input.ids.length, 'item', 'items')} from ${opts.api ?? 'Wikidata'}`);
    for (const raw of await itemsById(input.ids, languages, opts)) take(raw);
  } else {
    log(`reading ${input.dump}`);
    let n = 0;
    for await (const raw of readDump(input.dump, input.filter)) {
      take(raw);
      if (++n % 10_000 === 0) log(`  ${n} items`);
    }
  }
  drafts.sort((a, b) => byQ(a.q, b.q));

  // Ids: the English label's slug, made unique by the Q-id where two would meet.
  const taken = new Set(own.map((r) => r.record.id));
  const idOfQ = new Map<string, string>();
  for (const [q, r] of ownByQ) idOfQ.set(q, r.record.id);
  for (const d of drafts) {
    const base = slug(d.entity.name.en ?? Object.values(d.entity.name)[0]) || d.q.toLowerCase();
    const id = taken.has(base) ? `${base}-${d.q.toLowerCase()}`.slice(0, 128) : base;
    taken.add(id);
    idOfQ.set(d.q, id);
  }

  const labels = new Map<string, LocalizedString>();
  for (const d of drafts) labels.set(d.q, d.entity.name);
  for (const r of own) for (const s of r.record.sameAs ?? []) if (s.startsWith('wikidata:')) labels.set(s.slice(9), r.record.name);
  const unknown = [...new Set(drafts.flatMap(namedItems))].filter((q) => !labels.has(q)).sort(byQ);
  if ('ids' in input && unknown.length > 0) {
    log(`fetching the labels of ${count(unknown.length, 'item', 'items')} named in facts`);
    for (const [q, l] of await fetchLabels(unknown, languages, opts)) labels.set(q, l);
  }

  let unlabelled = 0;
  const records: SourceRecord<Entity>[] = drafts.map((d) => {
    const done = finish(d, idOfQ.get(d.q)!, idOfQ, labels, languages);
    unlabelled += done.unlabelled;
    return { record: done.entity, file: join(out, fileName(d.q)), label: `entity "${done.entity.id}"` };
  });
  if (unlabelled > 0) log(`note: ${count(unlabelled, 'fact was', 'facts were')} left out: the items they name are not in the dump's selection`);

  const fixed = lintAndFix(records, own);
  for (const c of fixed.changes) log(`lint: ${c}`);
  const problems = records.flatMap((r) => checkRecords('entities', [r.record], r.file).errors);
  if (problems.length > 0) throw new CliError([...problems, 'nothing was written']);

  await mkdir(out, { recursive: true });
  const written: string[] = [];
  const kept: string[] = [];
  let unchanged = 0;
  const writeOne = async (i: number) => {
    const q = drafts[i]!.q;
    const path = join(out, fileName(q));
    const text = fileText(records[i]!.record, q);
    const before = await readFile(path, 'utf8').catch(() => null);
    if (before === text) unchanged++;
    else if (before !== null && !untouched.has(fileName(q))) kept.push(path);
    else {
      await writeFile(path, text);
      written.push(path);
    }
  };
  // A few files at a time: the disk works while the next file's YAML is made.
  for (let i = 0; i < records.length; i += WRITE_AHEAD) {
    await Promise.all(records.slice(i, i + WRITE_AHEAD).map((_, j) => writeOne(i + j)));
  }
  written.sort();
  kept.sort();
  for (const s of skipped) log(`skipped ${s}`);
  for (const k of kept) log(`kept ${k}: you have edited it (delete it to import it again)`);
  log(
    `${count(records.length, 'entity', 'entities')} in ${out}: ${written.length} written, ${unchanged} unchanged, ${kept.length} kept with your edits; ${skipped.length} skipped; ${count(fixed.changes.length, 'alias fix', 'alias fixes')} from lint`,
  );
  return { entities: records.map((r) => r.record), written, unchanged, kept, skipped, lintChanges: fixed.changes, out };
}
