import { isLocalPackUrl } from '../data/local-url';
import { isPackError, PackError } from '../pack/errors';
import { checkFile } from '../pack/check-file';
import { parseDelta, parseManifest, parseSnapshot } from '../pack/parse';
import type { Manifest } from '../pack/types';
import { applyDelta, applySnapshot, removePack, type Validators } from '../kb/apply';
import type { GlossDb, PackProblem, PackRow } from '../kb/db';
import { fetchFile, NetworkError, type Fetch, type FetchOptions, type Timeouts, type Timers } from './fetch-file';
import { nextAttemptAfter, SYNC_INTERVAL_MS } from './schedule';
import { checkKeyInput, KeyConflictError, pinAfter, signingKey } from './pinned-key';
import { checkSubscriptionUrl, isPlainHttp } from './subscription-url';

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface SyncDeps {
  db: GlossDb;
  fetch: Fetch;
  now: () => number;
  maxBytes?: number;
  /** Called after records changed. */
  onChange?: () => void;
  /**
   * Send the held ETag / Last-Modified as request headers. Off in the browser: there the
   * HTTP cache revalidates by itself, and custom headers would make every cross-origin
   * check a CORS preflight that many static hosts do not answer.
   */
  sendValidators?: boolean;
  /** Limits of each download (DEFAULT_TIMEOUTS unless given). */
  timeouts?: Timeouts;
  /** The clock the limits run on; the global timers unless given. */
  timers?: Timers;
}

/** How many packs are checked at once: a pack whose host stalls never holds up the others. */
export const SYNC_CONCURRENCY = 6;

export type SyncOutcome =
  | { result: 'updated'; version: number; via: 'snapshot' | 'delta' }
  | { result: 'unchanged'; version?: number }
  | { result: 'refused' | 'failed'; problem: PackProblem };

export interface SubscribeOptions {
  publicKey?: string;
  builtin?: boolean;
  replaceKey?: boolean;
  /** Take a plain http: address without a pinned key (the publishers' tool, which warns instead). */
  allowPlainHttp?: boolean;
}

export interface Sync {
  /**
   * Subscribes, or syncs a pack already subscribed to. A key given pins it (for a pack
   * already subscribed too); one different from the key pinned throws KeyConflictError
   * unless `replaceKey` says the reader agreed. No key given leaves a pin as it is.
   */
  subscribe(url: string, opts?: SubscribeOptions): Promise<PackRow>;
  unsubscribe(sub: number): Promise<void>;
  sync(sub: number): Promise<SyncOutcome>;
  syncAll(): Promise<SyncOutcome[]>;
  /** Syncs the packs whose next attempt is due (at start-up and on the alarm). */
  syncDue(): Promise<SyncOutcome[]>;
}

/** The file name a reader sees in messages: the last part of the URL's path. */
export function fileNameOf(url: string): string {
  try {
    const path = new URL(url).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
  } catch {
    return url;
  }
}

export function createSync(deps: SyncDeps): Sync {
  const { db, now } = deps;
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES;
  // Two syncs of one pack never run at once: a second caller gets the first one's outcome.
  const running = new Map<number, { job: Promise<SyncOutcome>; abort: AbortController }>();
  const limits = (signal: AbortSignal): Pick<FetchOptions, 'signal' | 'timeouts' | 'timers'> => ({
    signal,
    ...(deps.timeouts ? { timeouts: deps.timeouts } : {}),
    ...(deps.timers ? { timers: deps.timers } : {}),
  });

  /** A successful check that changed no records. */
  const checked = (extra: Partial<PackRow> = {}): Partial<PackRow> => ({
    ...extra,
    lastAttempt: now(),
    lastSuccess: now(),
    lastError: undefined,
    failures: 0,
    nextAttempt: now() + SYNC_INTERVAL_MS,
  });

  async function update(row: PackRow & { sub: number }, at: { file: string }, signal: AbortSignal): Promise<SyncOutcome> {
    const manifestFile = fileNameOf(row.url);
    at.file = manifestFile;
    const fetched = await fetchFile(deps.fetch, row.url, {
      file: manifestFile,
      maxBytes,
      ...limits(signal),
      ...(deps.sendValidators ? { etag: row.etag, lastModified: row.lastModified } : {}),
    });
    const validators: Validators = { etag: fetched.etag, lastModified: fetched.lastModified, nextAttempt: now() + SYNC_INTERVAL_MS };
    if (fetched.status === 304) {
      await db.packs.update(row.sub, checked());
      return { result: 'unchanged', version: row.version };
    }
    // After a redirect, the signature and the files are beside the manifest where it landed.
    const base = fetched.url;
    const signedBy = row.publicKey ? await checkSignature(row, base, manifestFile, fetched.bytes, signal) : undefined;
    const manifest = parseManifest(fetched.bytes, manifestFile, { maxBytes });
    if (signedBy) validators.pin = pinAfter(signedBy, manifest);
    if (row.pack !== undefined && manifest.pack !== row.pack) {
      throw new PackError('pack-id', `${manifestFile}: it now describes pack "${manifest.pack}", not "${row.pack}"`);
    }
    if (row.version !== undefined && manifest.version < row.version) {
      throw new PackError('rollback', `${manifestFile}: version ${manifest.version} is older than the version held (${row.version})`);
    }
    if (row.version === manifest.version) {
      await db.packs.update(
        row.sub,
        checked({ etag: validators.etag, lastModified: validators.lastModified, expires: manifest.expires, ...validators.pin }),
      );
      return { result: 'unchanged', version: row.version };
    }
    const delta = row.version === undefined ? undefined : manifest.deltas.find((d) => d.from === row.version);
    if (delta) {
      at.file = fileNameOf(delta.path);
      const bytes = await download(base, delta, signal);
      const parsed = parseDelta(bytes, fileNameOf(delta.path), { maxBytes });
      expectPack(parsed, manifest, fileNameOf(delta.path));
      await applyDelta(db, row.sub, manifest, parsed, fileNameOf(delta.path), validators, now());
      return { result: 'updated', version: manifest.version, via: 'delta' };
    }
    at.file = fileNameOf(manifest.snapshot.path);
    const bytes = await download(base, manifest.snapshot, signal);
    const snapshot = parseSnapshot(bytes, fileNameOf(manifest.snapshot.path), { maxBytes });
    expectPack(snapshot, manifest, fileNameOf(manifest.snapshot.path));
    await applySnapshot(db, row.sub, manifest, snapshot, validators, now());
    return { result: 'updated', version: manifest.version, via: 'snapshot' };
  }

  async function download(manifestUrl: string, entry: { path: string; sha256: string; bytes: number }, signal: AbortSignal) {
    const file = fileNameOf(entry.path);
    if (entry.bytes > maxBytes) {
      throw new PackError('too-large', `${file}: larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MiB`);
    }
    const fetched = await fetchFile(deps.fetch, new URL(entry.path, manifestUrl).href, { file, maxBytes, ...limits(signal) });
    await checkFile(fetched.bytes, entry, file);
    return fetched.bytes;
  }

  /** Checks the manifest's signature against the pin; returns the key that signed it. */
  async function checkSignature(row: PackRow, manifestUrl: string, manifestFile: string, bytes: Uint8Array, signal: AbortSignal): Promise<string> {
    const sigUrl = new URL(manifestUrl);
    sigUrl.search = '';
    sigUrl.hash = '';
    sigUrl.pathname += '.sig';
    const sigFile = `${manifestFile}.sig`;
    // The signature file is named after the manifest, beside it.
    let signature: string;
    try {
      const fetched = await fetchFile(deps.fetch, sigUrl.href, { file: sigFile, maxBytes: 4096, ...limits(signal) });
      signature = new TextDecoder().decode(fetched.bytes).trim();
    } catch (err) {
      if (err instanceof NetworkError && err.status === 404) {
        throw new PackError('signature', `${sigFile}: missing, but this subscription requires the publisher’s signature`);
      }
      throw err;
    }
    const key = await signingKey(bytes, signature, { publicKey: row.publicKey!, nextKey: row.nextKey });
    if (!key) throw new PackError('signature', `${sigFile}: the signature does not match ${manifestFile} and the pinned key`);
    return key;
  }

  async function record(sub: number, err: unknown, file: string): Promise<SyncOutcome> {
    const at = now();
    const row = await db.packs.get(sub);
    if (!row) return { result: 'failed', problem: { code: 'removed', message: 'The subscription was removed.', at } };
    if (err instanceof NetworkError) {
      const failures = row.failures + 1;
      const problem: PackProblem = { file: err.file, code: err.status ? 'http' : err.timedOut ? 'timeout' : 'network', message: err.message, at };
      await db.packs.update(sub, { lastAttempt: at, lastError: problem, failures, nextAttempt: nextAttemptAfter(at, failures) });
      return { result: 'failed', problem };
    }
    const problem: PackProblem = isPackError(err)
      ? { file, code: err.code, message: err.message, at }
      : { file, code: 'internal', message: err instanceof Error ? err.message : String(err), at };
    await db.packs.update(sub, { lastAttempt: at, lastError: problem, failures: 0, nextAttempt: at + SYNC_INTERVAL_MS });
    return { result: 'refused', problem };
  }

  function sync(sub: number): Promise<SyncOutcome> {
    const current = running.get(sub);
    if (current) return current.job;
    const abort = new AbortController();
    const job = (async () => {
      const row = await db.packs.get(sub);
      if (!row || row.sub === undefined) {
        return { result: 'failed', problem: { code: 'removed', message: 'There is no such subscription.', at: now() } } as const;
      }
      // A pack imported from a file has no publisher to ask.
      if (isLocalPackUrl(row.url)) return { result: 'unchanged', version: row.version } as const;
      const at = { file: fileNameOf(row.url) };
      try {
        const outcome = await update(row as PackRow & { sub: number }, at, abort.signal);
        if (outcome.result === 'updated') deps.onChange?.();
        return outcome;
      } catch (err) {
        return record(sub, err, at.file);
      }
    })().finally(() => running.delete(sub));
    running.set(sub, { job, abort });
    return job;
  }

  /** Syncs the packs a few at a time, each on its own: a stalled host holds up nobody else. */
  async function syncEach(rows: PackRow[]) {
    const subs = rows.map((r) => r.sub).filter((s): s is number => s !== undefined);
    const outcomes: SyncOutcome[] = new Array(subs.length);
    let next = 0;
    const worker = async () => {
      while (next < subs.length) {
        const i = next++;
        outcomes[i] = await sync(subs[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(SYNC_CONCURRENCY, subs.length) }, worker));
    return outcomes;
  }

  return {
    async subscribe(url, opts = {}) {
      const normalized = checkSubscriptionUrl(url, opts.builtin ?? false);
      const key = opts.publicKey?.trim() ? checkKeyInput(opts.publicKey) : undefined;
      let row = await db.packs.where('url').equals(normalized).first();
      if (isPlainHttp(normalized) && !key && !row?.publicKey && !opts.allowPlainHttp) {
        throw new Error(
          'This address is plain http://, so anyone on the way can change what it sends. Use the pack’s https:// address, or add it with the publisher’s key.',
        );
      }
      if (row && key && row.publicKey !== key) {
        if (row.publicKey && !opts.replaceKey) throw new KeyConflictError(row.sub!, row.publicKey, key);
        // The version held was not checked against this key: fetch the manifest whole and check it now.
        await db.packs.update(row.sub!, { publicKey: key, nextKey: undefined, etag: undefined, lastModified: undefined });
      }
      if (!row) {
        const sub = await db.packs.add({
          url: normalized,
          publicKey: key,
          builtin: opts.builtin ?? false,
          entityCount: 0,
          briefCount: 0,
          failures: 0,
          added: now(),
        });
        row = { ...(await db.packs.get(sub))! };
      }
      await sync(row.sub!);
      return (await db.packs.get(row.sub!))!;
    },
    async unsubscribe(sub) {
      // Removing never waits on the network: a sync under way is stopped, and finds the pack gone.
      running.get(sub)?.abort.abort();
      await removePack(db, sub);
      deps.onChange?.();
    },
    sync,
    async syncAll() {
      return syncEach(await db.packs.toArray());
    },
    async syncDue() {
      const at = now();
      return syncEach((await db.packs.toArray()).filter((r) => r.nextAttempt === undefined || r.nextAttempt <= at));
    },
  };
}

function expectPack(file: { pack: string; version: number }, manifest: Manifest, name: string) {
  if (file.pack !== manifest.pack) {
    throw new PackError('pack-id', `${name}: it belongs to pack "${file.pack}", not "${manifest.pack}"`);
  }
  if (file.version !== manifest.version) {
    throw new PackError('version', `${name}: it is version ${file.version}, but the manifest promised ${manifest.version}`);
  }
}
