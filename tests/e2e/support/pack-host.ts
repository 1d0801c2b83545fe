import { FakePublisher } from '../../unit/support/publisher';
import type { TestServer } from './server';

/**
 * A publisher's static host on the test server: the same in-memory publisher the unit
 * tests use, served over HTTP with the headers the format asks publishers to send.
 */
export function hostPublisher(server: TestServer, pack: string, dir = `/packs/${pack}/`, title?: string): FakePublisher {
  const base = server.url(dir, '127.0.0.1');
  const pub = new FakePublisher(pack, base, title);
  server.route(async (req, res) => {
    const url = new URL(req.url ?? '/', base).href;
    if (!url.startsWith(base)) return false;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const answer = await pub.fetch(url, { headers });
    const out: Record<string, string> = { 'access-control-allow-origin': '*', 'content-type': 'application/json' };
    answer.headers.forEach((v, k) => {
      out[k] = v;
    });
    res.writeHead(answer.status, out);
    res.end(Buffer.from(await answer.arrayBuffer()));
    return true;
  });
  return pub;
}
