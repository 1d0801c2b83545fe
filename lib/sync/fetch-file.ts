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
  ) {
    super(message);
  }
}

export interface Fetched {
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
  signal?: AbortSignal;
}

/**
 * GETs one pack file, reading at most `maxBytes` (a lying or missing Content-Length cannot
 * make Gloss read more). `no-cache` makes a browser revalidate its cached copy, sending the
 * server's ETag / Last-Modified itself, so an unchanged file costs a 304 and no preflight.
 * Where there is no HTTP cache (Node), validators given here are sent as headers instead.
 */
export async function fetchFile(fetch: Fetch, url: string, opts: FetchOptions): Promise<Fetched> {
  const headers: Record<string, string> = {};
  if (opts.etag) headers['If-None-Match'] = opts.etag;
  if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { headers, cache: 'no-cache', credentials: 'omit', signal: opts.signal });
  } catch (err) {
    throw new NetworkError(opts.file, `${opts.file}: could not be reached (${describe(err)})`);
  }
  const validators = {
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
    await response.body?.cancel();
    throw tooLarge(opts.file, opts.maxBytes);
  }
  const bytes = await readCapped(response, opts);
  return { status: response.status, bytes, ...validators };
}

async function readCapped(response: Response, opts: FetchOptions): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > opts.maxBytes) {
        await reader.cancel();
        throw tooLarge(opts.file, opts.maxBytes);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof PackError) throw err;
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

function tooLarge(file: string, max: number) {
  return new PackError('too-large', `${file}: larger than the limit of ${Math.round(max / 1024 / 1024)} MiB`);
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
