// Runs in a plain Chromium page: applies a pack to real IndexedDB with Gloss's own code.
import { applyDelta, applySnapshot } from '../../../lib/kb/apply';
import { openDb } from '../../../lib/kb/db';
import { countEntities } from '../../../lib/kb/entity-store';
import { parseDelta, parseManifest, parseSnapshot } from '../../../lib/pack/parse';

interface ApplyFigures {
  snapshotMs: number;
  deltaMs: number;
  peakHeapBytes: number;
  baseHeapBytes: number;
  storedBytes: number;
  entities: number;
}

async function bytesOf(path: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(path)).arrayBuffer());
}

(window as unknown as { benchApply: () => Promise<ApplyFigures> }).benchApply = async () => {
  const memory = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const manifest = parseManifest(await bytesOf('pack.json'));
  const snapshotBytes = await bytesOf(manifest.snapshot.path);
  const deltaEntry = manifest.deltas[0]!;
  const deltaBytes = await bytesOf(deltaEntry.path);
  const before = (await navigator.storage.estimate()).usage ?? 0;
  const db = openDb('gloss-bench');
  const sub = (await db.packs.add({ url: location.href, builtin: false, entityCount: 0, briefCount: 0, failures: 0, added: 0 }))!;
  const baseHeapBytes = memory();
  let peakHeapBytes = baseHeapBytes;
  const sampler = setInterval(() => {
    peakHeapBytes = Math.max(peakHeapBytes, memory());
  }, 10);

  // The snapshot's predecessor manifest: version 1 is applied first, then the delta to 2.
  const t0 = performance.now();
  const snapshot = parseSnapshot(snapshotBytes, manifest.snapshot.path);
  const v1 = { ...manifest, version: snapshot.version };
  await applySnapshot(db, sub, v1, snapshot, {}, Date.now());
  const snapshotMs = performance.now() - t0;

  const t1 = performance.now();
  const delta = parseDelta(deltaBytes, deltaEntry.path);
  await applyDelta(db, sub, { ...manifest, version: delta.version }, delta, deltaEntry.path, {}, Date.now());
  const deltaMs = performance.now() - t1;
  clearInterval(sampler);
  peakHeapBytes = Math.max(peakHeapBytes, memory());

  const storedBytes = ((await navigator.storage.estimate()).usage ?? 0) - before;
  const entities = await countEntities(db, sub);
  db.close();
  return { snapshotMs, deltaMs, peakHeapBytes, baseHeapBytes, storedBytes, entities };
};

interface StarterFigures {
  entities: number;
  /** Parse, check and apply of the whole snapshot, one run per fresh database. */
  snapshotMs: number[];
  /** The update a reader of the previous version receives: its delta, applied on that version. */
  deltaMs: number;
}

/** The built starter pack (served under `base`), applied as a new install and as an update. */
(window as unknown as { benchStarter: (base: string) => Promise<StarterFigures> }).benchStarter = async (base) => {
  const manifest = parseManifest(await bytesOf(`${base}pack.json`));
  const snapshotBytes = await bytesOf(`${base}${manifest.snapshot.path}`);
  const subscribe = async (name: string) => {
    const db = openDb(name);
    const sub = (await db.packs.add({ url: `${location.origin}/${name}`, builtin: true, entityCount: 0, briefCount: 0, failures: 0, added: 0 }))!;
    return { db, sub };
  };
  const snapshotMs: number[] = [];
  let entities = 0;
  for (let run = 0; run < 3; run++) {
    const { db, sub } = await subscribe(`gloss-bench-starter-${run}`);
    const t0 = performance.now();
    const snapshot = parseSnapshot(snapshotBytes, manifest.snapshot.path);
    await applySnapshot(db, sub, manifest, snapshot, {}, Date.now());
    snapshotMs.push(performance.now() - t0);
    entities = await countEntities(db, sub);
    db.close();
  }
  const entry = manifest.deltas.find((d) => d.from === manifest.version - 1)!;
  const previous = parseSnapshot(await bytesOf(`${base}snapshot-${entry.from}.json`), 'previous snapshot');
  const { db, sub } = await subscribe('gloss-bench-starter-update');
  await applySnapshot(db, sub, { ...manifest, version: previous.version }, previous, {}, Date.now());
  const deltaBytes = await bytesOf(`${base}${entry.path}`);
  const t1 = performance.now();
  await applyDelta(db, sub, manifest, parseDelta(deltaBytes, entry.path), entry.path, {}, Date.now());
  const deltaMs = performance.now() - t1;
  db.close();
  return { entities, snapshotMs, deltaMs };
};
