/**
 * `gloss-pack serve DIR`: a local static server with the headers a pack host
 * needs (CORS, ETag), for trying a pack in the extension before uploading it.
 */
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { extname, resolve, sep } from 'node:path';
import { stringOption, type Command } from '../command';
import { CliError } from '../errors';

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.sig': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
};

/** The headers a pack file's answer carries; docs/publishing.md shows the same for nginx and a CDN. */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
  'Access-Control-Expose-Headers': 'ETag',
  'Access-Control-Max-Age': '86400',
};

/** A strong validator from the bytes: the same content gives the same ETag after a rebuild. */
export function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha1').update(bytes).digest('base64url')}"`;
}

/** True when an If-None-Match header names this ETag (weak comparison, as for GET). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

export interface ServeLog {
  (line: string): void;
}

/** Pack files (manifest, snapshots, deltas, signature): the only answers other sites may read. */
const isPackFile = (path: string) => /\.(json|sig)$/i.test(path);
/** Key files are never served, even when someone builds into the folder that holds them. */
const isKeyFile = (path: string) => /\.(key|pem|pub)$/i.test(path);

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a request's Host may be answered. On this computer only (the default), only its
 * loopback names: a web page cannot then reach the server through a DNS name it controls
 * (DNS rebinding). Serving a network, an IP address or this machine's own name.
 */
export function hostAllowed(hostHeader: string | undefined, boundHost: string, machineName: string): boolean {
  if (!hostHeader) return false;
  let name: string;
  try {
    name = new URL(`http://${hostHeader}/`).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (LOOPBACK_NAMES.has(name)) return true;
  if (LOOPBACK_NAMES.has(boundHost) || boundHost === '::1') return false;
  const ipLiteral = /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.startsWith('[');
  const machine = machineName.toLowerCase();
  return ipLiteral || name === machine || name === `${machine}.local`;
}

function handler(root: string, boundHost: string, log: ServeLog) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    let cors = false;
    const answer = (status: number, headers: Record<string, string> = {}, body?: Uint8Array | string) => {
      res.writeHead(status, { ...(cors ? CORS : {}), ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
      log(`${req.method} ${req.url} ${status}`);
    };
    if (!hostAllowed(req.headers.host, boundHost, hostname())) {
      return answer(421, { 'Content-Type': 'text/plain' }, 'this server does not answer for that host name\n');
    }
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return answer(400, { 'Content-Type': 'text/plain' }, 'bad request\n');
    }
    cors = isPackFile(rel);
    if (req.method === 'OPTIONS') return answer(204);
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, { Allow: 'GET, HEAD, OPTIONS' });
    const path = resolve(root, `.${rel}`);
    const hidden = rel.split('/').some((part) => part.startsWith('.'));
    // Symbolic links are followed only when they lead to a file inside the folder too.
    const real = hidden || isKeyFile(rel) ? null : await realpath(path).catch(() => null);
    const inside = real !== null && (real === root || real.startsWith(root + sep));
    const info = inside ? await stat(real).catch(() => null) : null;
    if (!info?.isFile()) {
      cors = false;
      return answer(404, { 'Content-Type': 'text/plain' }, 'not found\n');
    }
    const bytes = new Uint8Array(await readFile(real!));
    const etag = etagOf(bytes);
    const headers = {
      ETag: etag,
      'Last-Modified': info.mtime.toUTCString(),
      // Revalidate every time: a local server is for trying changes as they are built.
      'Cache-Control': 'no-cache',
    };
    if (matches(req.headers['if-none-match'], etag)) return answer(304, headers);
    answer(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Length': String(bytes.byteLength) }, bytes);
  };
}

export interface ServeOptions {
  port?: number;
  host?: string;
  log?: ServeLog;
}

/** Starts serving; resolves once listening, with the server and its base URL. */
export async function servePackDir(dir: string, opts: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const info = await stat(resolve(dir)).catch(() => null);
  if (!info?.isDirectory()) throw new CliError(`${dir}: is not a folder`);
  const root = await realpath(resolve(dir));
  const log = opts.log ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handler(root, host, log)(req, res).catch((err: unknown) => {
      log(`error: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 8787, host, ok);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { server, url: `http://${shownHost}:${port}/` };
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve a built pack locally with the headers readers need, to try it in Gloss',
  usage: `gloss-pack serve DIR [--port N] [--host ADDRESS]

  DIR          the folder gloss-pack build wrote
  --port N     default 8787 (0: any free port)
  --host ADDR  default 127.0.0.1 (this computer only); 0.0.0.0 serves the local network

Answers with ETag, 304 Not Modified, and Access-Control-Allow-Origin: * on pack
files (.json, .sig) only. Serves nothing outside DIR (symbolic links included) and
no key files; on 127.0.0.1 it answers only requests addressed to this computer.
Stop it with Ctrl-C.`,
  options: { port: { type: 'string', short: 'p' }, host: { type: 'string' } },
  args: { min: 1, max: 1 },
  async run({ positionals, values, log, print }) {
    const portText = stringOption(values, 'port') ?? '8787';
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) throw new CliError(`--port: "${portText}" is not a port number (0 to 65535)`, 2);
    const dir = positionals[0] ?? '';
    const { server, url } = await servePackDir(dir, { port, host: stringOption(values, 'host') ?? '127.0.0.1', log });
    print(`Serving ${dir} at ${url}`);
    print(`Subscribe in Gloss (options page) to: ${url}pack.json`);
    await new Promise<void>((done) => {
      const stop = () => {
        server.close(() => done());
        server.closeAllConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
