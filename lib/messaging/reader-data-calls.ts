/**
 * The calls behind the reader's own data: notes on entities and corrections of wrong
 * highlights. Part of the one protocol (see protocol.ts).
 */
import type { FeedbackTarget } from '../reader/entity-refs';
import type { ReaderRecord } from '../reader/records';
import type { ReaderSyncStatus } from '../reader/sync-status';
import type { EntityItem } from './reader-calls';

type NoArgs = Record<string, never>;

export interface NoteView {
  text: string;
  /** Milliseconds. */
  updated: number;
}

/** What a card adds to the pack's content: the reader's note, and where to report a wrong highlight. */
export interface EntityExtras {
  note: NoteView | null;
  /** False when no pack here names the entity by id (a note cannot be kept for it). */
  canNote: boolean;
  feedback: FeedbackTarget[];
}

export interface CorrectionView {
  id: string;
  /** The name as the page had it. */
  name: string;
  /** The entity's name when the correction was made. */
  entity: string;
  /** A host, or `*` for every site. */
  site: string;
  updated: number;
}

/** Both the content script's card and the popup's card make these. */
export interface NoteCalls {
  entityExtras(args: { key: string }): EntityExtras;
  /** Writes the entity's note; empty text deletes it. `label` is the entity's name as the card shows it. */
  saveNote(args: { key: string; label: string; text: string }): NoteView | null;
}

/** Calls a content script makes: the card's "Not this", for the page's own site. */
export interface ReaderDataContentCalls extends NoteCalls {
  /** Hides `name` for the entity on the sender's site, or everywhere. */
  hideName(args: { key: string; label: string; name: string; everywhere: boolean }): null;
}

/** Calls the popup and options page make. */
export interface ReaderDataUiCalls extends NoteCalls {
  /** Of these keys, those whose entity carries a note. */
  notedKeys(args: { keys: string[] }): string[];
  /** Entities whose note contains the query (folded), for the popup's search. */
  searchNotes(args: { query: string; languages: string[] }): EntityItem[];
  listCorrections(args: NoArgs): CorrectionView[];
  undoCorrection(args: { id: string }): null;
  readerSyncStatus(args: NoArgs): ReaderSyncStatus;
  /** Every note and correction, for an export. */
  readerRecords(args: NoArgs): ReaderRecord[];
  /** Brings back notes and corrections from an export; answers how many. */
  restoreReaderRecords(args: { records: unknown }): { notes: number; corrections: number };
  /** Deletes every note and correction, here and (through sync) in the reader's other browsers. */
  removeReaderRecords(args: NoArgs): null;
}
