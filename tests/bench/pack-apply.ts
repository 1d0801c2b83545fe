import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildDelta, buildManifest, buildSnapshot, deltaEntry, encodeJson, fileEntry, type Entity } from '../../lib/pack';
import { startServer } from '../e2e/support/server';
import { bundle } from './browser/bundle';
import { entitiesFrom, makeEntries, prng } from './synthetic';

const ENTITIES = 100_000;
const DELTA_RECORDS = 500;

/** A 100,000-entity snapshot and a 500-record delta (changed, new and removed entities). */
async function makePack() {
  const all = entitiesFrom(makeEntries(Math.round(ENTITIES * 2.6), prng(7)).entries);
  const v1: Entity[] = all.slice(0, ENTITIES);
  const changed = v1.slice(0, 250).map((e) => ({ ...e, description: { en: `${e.description?.en} (revised)` } }));
  const added = all.slice(ENTITIES, ENTITIES + 150);
  const removed = new Set(v1.slice(250, 350).map((e) => e.id));
  const v2 = [...changed, ...v1.slice(350), ...added].filter((e) => !removed.has(e.id));
  const meta = { pack: 'bench', title: 'Bench' };
  const s1 = buildSnapshot(meta, 1, v1, []);
  const s2 = buildSnapshot(meta, 2, v2, []);
  const snapshotBytes = encodeJson(s1);
  const deltaBytes = encodeJson(buildDelta(s1, s2));
  const manifest = buildManifest({
    meta,
    version: 2,
    published: '2026-11-30T08:00:00Z',
    snapshot: await fileEntry('snapshot-1.json', snapshotBytes),
    deltas: [await deltaEntry(1, 'delta-2.json', deltaBytes)],
  });
  return { snapshotBytes, deltaBytes, manifestBytes: encodeJson(manifest), deltaCount: changed.length + added.length + removed.size };
}

const mib = (n: number) => (n / 1024 / 1024).toFixed(1);

export async function benchPackApply(log: (line: string) => void): Promise<void> {
  const t0 = performance.now();
  const pack = await makePack();
  log(`pack apply bench: ${ENTITIES} entities (${mib(pack.snapshotBytes.byteLength)} MiB snapshot), delta of ${pack.deltaCount} records; generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const server = await startServer();
  server.put('/bench/index.html', '<!doctype html><title>bench</title><script src="apply.js"></script>');
  server.put('/bench/apply.js', await bundle('tests/bench/browser/apply-page.ts'), { 'content-type': 'text/javascript' });
  server.put('/bench/pack.json', pack.manifestBytes);
  server.put('/bench/snapshot-1.json', pack.snapshotBytes);
  server.put('/bench/delta-2.json', pack.deltaBytes);
  // The starter pack as built into public/starter (npm run build:starter).
  const starterFiles = (await readdir('public/starter')).filter((f) => f.endsWith('.json'));
  for (const f of starterFiles) server.put(`/starter/${f}`, await readFile(`public/starter/${f}`));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(server.url('/bench/index.html', '127.0.0.1'));
    const f = await page.evaluate(() => (window as unknown as { benchApply: () => Promise<Record<string, number>> }).benchApply());
    log(`  snapshot of ${ENTITIES} entities: parsed, checked and applied in one transaction in ${(f.snapshotMs! / 1000).toFixed(2)} s (budget 10 s)`);
    log(`  delta of ${pack.deltaCount} records: ${f.deltaMs!.toFixed(0)} ms`);
    log(`  JS heap: ${mib(f.baseHeapBytes!)} MiB before, peak ${mib(f.peakHeapBytes!)} MiB while applying`);
    log(`  stored: ${mib(f.storedBytes!)} MiB for ${f.entities} entities = ${Math.round(f.storedBytes! / f.entities!)} bytes per entity (navigator.storage.estimate)`);
    const starter = await page.evaluate(() =>
      (window as unknown as { benchStarter: (base: string) => Promise<{ entities: number; snapshotMs: number[]; deltaMs: number }> }).benchStarter('/starter/'),
    );
    const manifest = JSON.parse(await readFile('public/starter/pack.json', 'utf8')) as { snapshot: { path: string; bytes: number }; version: number };
    const snapshot = await readFile(`public/starter/${manifest.snapshot.path}`);
    const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    log(
      `  starter pack v${manifest.version}: ${starter.entities} entities, snapshot ${kib(snapshot.byteLength)} (${kib(gzipSync(snapshot).byteLength)} gzipped); ` +
        `applied as a new install in ${starter.snapshotMs.map((ms) => ms.toFixed(0)).join(' / ')} ms (3 runs); update from v${manifest.version - 1} by delta ${starter.deltaMs.toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
