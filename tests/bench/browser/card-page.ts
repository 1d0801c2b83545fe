// Runs in a plain Chromium page: stores a pack in real IndexedDB with Gloss's own code, then
// times the background's card query (loadCard) alone, without messaging.
import { loadCard } from '../../../lib/card/load-card';
import { applySnapshot } from '../../../lib/kb/apply';
import { openDb } from '../../../lib/kb/db';
import { parseManifest, parseSnapshot } from '../../../lib/pack/parse';

const bytesOf = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

interface QueryFigures {
  /** loadCard, per entity. */
  card: number[];
  /** One small IndexedDB read, for scale: a card costs a few of these. */
  request: number[];
}

(window as unknown as { benchCardData: (base: string, ids: string[]) => Promise<QueryFigures> }).benchCardData = async (base, ids) => {
  const manifest = parseManifest(await bytesOf(`${base}pack.json`));
  const snapshot = parseSnapshot(await bytesOf(new URL(manifest.snapshot.path, base).href), manifest.snapshot.path);
  const db = openDb(`gloss-card-bench-${Date.now()}`);
  const sub = (await db.packs.add({ url: base, builtin: false, entityCount: 0, briefCount: 0, failures: 0, added: 0 }))!;
  await applySnapshot(db, sub, manifest, snapshot, {}, Date.now());
  // Let the store settle after the big write, and warm the code paths, before timing.
  await new Promise((r) => setTimeout(r, 1000));
  for (const id of ids.slice(0, 50)) await loadCard(db, `${sub}:${id}`, ['en'], Date.now());
  const times: number[] = [];
  for (const id of ids) {
    const t0 = performance.now();
    const card = await loadCard(db, `${sub}:${id}`, ['en', 'tr', 'ru'], Date.now());
    times.push(performance.now() - t0);
    if (!card) throw new Error(`no card for ${id}`);
  }
  const request: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await db.packs.get(sub);
    request.push(performance.now() - t0);
  }
  db.close();
  return { card: times, request };
};
