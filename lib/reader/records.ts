import * as v from 'valibot';
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
const moment = v.pipe(v.number(), v.safeInteger(), v.minValue(Date.UTC(2000, 0, 1)), v.maxValue(Date.UTC(2200, 0, 1)));
const base = {
  id: v.pipe(v.string(), v.maxLength(600)),
  updated: moment,
  deleted: v.optional(v.literal(true)),
  entity: v.pipe(v.string(), v.regex(ENTITY_REF, 'is not a pack/entity reference')),
  label: v.pipe(v.string(), v.maxLength(300)),
};
const noteSchema = v.strictObject({ ...base, type: v.literal('note'), text: v.pipe(v.string(), v.maxLength(NOTE_MAX_CHARS)) });
const correctionSchema = v.strictObject({
  ...base,
  type: v.literal('correction'),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  shown: v.pipe(v.string(), v.maxLength(200)),
  site: v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^(\*|[a-z0-9.-]+)$/, 'must be a host name or *')),
});
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
    if (!parsed.success) problems.push(`${where}[${i}]: ${parsed.issues[0]?.path?.map((p) => String(p.key)).join('.') || ''} ${parsed.issues[0]?.message ?? 'is not valid'}`.replace(':  ', ': '));
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
