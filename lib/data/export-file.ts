import * as v from 'valibot';
import { dayOrDateTime, httpsUrl, httpUrl, publicKeyText, text } from '../pack/fields';
import { describeIssues } from '../pack/issues';
import { MAX_CHARS } from '../pack/limits';
import { PACK_ID_PATTERN } from '../pack/fields';
import { validateSnapshot } from '../pack/parse';
import { isPackError } from '../pack/errors';
import type { Publisher, Snapshot } from '../pack/types';
import type { Settings } from '../settings';
import { isLocalPackUrl } from './local-url';
import { validateSettings } from './settings-schema';
import { checkRecords, type ReaderRecord } from '../reader/records';

/** The file a reader exports everything to, and imports back. */
export const EXPORT_FORMAT = 'gloss-export/1';

/** One subscription and the records Gloss held of it. */
export interface ExportedPack {
  /** The manifest's address; for the built-in pack, the address it had in the exporting browser. */
  url: string;
  publicKey?: string;
  builtin: boolean;
  title?: string;
  publisher?: Publisher;
  published?: string;
  expires?: string;
  added: number;
  lastSuccess?: number;
  /** The version held, as a snapshot; absent when nothing had arrived yet. */
  records?: Snapshot;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  /** ISO date-time. */
  exported: string;
  settings: Settings;
  packs: ExportedPack[];
  /** The reader's notes and corrections (absent in files of older versions). */
  reader?: ReaderRecord[];
}

export interface ImportSummary {
  packs: number;
  entities: number;
  briefs: number;
}

/** Why a file cannot be imported; nothing was changed. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(readonly problems: string[]) {
    super(problems.length > 1 ? `${problems[0]} (and ${problems.length - 1} more)` : (problems[0] ?? 'the file cannot be imported'));
  }
}

/** The largest export file read (a few 64 MiB packs); larger ones are refused before parsing. */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

/** A moment in milliseconds since 1970, as Gloss writes them: not before 2000, not in the far future. */
const moment = v.pipe(
  v.number('must be a number'),
  v.safeInteger('must be a whole number of milliseconds'),
  v.minValue(Date.UTC(2000, 0, 1), 'is not a plausible time'),
  v.maxValue(Date.UTC(2200, 0, 1), 'is not a plausible time'),
);

/** Checked as strictly as the same fields of a pack (see docs/pack-format.md). */
const packSchema = v.object(
  {
    url: v.pipe(v.string('must be an address'), v.minLength(1, 'must not be empty'), v.maxLength(MAX_CHARS.url, 'is too long')),
    publicKey: v.optional(publicKeyText),
    builtin: v.boolean('must be true or false'),
    title: v.optional(text(MAX_CHARS.title)),
    publisher: v.optional(v.object({ name: text(MAX_CHARS.publisherName), url: v.optional(httpUrl), feedback: v.optional(httpsUrl) }, 'must be an object')),
    published: v.optional(dayOrDateTime),
    expires: v.optional(dayOrDateTime),
    added: moment,
    lastSuccess: v.optional(moment),
    records: v.optional(v.unknown()),
  },
  'must be an object',
);

const fileSchema = v.object(
  {
    format: v.literal(EXPORT_FORMAT, `must be "${EXPORT_FORMAT}": this is not a file exported by Gloss`),
    exported: v.pipe(v.string('must be a date'), v.maxLength(64, 'is not a date')),
    settings: v.unknown(),
    packs: v.pipe(v.array(packSchema, 'must be a list'), v.maxLength(500, 'has too many packs')),
    reader: v.optional(v.unknown()),
  },
  'must be an object',
);

const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;

/**
 * Checks a whole export before anything is written: its shape, the settings, and
 * every pack's records as a snapshot (ids unique, references resolved).
 */
export function validateExport(data: unknown, fileName: string, fallbackLanguages: string[]): ExportFile {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ImportError([`${fileName}: must hold a JSON object`]);
  }
  const parsed = v.safeParse(fileSchema, data);
  if (!parsed.success) throw new ImportError(describeIssues(fileName, data, parsed.issues));
  const settings = validateSettings(parsed.output.settings, `${fileName}: settings`, fallbackLanguages);
  if (!settings.ok) throw new ImportError(settings.problems);
  const problems: string[] = [];
  const urls = new Set<string>();
  const packs = parsed.output.packs.map((pack, i): ExportedPack => {
    const where = `${fileName}: packs[${i}]`;
    if (!pack.builtin) {
      if (!isPackAddress(pack.url)) problems.push(`${where}: url: is not a pack address (got ${JSON.stringify(pack.url.slice(0, 200))})`);
      if (urls.has(pack.url)) problems.push(`${where}: url: another pack has the same address`);
      urls.add(pack.url);
    }
    let records: Snapshot | undefined;
    // The built-in pack comes from the extension itself: a file cannot supply its records,
    // its version or its name (a hostile file could otherwise block the real one as a rollback).
    if (pack.builtin) {
      return { url: pack.url, builtin: true, added: pack.added };
    }
    if (pack.records !== undefined) {
      try {
        records = validateSnapshot(pack.records, `${where}: records`);
      } catch (err) {
        problems.push(...(isPackError(err) ? err.problems : [String(err)]));
      }
    }
    return strip({ ...pack, publisher: pack.publisher && strip(pack.publisher), records });
  });
  if (parsed.output.packs.filter((p) => p.builtin).length > 1) problems.push(`${fileName}: packs: more than one built-in pack`);
  let reader: ReaderRecord[] | undefined;
  if (parsed.output.reader !== undefined) {
    // Checked record by record, like a pack's: one bad note refuses the file, and nothing changes.
    const checked = checkRecords(parsed.output.reader, `${fileName}: reader`);
    problems.push(...checked.problems);
    reader = checked.records.filter((r) => !r.deleted);
  }
  if (problems.length) throw new ImportError(problems);
  return { format: EXPORT_FORMAT, exported: parsed.output.exported, settings: settings.value, packs, ...(reader ? { reader } : {}) };
}

/** An http(s) manifest address, or the address Gloss gives a pack imported from a file. */
function isPackAddress(url: string): boolean {
  if (isLocalPackUrl(url)) return PACK_ID_PATTERN.test(url.slice(url.lastIndexOf('/') + 1));
  return v.is(httpUrl, url);
}

/** Parses the text of an export file; see validateExport. */
export function parseExport(text: string, fileName: string, fallbackLanguages: string[]): ExportFile {
  if (text.length > MAX_EXPORT_BYTES) throw new ImportError([`${fileName}: is larger than ${MAX_EXPORT_BYTES / 1024 / 1024} MiB`]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportError([`${fileName}: is not JSON (${err instanceof Error ? err.message : String(err)})`]);
  }
  return validateExport(data, fileName, fallbackLanguages);
}
