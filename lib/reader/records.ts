import * as v from 'valibot';
import { describeIssues } from '../pack/issues';
import { NOTE_MAX_CHARS } from './limits';

/**
 * The reader's own data: notes on entities and corrections of wrong highlights. Kept on this
 * machine first (storage.local) and mirrored to the browser's sync storage (see reader-store.ts).
 *
 * An entity is named across machines by `pack/entity` (the pack's id from its manifest and the
 * entity's id in it), never by the local `sub:id`, whose number differs between browsers.
 */
export type EntityRef = string;

interface RecordBase {
  /** Stable across machines: two edits of one note have the same id. */
  id: string;
  /** When the reader last changed it (milliseconds); the later change wins a merge. */
  updated: number;
  /** A deletion, kept as a tombstone for TOMBSTONE_MS so other machines learn of it. */
  deleted?: true;
  entity: EntityRef;
  /** The entity's name when the record was written, for lists when its pack is gone. */
  label: string;
}

export interface NoteRecord extends RecordBase {
  type: 'note';
  /** Plain text; links are shown as links, nothing is read as HTML. Empty in a tombstone. */
  text: string;
}

export interface CorrectionRecord extends RecordBase {
  type: 'correction';
  /** The name as matched, folded (see lib/match fold), so every spelling of it is hidden. */
  name: string;
  /** The name as the page had it, for the options list. */
  shown: string;
  /** A host (`www.reuters.com`) or `*` for every site. */
  site: string;
}

export type ReaderRecord = NoteRecord | CorrectionRecord;

export { EVERYWHERE, NOTE_MAX_CHARS } from './limits';
/** Deletions are remembered this long; a machine away for longer may bring a deleted note back. */
export const TOMBSTONE_DAYS = 60;
export const TOMBSTONE_MS = TOMBSTONE_DAYS * 24 * 3600 * 1000;
/** More than any reader writes by hand; keeps a hostile import or a runaway loop bounded. */
export const MAX_RECORDS = 5000;

export const noteId = (entity: EntityRef) => `n|${entity}`;
export const correctionId = (entity: EntityRef, site: string, name: string) => `c|${entity}|${site}|${name}`;

const ENTITY_REF = /^[a-z0-9][a-z0-9-]{0,63}\/.{1,200}$/s;
const moment = v.pipe(
  v.number('must be a number'),
  v.safeInteger('must be a whole number of milliseconds'),
  v.minValue(Date.UTC(2000, 0, 1), 'is not a plausible time'),
  v.maxValue(Date.UTC(2200, 0, 1), 'is not a plausible time'),
);
const chars = (max: number, min = 0) =>
  v.pipe(v.string('must be text'), v.minLength(min, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const base = {
  id: chars(600),
  updated: moment,
  deleted: v.optional(v.literal(true, 'must be true when present')),
  entity: v.pipe(v.string('must be text'), v.regex(ENTITY_REF, 'is not a pack/entity reference')),
  label: chars(300),
};
const noteSchema = v.strictObject({ ...base, type: v.literal('note'), text: chars(NOTE_MAX_CHARS) }, 'has a field a note does not have');
const correctionSchema = v.strictObject(
  {
    ...base,
    type: v.literal('correction'),
    name: chars(200, 1),
    shown: chars(200),
    site: v.pipe(chars(253, 1), v.regex(/^(\*|[a-z0-9.-]+)$/, 'must be a host name or *')),
  },
  'has a field a correction does not have',
);
export const readerRecordSchema = v.variant('type', [noteSchema, correctionSchema], 'must be a note or a correction');

/** The record's id as its fields determine it: an id that does not fit is refused. */
export function expectedId(r: ReaderRecord): string {
  return r.type === 'note' ? noteId(r.entity) : correctionId(r.entity, r.site, r.name);
}

/** Checks records from outside (sync, a file): returns the valid ones and says what was wrong with the rest. */
export function checkRecords(data: unknown, where: string): { records: ReaderRecord[]; problems: string[] } {
  if (!Array.isArray(data)) return { records: [], problems: [`${where}: must be a list`] };
  const records: ReaderRecord[] = [];
  const problems: string[] = [];
  data.slice(0, MAX_RECORDS).forEach((item, i) => {
    const parsed = v.safeParse(readerRecordSchema, item);
    if (!parsed.success) problems.push(...describeIssues(`${where}[${i}]`, item, parsed.issues).slice(0, 3));
    else if (expectedId(parsed.output as ReaderRecord) !== parsed.output.id) problems.push(`${where}[${i}]: id does not match its fields`);
    else records.push(parsed.output as ReaderRecord);
  });
  if (data.length > MAX_RECORDS) problems.push(`${where}: more than ${MAX_RECORDS} records`);
  return { records, problems };
}

/** A tombstone of a record: what other machines need to delete it, and nothing of its text. */
export function tombstone(r: ReaderRecord, at: number): ReaderRecord {
  return r.type === 'note' ? { ...r, text: '', updated: at, deleted: true } : { ...r, updated: at, deleted: true };
}
