import { describe, expect, it } from 'vitest';
import { exportAll } from '@/lib/data/export';
import { ImportError, parseExport } from '@/lib/data/export-file';
import { openDb } from '@/lib/kb/db';
import { correctionId, noteId, type ReaderRecord } from '@/lib/reader/records';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

const now = Date.parse('2026-11-30T09:00:00Z');
const settings: Settings = { ...DEFAULT_SETTINGS, languages: ['en'], notePlace: 'bottom' };
const records: ReaderRecord[] = [
  { id: noteId('asia-briefs/choe-son-hui'), type: 'note', entity: 'asia-briefs/choe-son-hui', label: 'Choe Son Hui', text: 'Заметка: https://example.org/a', updated: now },
  { id: correctionId('asia-briefs/georgia', 'www.reuters.com', 'georgia'), type: 'correction', entity: 'asia-briefs/georgia', label: 'Georgia', name: 'georgia', shown: 'Georgia', site: 'www.reuters.com', updated: now },
  { id: noteId('asia-briefs/gone'), type: 'note', entity: 'asia-briefs/gone', label: 'Gone', text: '', updated: now, deleted: true },
];

describe('the export file carries the reader’s notes and corrections', () => {
  it('writes the live ones and reads them back, with the note place among the settings', async () => {
    const file = await exportAll(openDb(`gloss-export-reader-${Math.random()}`), settings, now, records);
    const back = parseExport(JSON.stringify(file), 'gloss.json', ['en']);
    expect(back.reader).toEqual(records.slice(0, 2));
    expect(back.settings.notePlace).toBe('bottom');
  });

  it('reads a file from before notes existed', async () => {
    const file = await exportAll(openDb(`gloss-export-reader-${Math.random()}`), settings, now);
    const { reader: _left, ...older } = file;
    const { notePlace: _place, ...olderSettings } = older.settings;
    const back = parseExport(JSON.stringify({ ...older, settings: olderSettings }), 'old.json', ['en']);
    expect(back.reader).toBeUndefined();
    expect(back.settings.notePlace).toBe('top');
  });

  it('refuses a file with a malformed note or correction, naming it', async () => {
    const file = await exportAll(openDb(`gloss-export-reader-${Math.random()}`), settings, now, records);
    const cases: [unknown, string][] = [
      [[{ ...records[0], text: 'x'.repeat(4001) }], 'gloss.json: reader[0]: text: must be at most 4000 characters'],
      [[{ ...records[0], id: 'n|other/x' }], 'gloss.json: reader[0]: id does not match its fields'],
      [[{ ...records[1], site: 'https://evil/' }], 'gloss.json: reader[0]: site: must be a host name or * (got "https://evil/")'],
      [[{ ...records[0], html: '<b>' }], 'gloss.json: reader[0]: has a field a note does not have (got "html")'],
      [[{ ...records[0], type: 'planet' }], 'gloss.json: reader[0]: type: must be a note or a correction (got "planet")'],
      ['notes', 'gloss.json: reader: must be a list'],
    ];
    for (const [reader, problem] of cases) {
      let error: unknown;
      try {
        parseExport(JSON.stringify({ ...file, reader }), 'gloss.json', ['en']);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).problems.join('\n')).toContain(problem);
    }
  });
});
