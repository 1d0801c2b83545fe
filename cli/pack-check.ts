/**
 * Checking a published pack exactly as the extension would: its own sync code
 * subscribes to the pack in a throw-away IndexedDB (fake-indexeddb), and every
 * delta is tried by a second client that starts from the older snapshot.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { buildManifest, fileEntry, snapshotFileName } from '../lib/pack/build';
import { deepEqual } from '../lib/pack/deep-equal';
import { encodeJson } from '../lib/pack/encode-json';
import { parseManifest, parseSnapshot } from '../lib/pack/parse';
import type { DeltaEntry, Manifest } from '../lib/pack/types';
import { isStale } from '../lib/pack/version';
import { openDb, type GlossDb, type PackRow } from '../lib/kb/db';
import { dumpStore } from '../lib/kb/queries';
import type { Fetch, Timeouts, Timers } from '../lib/sync/fetch-file';
import { createSync } from '../lib/sync/sync';
import { count } from './log';

export interface CheckOptions {
  publicKey?: string;
  now?: () => number;
  /** The sync's download limits and their clock (the defaults unless given). */
  timeouts?: Timeouts;
  timers?: Timers;
}

const limitsOf = (opts: CheckOptions) => ({
  ...(opts.timeouts ? { timeouts: opts.timeouts } : {}),
  ...(opts.timers ? { timers: opts.timers } : {}),
});

export interface CheckResult {
  ok: boolean;
  row?: PackRow;
  manifest?: Manifest;
  /** Why a reader's Gloss would refuse the pack, or a delta would fail. */
  problems: string[];
  /** What was checked and found in order. */
  notes: string[];
}

let opened = 0;

/** A fresh database per client, so no check sees another's state. */
function freshDb(): GlossDb {
  opened += 1;
  return openDb(`gloss-pack-verify-${process.pid}-${opened}`, indexedDB, IDBKeyRange);
}

/** Serves `replaced` instead of the real pack.json while set: a client from the past. */
function withOverride(fetch: Fetch, manifestUrl: string) {
  const state: { manifest?: Uint8Array } = {};
  const wrapped: Fetch = (input, init) =>
    input === manifestUrl && state.manifest
      ? Promise.resolve(new Response(state.manifest as BodyInit, { status: 200 }))
      : fetch(input, init);
  return { fetch: wrapped, state };
}

async function bytesAt(fetch: Fetch, url: string): Promise<Uint8Array | null> {
  try {
    const response = await fetch(url);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

const records = async (db: GlossDb) => {
  const dump = await dumpStore(db);
  return { entities: dump.entities.map((r) => r.record), briefs: dump.briefs.map((r) => r.record) };
};

/**
 * A client holding version `from`: subscribes to a manifest of that version
 * (the older snapshot, kept beside the new one), then updates to the real one.
 */
async function tryDelta(
  entry: DeltaEntry,
  manifest: Manifest,
  manifestUrl: string,
  fetch: Fetch,
  expected: Awaited<ReturnType<typeof records>>,
  now: () => number,
  opts: CheckOptions,
): Promise<{ note?: string; problem?: string }> {
  const name = snapshotFileName(entry.from);
  const label = `delta from version ${entry.from} (${entry.path})`;
  const bytes = await bytesAt(fetch, new URL(name, manifestUrl).href);
  if (!bytes) return { note: `${label}: not tried, ${name} is not there to start from` };
  try {
    parseSnapshot(bytes, name, { pack: manifest.pack, version: entry.from });
  } catch {
    return { note: `${label}: not tried, ${name} is not a usable snapshot of version ${entry.from}` };
  }
  const past = buildManifest({
    meta: { pack: manifest.pack, title: manifest.title, ...(manifest.publisher ? { publisher: manifest.publisher } : {}) },
    version: entry.from,
    published: manifest.published,
    snapshot: await fileEntry(name, bytes),
  });
  const client = withOverride(fetch, manifestUrl);
  client.state.manifest = encodeJson(past);
  const db = freshDb();
  try {
    const sync = createSync({ db, fetch: client.fetch, now, ...limitsOf(opts) });
    const row = await sync.subscribe(manifestUrl, { allowPlainHttp: true });
    if (row.version !== entry.from || row.sub === undefined) {
      return { note: `${label}: not tried, ${name} could not be installed (${row.lastError?.message ?? 'no version'})` };
    }
    delete client.state.manifest;
    const outcome = await sync.sync(row.sub);
    if (outcome.result === 'refused' || outcome.result === 'failed') return { problem: `${label}: ${outcome.problem.message}` };
    if (outcome.result !== 'updated' || outcome.via !== 'delta') {
      return { problem: `${label}: a client at version ${entry.from} did not take it` };
    }
    if (!deepEqual(await records(db), expected)) {
      return { problem: `${label}: applied to version ${entry.from}, it does not give the records of ${manifest.snapshot.path}` };
    }
    return { note: `${label}: applies, and gives the same records as ${manifest.snapshot.path}` };
  } finally {
    await db.delete();
  }
}

export async function checkPack(manifestUrl: string, fetch: Fetch, opts: CheckOptions = {}): Promise<CheckResult> {
  const now = opts.now ?? (() => Date.now());
  const problems: string[] = [];
  const notes: string[] = [];
  const db = freshDb();
  try {
    const sync = createSync({ db, fetch, now, ...limitsOf(opts) });
    // Plain http is a warning here (see verify), not a refusal: folders are read over an internal http: address.
    const row = await sync.subscribe(manifestUrl, { allowPlainHttp: true, ...(opts.publicKey ? { publicKey: opts.publicKey } : {}) });
    if (row.lastError || row.version === undefined) {
      problems.push(row.lastError?.message ?? 'the pack was not installed');
      return { ok: false, row, problems, notes };
    }
    // The sync accepted these bytes a moment ago; read them again for the delta list.
    const manifestBytes = await bytesAt(fetch, manifestUrl);
    const manifest = manifestBytes ? parseManifest(manifestBytes) : undefined;
    notes.push(`pack "${row.pack}" version ${row.version}: ${count(row.entityCount, 'entity', 'entities')}, ${count(row.briefCount, 'brief', 'briefs')}`);
    notes.push(`published ${row.published}${row.expires ? `, expires ${row.expires}` : ''}`);
    if (row.expires && isStale({ expires: row.expires }, now())) {
      notes.push('expired: readers see this pack as no longer refreshed (gloss-pack build --refresh renews it)');
    }
    if (opts.publicKey) notes.push('signature: valid for the given public key');
    else if (await bytesAt(fetch, `${manifestUrl}.sig`)) notes.push('signature: present, not checked (give --key to check it)');
    else notes.push('signature: none');
    if (manifest) {
      const expected = await records(db);
      for (const entry of manifest.deltas) {
        const { note, problem } = await tryDelta(entry, manifest, manifestUrl, fetch, expected, now, opts);
        if (note) notes.push(note);
        if (problem) problems.push(problem);
      }
    }
    return { ok: problems.length === 0, row, ...(manifest ? { manifest } : {}), problems, notes };
  } finally {
    await db.delete();
  }
}
