import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportAll } from '@/lib/data/export';
import { ImportError, parseExport, type ExportFile } from '@/lib/data/export-file';
import { importAll } from '@/lib/data/import';
import { ensureStarter } from '@/lib/background/starter';
import { openDb, type GlossDb } from '@/lib/kb/db';
import { dumpStore, searchByPrefix } from '@/lib/kb/queries';
import { readRevision } from '@/lib/kb/revision';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { createSync } from '@/lib/sync/sync';
import { brief, entity, FakePublisher } from '../support/publisher';

const STARTER = 'chrome-extension://old-id/starter/pack.json';
const NEW_STARTER = 'moz-extension://new-uuid/starter/pack.json';
const now = Date.parse('2026-11-30T09:00:00Z');
const settings: Settings = { ...DEFAULT_SETTINGS, languages: ['tr', 'en'], mentions: 'first', hiddenKinds: ['event'], extraHosts: ['example.org'] };

let db: GlossDb;
beforeEach(() => {
  db = openDb(`gloss-data-${Math.random()}`);
});

/** A store with the built-in pack and a subscription, synced from fake publishers. */
async function filledStore(target: GlossDb) {
  const starter = new FakePublisher('starter', 'chrome-extension://old-id/starter/');
  await starter.publish([entity('north-korea', { kind: 'state', name: { en: 'North Korea', ru: 'Северная Корея' } })]);
  const asia = new FakePublisher('asia-briefs', 'https://packs.example.org/asia/');
  await asia.publish(
    [entity('choe-son-hui', { related: ['north-korea'] }), entity('north-korea', { kind: 'state' })],
    [brief('nk-russia', ['north-korea'], { cites: ['https://www.reuters.com/world/x'] })],
  );
  const fetch = (url: string, init?: RequestInit) => (url.startsWith('chrome-extension:') ? starter : asia).fetch(url, init);
  const sync = createSync({ db: target, fetch, now: () => now });
  await sync.subscribe(STARTER, { builtin: true });
  await sync.subscribe('https://packs.example.org/asia/pack.json', { publicKey: undefined });
  await target.packs.add({ url: 'https://never.example.org/pack.json', builtin: false, entityCount: 0, briefCount: 0, failures: 1, added: now });
}

/** What a reader would call the same state: the records and what each pack is, not local keys or sync timers. */
async function state(target: GlossDb) {
  const dump = await dumpStore(target);
  const url = (sub: number) => {
    const pack = dump.packs.find((p) => p.sub === sub)!;
    return pack.builtin ? 'builtin' : pack.url;
  };
  return {
    packs: dump.packs.map(({ sub: _s, url, etag: _e, lastModified: _l, lastAttempt: _a, nextAttempt: _n, failures: _f, lastError: _le, ...rest }) => ({
      url: rest.builtin ? 'builtin' : url,
      ...rest,
    })),
    entities: dump.entities.map((e) => ({ pack: url(e.sub), id: e.id, record: e.record })),
    briefs: dump.briefs.map((b) => ({ pack: url(b.sub), id: b.id, record: b.record, cites: b.cites })),
  };
}

const roundTrip = (file: ExportFile) => parseExport(JSON.stringify(file), 'gloss.json', ['en']);

describe('export and import', () => {
  it('an export imported into an empty browser gives back the same packs, records and settings', async () => {
    await filledStore(db);
    const file = await exportAll(db, settings, now);
    expect(file.packs.map((p) => p.url)).toEqual([STARTER, 'https://packs.example.org/asia/pack.json', 'https://never.example.org/pack.json']);

    const other = openDb(`gloss-data-other-${Math.random()}`);
    const parsed = roundTrip(file);
    expect(parsed.settings).toEqual(settings);
    // The built-in pack's records are not taken from the file: the extension supplies them.
    expect(await importAll(other, parsed, { starterUrl: NEW_STARTER })).toEqual({ packs: 3, entities: 2, briefs: 1 });
    expect((await other.packs.toArray()).find((p) => p.builtin)).toMatchObject({ url: NEW_STARTER, entityCount: 0 });
    const starter = new FakePublisher('starter', 'moz-extension://new-uuid/starter/');
    await starter.publish([entity('north-korea', { kind: 'state', name: { en: 'North Korea', ru: 'Северная Корея' } })]);
    await ensureStarter(other, createSync({ db: other, fetch: starter.fetch, now: () => now }), NEW_STARTER);
    const before = await state(db);
    const after = await state(other);
    expect(after).toEqual(before);
    expect((await searchByPrefix(other, 'северная')).map((r) => r.id)).toEqual(['north-korea']);
  });

  it('import replaces everything that was there and tells the matcher', async () => {
    await filledStore(db);
    const file = roundTrip(await exportAll(db, settings, now));
    const other = openDb(`gloss-data-other-${Math.random()}`);
    await other.packs.add({ url: 'https://old.example.org/pack.json', builtin: false, entityCount: 0, briefCount: 0, failures: 0, added: 1 });
    const revision = await readRevision(other);
    await importAll(other, file, { starterUrl: NEW_STARTER });
    expect((await other.packs.toArray()).map((p) => p.url)).not.toContain('https://old.example.org/pack.json');
    expect(await readRevision(other)).toBeGreaterThan(revision);
  });

  it('a failure half-way through the import leaves the store as it was', async () => {
    await filledStore(db);
    const file = roundTrip(await exportAll(db, settings, now));
    const before = await dumpStore(db);
    const spy = vi.spyOn(db.briefs, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(importAll(db, file, { starterUrl: NEW_STARTER })).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await dumpStore(db)).toEqual(before);
  });
});

describe('a bad file changes nothing and says why', () => {
  async function exported() {
    await filledStore(db);
    return JSON.parse(JSON.stringify(await exportAll(db, settings, now))) as Record<string, any>;
  }
  const refuse = (data: unknown) => {
    try {
      parseExport(typeof data === 'string' ? data : JSON.stringify(data), 'gloss.json', ['en']);
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      return (err as ImportError).problems;
    }
    throw new Error('the file was accepted');
  };

  it('refuses what is not JSON or not an export', () => {
    expect(refuse('{ not json')[0]).toMatch(/^gloss\.json: is not JSON/);
    expect(refuse([1, 2])[0]).toBe('gloss.json: must hold a JSON object');
    expect(refuse({ format: 'gloss-pack/1', pack: 'x' })[0]).toMatch(/format: must be "gloss-export\/1"/);
  });

  it('names the setting at fault', async () => {
    const data = await exported();
    data.settings.hoverDelay = -5;
    data.settings.highlightStyle = 'blink';
    const problems = refuse(data);
    expect(problems).toContain('gloss.json: settings: highlightStyle: must be "underline" or "background" (got "blink")');
    expect(problems).toContain('gloss.json: settings: hoverDelay: must be 0 or more (got -5)');
  });

  it('names the record at fault in a pack, with the pack validators’ words', async () => {
    const data = await exported();
    data.packs[1].records.entities[0].kind = 'planet';
    expect(refuse(data)[0]).toMatch(/^gloss\.json: packs\[1\]: records: entity "choe-son-hui": kind: must be one of/);
    data.packs[1].records.entities[0].kind = 'person';
    data.packs[1].records.briefs[0].about = ['nobody'];
    expect(refuse(data).join('\n')).toMatch(/packs\[1\]: records: .*"nobody"/);
  });

  it('refuses a pack address that is neither a web address nor a local pack, and duplicates', async () => {
    const data = await exported();
    data.packs[2].url = 'javascript:alert(1)';
    expect(refuse(data)).toContain('gloss.json: packs[2]: url: is not a pack address (got "javascript:alert(1)")');
    data.packs[2].url = data.packs[1].url;
    expect(refuse(data)).toContain('gloss.json: packs[2]: url: another pack has the same address');
  });

  it('does not let a file claim the built-in pack: its records, version and name are not taken', async () => {
    const data = await exported();
    const fake = { format: 'gloss-pack/1', pack: 'starter', version: 999999, entities: [{ id: 'x', kind: 'person', name: { en: 'Planted' } }], briefs: [] };
    data.packs[0] = { ...data.packs[0], title: 'Built in (official)', records: fake };
    const other = openDb(`gloss-data-other-${Math.random()}`);
    await importAll(other, roundTrip(data as ExportFile), { starterUrl: NEW_STARTER });
    const row = (await other.packs.toArray()).find((p) => p.builtin)!;
    expect(row).toMatchObject({ url: NEW_STARTER, entityCount: 0 });
    expect(row.version).toBeUndefined();
    expect(row.title).toBeUndefined();
    expect(await searchByPrefix(other, 'planted')).toEqual([]);
    // So the real starter, version 1, is taken rather than refused as a rollback.
    const starter = new FakePublisher('starter', 'moz-extension://new-uuid/starter/');
    await starter.publish([entity('north-korea', { kind: 'state' })]);
    await ensureStarter(other, createSync({ db: other, fetch: starter.fetch, now: () => now }), NEW_STARTER);
    expect((await other.packs.get(row.sub!))!.version).toBe(1);
  });

  it('checks keys, addresses, names, dates and sizes as strictly as a pack’s', async () => {
    const original = await exported();
    const data = structuredClone(original);
    data.packs[1].publicKey = 'not a key';
    data.packs[1].publisher = { name: 'x'.repeat(3_000_000), url: 'javascript:alert(1)' };
    data.packs[1].title = '';
    data.packs[1].expires = 'soon';
    data.packs[2].url = 'https://user:pass@evil.example/pack.json';
    data.packs[2].added = 1e300;
    const problems = refuse(data).join('\n');
    expect(problems).toMatch(/packs\[1\]\.publicKey: must be an Ed25519 public key/);
    expect(problems).toMatch(/packs\[1\]\.publisher\.name: is too long \(at most 200 characters\)/);
    expect(problems).toMatch(/packs\[1\]\.publisher\.url: only http\(s\) links are allowed/);
    expect(problems).toMatch(/packs\[1\]\.title: must not be empty/);
    expect(problems).toMatch(/packs\[1\]\.expires: is not a date/);
    expect(problems).toMatch(/packs\[2\]\.added: is not a plausible time/);
    // No message repeats a multi-megabyte value.
    expect(problems.length).toBeLessThan(5000);
    const fixed = structuredClone(original);
    fixed.packs[2].url = 'https://user:pass@evil.example/pack.json';
    expect(refuse(fixed)).toContain('gloss.json: packs[2]: url: is not a pack address (got "https://user:pass@evil.example/pack.json")');
  });

  it('takes an older file without some settings, filling in defaults', async () => {
    const data = await exported();
    delete data.settings.mentions;
    delete data.settings.languages;
    const parsed = parseExport(JSON.stringify(data), 'gloss.json', ['ru', 'en']);
    expect(parsed.settings.mentions).toBe('all');
    expect(parsed.settings.languages).toEqual(['ru', 'en']);
  });
});
