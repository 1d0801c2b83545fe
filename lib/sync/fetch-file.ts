import { PackError } from '../pack/errors';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A failure to reach the publisher: worth retrying, unlike a refused file. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    readonly file: string,
    message: string,
    /** HTTP status, when the server answered. */
    readonly status?: number,
    /** The server did not finish in time (see Timeouts). */
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/** The clock seam of a download: the global timers in the extension and the CLI, a manual clock in tests. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const globalTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * How long one file may take: `totalMs` from the request to the last byte, and `idleMs`
 * without a byte arriving (before the headers, or between two chunks of the body).
 */
export interface Timeouts {
  totalMs: number;
  idleMs: number;
}

/** Generous for a 64 MiB snapshot on a slow line, short enough that no sync hangs. */
export const DEFAULT_TIMEOUTS: Timeouts = { totalMs: 5 * 60_000, idleMs: 30_000 };

export interface Fetched {
  /** Where the file came from after redirects: files named in it are relative to this. */
  url: string;
  status: number;
  bytes: Uint8Array;
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions {
  file: string;
  maxBytes: number;
  etag?: string;
  lastModified?: string;
  /** Aborts the download (the pack was removed meanwhile). */
  signal?: AbortSignal;
  timeouts?: Timeouts;
  timers?: Timers;
}

/** A watchdog over one download: rejects `expired` when either limit passes, and aborts the request. */
function watchdog(opts: FetchOptions) {
  const timers = opts.timers ?? globalTimers;
  const limits = opts.timeouts ?? DEFAULT_TIMEOUTS;
  const controller = new AbortController();
  const outer = opts.signal;
  let fail!: (err: Error) => void;
  const expired = new Promise<never>((_, reject) => (fail = reject));
  expired.catch(() => {});
  const stop = (err: Error) => {
    fail(err);
    controller.abort(err);
  };
  const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
  const total = timers.setTimeout(
    () => stop(new NetworkError(opts.file, `${opts.file}: took longer than ${seconds(limits.totalMs)}; the download was stopped`, undefined, true)),
    limits.totalMs,
  );
  let idle: unknown;
  const touch = () => {
    if (idle !== undefined) timers.clearTimeout(idle);
    idle = timers.setTimeout(
      () => stop(new NetworkError(opts.file, `${opts.file}: the server sent nothing for ${seconds(limits.idleMs)}; the download was stopped`, undefined, true)),
      limits.idleMs,
    );
  };
  const onAbort = () => stop(new NetworkError(opts.file, `${opts.file}: the download was cancelled`));
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  touch();
  return {
    signal: controller.signal,
    /** Races a step of the download against the limits; a step that finishes is progress. */
    async step<T>(work: Promise<T>): Promise<T> {
      const value = await Promise.race([work, expired]);
      touch();
      return value;
    },
    done() {
      timers.clearTimeout(total);
      if (idle !== undefined) timers.clearTimeout(idle);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * GETs one pack file, reading at most `maxBytes` (a lying or missing Content-Length cannot
 * make Gloss read more). `no-cache` makes a browser revalidate its cached copy, sending the
 * server's ETag / Last-Modified itself, so an unchanged file costs a 304 and no preflight.
 * Where there is no HTTP cache (Node), validators given here are sent as headers instead.
 */
export async function fetchFile(fetch: Fetch, url: string, opts: FetchOptions): Promise<Fetched> {
  const guard = watchdog(opts);
  try {
    return await fetchGuarded(fetch, url, opts, guard);
  } finally {
    guard.done();
  }
}

type Guard = ReturnType<typeof watchdog>;

async function fetchGuarded(fetch: Fetch, url: string, opts: FetchOptions, guard: Guard): Promise<Fetched> {
  const headers: Record<string, string> = {};
  if (opts.etag) headers['If-None-Match'] = opts.etag;
  if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified;
  let response: Response;
  try {
    response = await guard.step(fetch(url, { headers, cache: 'no-cache', credentials: 'omit', signal: guard.signal }));
  } catch (err) {
    if (err instanceof NetworkError) throw err;
    throw new NetworkError(opts.file, `${opts.file}: could not be reached (${describe(err)})`);
  }
  const finalUrl = response.url || url;
  const redirect = redirectProblem(url, finalUrl);
  if (redirect) {
    void response.body?.cancel().catch(() => {});
    throw new PackError('redirect', `${opts.file}: ${redirect}`);
  }
  const validators = {
    url: finalUrl,
    etag: response.headers.get('etag') ?? undefined,
    lastModified: response.headers.get('last-modified') ?? undefined,
  };
  if (response.status === 304) return { status: 304, bytes: new Uint8Array(), ...validators };
  if (!response.ok) {
    throw new NetworkError(opts.file, `${opts.file}: the server answered ${response.status} ${response.statusText}`.trim(), response.status);
  }
  const declared = Number(response.headers.get('content-length'));
  // Content-Length counts encoded bytes; only a plain response can be judged by it up front.
  if (!response.headers.get('content-encoding') && declared > opts.maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge(opts.file, opts.maxBytes);
  }
  const bytes = await readCapped(response, opts, guard);
  return { status: response.status, bytes, ...validators };
}

async function readCapped(response: Response, opts: FetchOptions, guard: Guard): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await guard.step(response.arrayBuffer()));
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await guard.step(reader.read());
      if (done) break;
      total += value.byteLength;
      if (total > opts.maxBytes) {
        void reader.cancel().catch(() => {});
        throw tooLarge(opts.file, opts.maxBytes);
      }
      chunks.push(value);
    }
  } catch (err) {
    // A stalled stream may never settle its read: let go of it without waiting.
    void reader.cancel().catch(() => {});
    if (err instanceof PackError || err instanceof NetworkError) throw err;
    throw new NetworkError(opts.file, `${opts.file}: the download broke off (${describe(err)})`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Why a redirect is refused, or null: a pack's files may move within their origin, or from
 * http: to https: on the same host, but never to another host, where anyone could answer.
 */
export function redirectProblem(asked: string, landed: string): string | null {
  if (asked === landed) return null;
  let from: URL;
  let to: URL;
  try {
    from = new URL(asked);
    to = new URL(landed);
  } catch {
    return 'was redirected to an address that is not a web address';
  }
  if (from.origin === to.origin) return null;
  const port = (u: URL) => u.port || DEFAULT_PORTS[u.protocol] || '';
  const upgrade = from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname && (port(from) === '80' && port(to) === '443');
  if (upgrade) return null;
  return `was redirected to another site (${to.origin}); a pack's files must stay where its manifest is, or only move from http: to https:`;
}

function tooLarge(file: string, max: number) {
  return new PackError('too-large', `${file}: larger than the limit of ${Math.round(max / 1024 / 1024)} MiB`);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
