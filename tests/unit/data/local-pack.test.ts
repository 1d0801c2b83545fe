import { beforeEach, describe, expect, it } from 'vitest';
import { importPackFile } from '@/lib/data/local-pack';
import { isLocalPackUrl, localPackUrl } from '@/lib/data/local-url';
import { openDb, type GlossDb } from '@/lib/kb/db';
import { dumpStore, searchByPrefix } from '@/lib/kb/queries';
import { buildSnapshot, isPackError } from '@/lib/pack';
import { createSync } from '@/lib/sync/sync';
import { brief, entity } from '../support/publisher';

let db: GlossDb;
const now = Date.parse('2026-11-30T09:00:00Z');
beforeEach(() => {
  db = openDb(`gloss-local-${Math.random()}`);
});

const snapshotText = (version: number, entities = [entity('choe-son-hui'), entity('north-korea', { kind: 'state' })]) =>
  JSON.stringify(buildSnapshot({ pack: 'field-notes' }, version, entities, [brief('notes-1', ['north-korea'])]));

describe('a pack from a local file', () => {
  it('is stored as a pack of its own, searchable, and never fetched', async () => {
    const row = await importPackFile(db, snapshotText(3), 'field-notes.json', now);
    expect(row).toMatchObject({ url: localPackUrl('field-notes'), pack: 'field-notes', title: 'field-notes', version: 3, entityCount: 2, briefCount: 1, builtin: false });
    expect(isLocalPackUrl(row.url)).toBe(true);
    expect((await searchByPrefix(db, 'choe')).map((r) => r.id)).toEqual(['choe-son-hui']);
    const fetched: string[] = [];
    const sync = createSync({ db, fetch: async (url) => (fetched.push(url), new Response('', { status: 404 })), now: () => now });
    expect(await sync.sync(row.sub!)).toEqual({ result: 'unchanged', version: 3 });
    await sync.syncDue();
    expect(fetched).toEqual([]);
    expect((await db.packs.get(row.sub!))!.lastError).toBeUndefined();
  });

  it('imported again, replaces what it held', async () => {
    const first = await importPackFile(db, snapshotText(1), 'field-notes.json', now);
    const second = await importPackFile(db, snapshotText(2, [entity('north-korea', { kind: 'state' })]), 'field-notes-v2.json', now + 1);
    expect(second.sub).toBe(first.sub);
    expect(second).toMatchObject({ version: 2, entityCount: 1, added: now });
    expect((await dumpStore(db)).entities.map((e) => e.id)).toEqual(['north-korea']);
  });

  it('a file that is not a valid snapshot changes nothing and says why', async () => {
    await importPackFile(db, snapshotText(1), 'field-notes.json', now);
    const before = await dumpStore(db);
    const broken = snapshotText(2).replace('"person"', '"planet"');
    const err = await importPackFile(db, broken, 'notes.json', now).catch((e: unknown) => e);
    expect(isPackError(err)).toBe(true);
    expect((err as Error).message).toMatch(/^notes\.json: entity "choe-son-hui": kind:/);
    expect(await importPackFile(db, '{"format":"gloss-export/1"}', 'gloss.json', now).catch((e: Error) => e.message)).toMatch(/^gloss\.json: format:/);
    expect(await dumpStore(db)).toEqual(before);
  });
});
