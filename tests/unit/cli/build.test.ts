import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { buildPackDir } from '@/cli/commands/build';
import { initPackDir } from '@/cli/commands/init';
import { verifyPack } from '@/cli/commands/verify';
import { dirFetch, DIR_BASE } from '@/cli/dir-fetch';
import { openDb } from '@/lib/kb/db';
import { dumpStore } from '@/lib/kb/queries';
import { parseManifest } from '@/lib/pack';
import { createSync } from '@/lib/sync/sync';
import { folderState, run, tempDir } from './helpers';

const NOW = new Date('2026-11-30T08:00:00Z');
const LATER = new Date('2026-12-01T08:00:00Z');

async function newSource() {
  const root = await tempDir();
  const src = join(root, 'asia-notes');
  await initPackDir(src, { now: NOW });
  return { root, src, out: join(root, 'out') };
}

async function editBrief(src: string, from: string, to: string) {
  const path = join(src, 'briefs', 'example-brief.yaml');
  await writeFile(path, (await readFile(path, 'utf8')).replace(from, to));
}

describe('init, build, verify', () => {
  it('round-trips: a new source folder builds into a pack that readers accept', async () => {
    const { src, out } = await newSource();
    const result = await buildPackDir(src, out, { now: NOW });
    expect(result).toMatchObject({ version: 1, unchanged: false, entities: 1, briefs: 1, deltaBytes: [] });
    expect(result.written).toEqual(['snapshot-1.json', 'pack.json']);
    const manifest = parseManifest(await readFile(join(out, 'pack.json')));
    expect(manifest).toMatchObject({ pack: 'asia-notes', version: 1, published: '2026-11-30T08:00:00Z' });

    const verified = await verifyPack(out);
    expect(verified.ok).toBe(true);
    expect(verified.row).toMatchObject({ version: 1, entityCount: 1, briefCount: 1 });
  });

  it('runs as commands too, with progress on stderr and a summary line', async () => {
    const root = await tempDir();
    const src = join(root, 'src');
    expect((await run('init', src, '--pack', 'my-notes')).code).toBe(0);
    const built = await run('build', src, '--out', join(root, 'out'));
    expect(built.code).toBe(0);
    expect(built.err).toMatch(/reading 2 source files/);
    expect(built.err).toMatch(/built my-notes version 1: 1 entity, 1 brief; snapshot [\d.]+ KiB, no deltas/);
    const verified = await run('verify', join(root, 'out'));
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/version 1: 1 entity, 1 brief/);
  });

  it('refuses to init into a folder that is not empty', async () => {
    const { src } = await newSource();
    await expect(initPackDir(src)).rejects.toThrow(/is not empty/);
  });

  it('leaves every file byte for byte and date for date when nothing changed', async () => {
    const { src, out } = await newSource();
    await buildPackDir(src, out, { now: NOW });
    const before = await folderState(out);
    const again = await buildPackDir(src, out, { now: LATER });
    expect(again).toMatchObject({ version: 1, unchanged: true, written: [], removed: [] });
    expect(await folderState(out)).toEqual(before);
  });

  it('renews only the manifest dates with --refresh when nothing changed', async () => {
    const { src, out } = await newSource();
    await buildPackDir(src, out, { now: NOW });
    const again = await buildPackDir(src, out, { now: LATER, refresh: true });
    expect(again).toMatchObject({ version: 1, unchanged: true, written: ['pack.json'] });
    expect(parseManifest(await readFile(join(out, 'pack.json'))).published).toBe('2026-12-01T08:00:00Z');
  });

  it('makes version 2 with a delta that the extension’s sync applies', async () => {
    const { src, out } = await newSource();
    await buildPackDir(src, out, { now: NOW });

    // A reader holding version 1.
    const db = openDb(`cli-build-${Math.random()}`, indexedDB, IDBKeyRange);
    const sync = createSync({ db, fetch: dirFetch(out), now: () => LATER.getTime() });
    const row = await sync.subscribe(`${DIR_BASE}pack.json`, { allowPlainHttp: true });
    expect(row.version).toBe(1);

    await editBrief(src, 'A. Writer', 'B. Writer');
    const result = await buildPackDir(src, out, { now: LATER });
    expect(result).toMatchObject({ version: 2, unchanged: false, written: ['snapshot-2.json', 'delta-2.json', 'pack.json'] });
    const manifest = parseManifest(await readFile(join(out, 'pack.json')));
    expect(manifest.deltas.map((d) => [d.from, d.path])).toEqual([[1, 'delta-2.json']]);

    expect(await sync.sync(row.sub!)).toEqual({ result: 'updated', version: 2, via: 'delta' });
    const briefs = (await dumpStore(db)).briefs.map((b) => b.record);
    expect(briefs[0]?.authors).toEqual(['B. Writer']);

    const verified = await verifyPack(out);
    expect(verified.ok).toBe(true);
    expect(verified.notes.join('\n')).toMatch(/delta from version 1 \(delta-2\.json\): applies/);
  });

  it('keeps deltas from the last five versions, and prunes files two releases old', async () => {
    const { src, out } = await newSource();
    await buildPackDir(src, out, { now: NOW });
    for (let i = 2; i <= 8; i++) {
      await editBrief(src, `Writer${i === 2 ? '' : ` ${i - 1}`}`, `Writer ${i}`);
      await buildPackDir(src, out, { now: new Date(NOW.getTime() + i * 60_000) });
    }
    const manifest = parseManifest(await readFile(join(out, 'pack.json')));
    expect(manifest.version).toBe(8);
    expect(manifest.deltas.map((d) => d.from)).toEqual([7, 6, 5, 4, 3]);
    const files = Object.keys(await folderState(out));
    expect(files).toEqual(
      [
        'delta-3-8.json', 'delta-4-8.json', 'delta-5-8.json', 'delta-6-8.json', 'delta-8.json', 'pack.json',
        // Deltas to version 7 stay one more release, for readers who fetched its manifest just before.
        'delta-2-7.json', 'delta-3-7.json', 'delta-4-7.json', 'delta-5-7.json', 'delta-7.json',
        'snapshot-4.json', 'snapshot-5.json', 'snapshot-6.json', 'snapshot-7.json', 'snapshot-8.json',
      ].sort(),
    );
    const verified = await verifyPack(out);
    expect(verified.problems).toEqual([]);
    // Version 3's snapshot is gone, so its delta cannot be tried from a real client state.
    expect(verified.notes.filter((n) => / applies, /.test(n))).toHaveLength(4);
  });

  it('refuses an output folder that holds another pack', async () => {
    const { root, src, out } = await newSource();
    await buildPackDir(src, out, { now: NOW });
    const other = join(root, 'other');
    await initPackDir(other, { pack: 'another-pack' });
    await expect(buildPackDir(other, out)).rejects.toThrow(/out\/pack\.json: the earlier build is of pack "asia-notes", not "another-pack"/);
  });

  it('continues from the published version when the output folder is empty (--published), so readers take it', async () => {
    const { root, src, out } = await newSource();
    await buildPackDir(src, out, { now: NOW });
    await editBrief(src, 'A. Writer', 'B. Writer');
    await buildPackDir(src, out, { now: LATER });
    // A reader holds version 2, from the published folder.
    const db = openDb(`cli-published-${Math.random()}`, indexedDB, IDBKeyRange);
    const sync = createSync({ db, fetch: dirFetch(out), now: () => LATER.getTime() });
    const row = await sync.subscribe(`${DIR_BASE}pack.json`, { allowPlainHttp: true });
    expect(row.version).toBe(2);

    // The publisher lost the output folder and builds into a new one.
    const fresh = join(root, 'fresh');
    const lines: string[] = [];
    const warned = await buildPackDir(src, join(root, 'careless'), { now: LATER, log: (l) => lines.push(l) });
    expect(warned.version).toBe(1);
    expect(lines.join('\n')).toMatch(/holds no earlier build, so this is version 1; .*--published URL/);
    await editBrief(src, 'B. Writer', 'C. Writer');
    const rebuilt = await buildPackDir(src, fresh, { now: LATER, publishedUrl: `${DIR_BASE}pack.json`, fetch: dirFetch(out) });
    expect(rebuilt.version).toBe(3);

    // Published over the old folder, the reader takes it (version 1 would be refused as a rollback).
    const moved = dirFetch(fresh);
    const reader = createSync({ db, fetch: moved, now: () => LATER.getTime() });
    expect(await reader.sync(row.sub!)).toMatchObject({ result: 'updated', version: 3 });
  });

  it('refuses --published that names another pack or cannot be read', async () => {
    const { src, out, root } = await newSource();
    await buildPackDir(src, out, { now: NOW });
    const other = join(root, 'other');
    await mkdir(other);
    const manifest = JSON.parse(await readFile(join(out, 'pack.json'), 'utf8'));
    await writeFile(join(other, 'pack.json'), JSON.stringify({ ...manifest, pack: 'other-pack' }));
    await expect(buildPackDir(src, join(root, 'y'), { now: NOW, publishedUrl: `${DIR_BASE}pack.json`, fetch: dirFetch(other) })).rejects.toThrow(
      /is the manifest of pack "other-pack", not "asia-notes"/,
    );
    await expect(buildPackDir(src, join(root, 'x'), { now: NOW, publishedUrl: `${DIR_BASE}missing.json`, fetch: dirFetch(out) })).rejects.toThrow(
      /--published http:\/\/pack\.invalid\/missing\.json: could not be read \(the server answered 404\)/,
    );
  });
});
