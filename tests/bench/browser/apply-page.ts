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
