import type { MatchRequest, MatchResponse } from '../annotate/annotator';
import { checkLanguages } from '../card/content-args';
import type { GlossDb } from '../kb/db';
import { mergedEntity, parseEntityKey } from '../kb/queries';
import type { ReaderDataContentCalls, ReaderDataUiCalls, NoteView } from '../messaging/reader-data-calls';
import type { Caller, Handlers } from '../messaging/server';
import { entityItem } from '../popup/entity-item';
import { correctionsFor, foldName, withoutHidden } from '../reader/correction-filter';
import { entityRefs, localKeyOf } from '../reader/entity-refs';
import {
  checkRecords,
  correctionId,
  EVERYWHERE,
  NOTE_MAX_CHARS,
  noteId,
  type CorrectionRecord,
  type NoteRecord,
  type ReaderRecord,
} from '../reader/records';
import type { ReaderStore } from '../reader/reader-store';

export interface ReaderDataDeps {
  db: GlossDb;
  reader: ReaderStore;
}

const notes = (records: ReaderRecord[]) => records.filter((r): r is NoteRecord => r.type === 'note');
const corrections = (records: ReaderRecord[]) => records.filter((r): r is CorrectionRecord => r.type === 'correction');

// Arguments may come from a content script, which a page can influence: each is checked.
function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length > 300 || !parseEntityKey(key)) throw new Error('That is not an entity of Gloss.');
  return key;
}
const checkLabel = (label: unknown) => (typeof label === 'string' ? label.trim().slice(0, 300) : '');

function checkText(text: unknown): string {
  if (typeof text !== 'string') throw new Error('A note is text.');
  if (text.length > NOTE_MAX_CHARS) throw new Error(`A note holds at most ${NOTE_MAX_CHARS} characters.`);
  return text.trim();
}

function hostOf(caller: Caller): string {
  try {
    const url = new URL(caller.url ?? '');
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname;
  } catch {
    // Fall through: no page, no site.
  }
  throw new Error('This page has no site to hide a name on.');
}

/** The background's answers about the reader's notes and corrections, and the filter for matches. */
export function readerDataHandlers({ db, reader }: ReaderDataDeps) {
  /** The entity's note: on it, or on any entity merged with it (the latest, if several). */
  async function noteOf(key: string): Promise<NoteRecord | null> {
    const refs = await entityRefs(db, key);
    const found = refs.all.map((r) => reader.get(noteId(r))).filter((r): r is NoteRecord => r?.type === 'note');
    return found.sort((a, b) => b.updated - a.updated)[0] ?? null;
  }
  const view = (n: NoteRecord | null): NoteView | null => (n ? { text: n.text, updated: n.updated } : null);

  const shared = {
    async entityExtras({ key }: { key: string }) {
      const refs = await entityRefs(db, checkKey(key));
      return { note: view(await noteOf(key)), canNote: refs.primary !== null, feedback: refs.feedback };
    },
    async saveNote({ key, label, text }: { key: string; label: string; text: string }) {
      const refs = await entityRefs(db, checkKey(key));
      const body = checkText(text);
      const existing = await noteOf(key);
      if (!body) {
        await reader.remove(refs.all.map(noteId));
        return null;
      }
      const entity = existing?.entity ?? refs.primary;
      if (!entity) throw new Error('Notes are kept for entities of packs that have arrived.');
      const saved = await reader.put({ id: noteId(entity), type: 'note', entity, label: checkLabel(label) || existing?.label || entity, text: body, updated: 0 });
      return view(saved as NoteRecord);
    },
  };

  const content: Pick<Handlers<'content'>, keyof ReaderDataContentCalls> = {
    ...shared,
    async hideName({ key, label, name, everywhere }, caller) {
      const refs = await entityRefs(db, checkKey(key));
      const shown = typeof name === 'string' ? name.trim().slice(0, 200) : '';
      const folded = foldName(shown);
      if (!folded || folded.length > 200) throw new Error('There is no name to hide.');
      if (!refs.primary) throw new Error('Corrections are kept for entities of packs that have arrived.');
      const site = everywhere === true ? EVERYWHERE : hostOf(caller);
      await reader.put({
        id: correctionId(refs.primary, site, folded),
        type: 'correction',
        entity: refs.primary,
        label: checkLabel(label) || refs.primary,
        name: folded,
        shown,
        site,
        updated: 0,
      });
      return null;
    },
  };

  const ui: Pick<Handlers<'ui'>, keyof ReaderDataUiCalls> = {
    ...shared,
    async notedKeys({ keys }) {
      if (!notes(reader.records()).length || !Array.isArray(keys)) return [];
      const out: string[] = [];
      for (const key of keys.slice(0, 500)) if (typeof key === 'string' && parseEntityKey(key) && (await noteOf(key))) out.push(key);
      return out;
    },
    async searchNotes({ query, languages }) {
      const q = foldName(String(query).slice(0, 200));
      if (!q) return [];
      const langs = checkLanguages(languages);
      const out = [];
      for (const n of notes(reader.records())) {
        if (!foldName(n.text).includes(q)) continue;
        const key = await localKeyOf(db, n.entity);
        const item = key && entityItem(await mergedEntity(db, key), langs, key);
        if (item) out.push(item);
        if (out.length >= 20) break;
      }
      return out;
    },
    async listCorrections() {
      return corrections(reader.records())
        .sort((a, b) => b.updated - a.updated)
        .map((c) => ({ id: c.id, name: c.shown || c.name, entity: c.label, site: c.site, updated: c.updated }));
    },
    async undoCorrection({ id }) {
      if (typeof id !== 'string' || reader.get(id)?.type !== 'correction') throw new Error('There is no such correction.');
      await reader.remove([id]);
      return null;
    },
    async readerSyncStatus() {
      return reader.status();
    },
    async readerRecords() {
      return reader.records();
    },
    async restoreReaderRecords({ records }) {
      const { records: valid, problems } = checkRecords(records, 'notes and corrections');
      if (problems.length) throw new Error(problems.slice(0, 3).join('; '));
      await reader.restore(valid);
      return { notes: notes(valid).length, corrections: corrections(valid).length };
    },
    async removeReaderRecords() {
      await reader.remove(reader.records().map((r) => r.id));
      return null;
    },
  };

  /** The matcher's answer for a page, without the names the reader hid on its site. */
  async function filterMatches(request: MatchRequest, answer: MatchResponse, caller: Caller): Promise<MatchResponse> {
    let host: string;
    try {
      host = hostOf(caller);
    } catch {
      return answer;
    }
    const active = correctionsFor(corrections(reader.records()), host);
    if (!active.length) return answer;
    const byName = new Set(active.map((c) => c.name));
    return withoutHidden(request, answer, byName, async (key, name) => {
      const refs = await entityRefs(db, key);
      return active.some((c) => c.name === name && refs.all.includes(c.entity));
    });
  }

  // A woken background may be asked before it has read the records: every answer waits for them.
  const afterLoad = <T extends Record<string, (...args: never[]) => Promise<unknown>>>(table: T): T =>
    Object.fromEntries(
      Object.entries(table).map(([name, fn]) => [name, async (...args: never[]) => (await reader.ready(), fn(...args))]),
    ) as T;
  return {
    content: afterLoad(content),
    ui: afterLoad(ui),
    filterMatches: async (request: MatchRequest, answer: MatchResponse, caller: Caller) => (await reader.ready(), filterMatches(request, answer, caller)),
  };
}
