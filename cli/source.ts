/**
 * Reading a pack source folder:
 *   pack.yaml                   pack, title, publisher, optional description and expiresAfterDays
 *   entities/**\/*.yaml|yml|json one entity per file, or a list of them
 *   briefs/**\/*.yaml|yml|json   one brief per file, or a list of them
 * Everything is checked before anything is built; all problems are reported at once.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PackError } from '../lib/pack/errors';
import { checkReferences } from '../lib/pack/references';
import type { Brief, Entity } from '../lib/pack/types';
import { isDataFile, readMapping, readRecords } from './data-file';
import { CliError } from './errors';
import { silent, type Log } from './log';
import { checkMeta, PACK_META_FILES, type SourceMeta } from './pack-meta';
import { checkRecords, type ListName, type SourceRecord } from './records';

export interface PackSource extends SourceMeta {
  entities: SourceRecord<Entity>[];
  briefs: SourceRecord<Brief>[];
  fileCount: number;
  warnings: string[];
}

/** More than this many problems is one mistake repeated; the rest adds nothing. */
const MAX_SHOWN = 200;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Data files under a folder, sorted so that every build reads them in one order. */
async function dataFiles(dir: string): Promise<string[]> {
  if (!(await exists(dir))) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && isDataFile(e.name))
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((rel) => !rel.split(/[\\/]/).some((part) => part.startsWith('.')))
    .sort();
}

/** The pack's meta alone; for commands that need no records. */
export async function readMeta(src: string): Promise<SourceMeta> {
  for (const name of PACK_META_FILES) {
    const path = join(src, name);
    if (!(await exists(path))) continue;
    const result = checkMeta(await readMapping(path, path), path);
    if (!result.value) throw new CliError(result.errors);
    return result.value;
  }
  throw new CliError(`${join(src, 'pack.yaml')}: not found; is ${src} a pack source folder? (gloss-pack init makes one)`);
}

function duplicates<T extends { id: string }>(records: SourceRecord<T>[], what: string): string[] {
  const first = new Map<string, SourceRecord<T>>();
  const out: string[] = [];
  for (const r of records) {
    const seen = first.get(r.record.id);
    if (seen) out.push(`${r.file}: ${what} "${r.record.id}": the id is already used in ${seen.file}`);
    else first.set(r.record.id, r);
  }
  return out;
}

/**
 * References, worded by the format's own check but run per file, so each problem
 * names its file. Only files with a reference to an unknown id are checked again:
 * a pack of many small files would otherwise cost files × entities.
 */
function references(entities: SourceRecord<Entity>[], briefs: SourceRecord<Brief>[], refused: string[]): string[] {
  const known = new Set([...entities.map((r) => r.record.id), ...refused]);
  const refs = (r: Entity | Brief) =>
    'kind' in r ? [...(r.participants ?? []), ...(r.related ?? [])] : (r.about ?? []);
  const suspect = new Set(
    [...entities, ...briefs].filter((r) => refs(r.record).some((id) => !known.has(id))).map((r) => r.file),
  );
  // Other files' entities count only by their ids.
  const stubs = [
    ...entities.map(({ record }): Entity => ({ id: record.id, kind: record.kind, name: record.name })),
    // A refused entity is reported where it is defined, not again at every mention.
    ...refused.map((id): Entity => ({ id, kind: 'topic', name: { en: id } })),
  ];
  const out: string[] = [];
  for (const file of suspect) {
    const own = entities.filter((r) => r.file === file).map((r) => r.record);
    const ownIds = new Set(own.map((e) => e.id));
    try {
      checkReferences(
        [...own, ...stubs.filter((e) => !ownIds.has(e.id))],
        briefs.filter((r) => r.file === file).map((r) => r.record),
        file,
      );
    } catch (err) {
      if (!(err instanceof PackError)) throw err;
      out.push(...err.problems);
    }
  }
  return out;
}

export interface ReadOptions {
  log?: Log;
  /** Read only entities (the WordPress import needs nothing else). */
  only?: ListName;
}

export async function readSource(src: string, opts: ReadOptions = {}): Promise<PackSource> {
  const log = opts.log ?? silent;
  const meta = await readMeta(src);
  const lists: ListName[] = opts.only ? [opts.only] : ['entities', 'briefs'];
  const found = await Promise.all(lists.map(async (list) => ({ list, files: await dataFiles(join(src, list)) })));
  const total = found.reduce((n, f) => n + f.files.length, 0);
  log(`reading ${total} source file${total === 1 ? '' : 's'} from ${src}`);

  const errors: string[] = [];
  const warnings: string[] = [];
  const entities: SourceRecord<Entity>[] = [];
  const briefs: SourceRecord<Brief>[] = [];
  const refused: string[] = [];
  let done = 0;
  for (const { list, files } of found) {
    for (const rel of files) {
      const shown = join(src, list, rel);
      try {
        const records = await readRecords(join(src, list, rel), shown);
        if (records.length === 0) warnings.push(`${shown}: holds no records`);
        const checked = checkRecords(list, records, shown);
        errors.push(...checked.errors);
        warnings.push(...checked.warnings);
        if (list === 'entities') {
          entities.push(...(checked.valid as SourceRecord<Entity>[]));
          refused.push(...checked.refusedIds);
        } else briefs.push(...(checked.valid as SourceRecord<Brief>[]));
      } catch (err) {
        if (!(err instanceof CliError)) throw err;
        errors.push(...err.problems);
      }
      done++;
      if (done % 500 === 0 && done < total) log(`  read ${done} of ${total} files`);
    }
  }
  errors.push(...duplicates(entities, 'entity'), ...duplicates(briefs, 'brief'));
  if (!opts.only) errors.push(...references(entities, briefs, refused));
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_SHOWN);
    if (errors.length > MAX_SHOWN) shown.push(`... and ${errors.length - MAX_SHOWN} more problems`);
    throw new CliError(shown);
  }
  return { ...meta, entities, briefs, fileCount: total, warnings };
}
