import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface TestServer {
  port: number;
  /** The URL of `path` on a host that the browsers resolve to this server. */
  url(path: string, host?: string): string;
  /** Serve `body` at `path` (any host), replacing what was there. */
  put(path: string, body: string | Uint8Array, headers?: Record<string, string>): void;
  route(route: Route): void;
  close(): Promise<void>;
}

/** The default news site the tests pose as; the browsers map it onto 127.0.0.1. */
export const NEWS_HOST = 'www.reuters.com';

/**
 * A plain HTTP server on 127.0.0.1 that serves what a test puts into it; HTTPS with `tls`
 * (for hosts that browsers only visit over HTTPS, HSTS-preloaded news sites among them).
 */
export async function startServer(tls?: { key: string; cert: string }): Promise<TestServer> {
  const files = new Map<string, { body: string | Uint8Array; headers: Record<string, string> }>();
  const routes: Route[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    for (const route of routes) if (await route(req, res)) return;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, file.headers).end(file.body);
  };
  const server = tls ? createTlsServer(tls, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path, host = NEWS_HOST) => `${tls ? 'https' : 'http'}://${host}:${port}${path}`,
    put(path, body, headers = {}) {
      const type = path.endsWith('.json') ? 'application/json' : 'text/html; charset=utf-8';
      files.set(path, { body, headers: { 'content-type': type, ...headers } });
    },
    route: (route) => routes.push(route),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
