/**
 * A `fetch` that answers from a folder on disk, so `verify DIR` can run the
 * extension's own sync over files that are not served yet.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Fetch } from '../lib/sync/fetch-file';

/** A host that can never resolve, so nothing is fetched from the network by mistake. */
export const DIR_BASE = 'http://pack.invalid/';

export function dirFetch(dir: string, base = DIR_BASE): Fetch {
  const root = resolve(dir);
  return async (input) => {
    const url = new URL(input);
    if (!url.href.startsWith(base)) return new Response('not found', { status: 404, statusText: 'Not Found' });
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice(new URL(base).pathname.length));
    } catch {
      return new Response('bad request', { status: 400, statusText: 'Bad Request' });
    }
    const path = resolve(root, rel);
    if (!path.startsWith(root + sep)) return new Response('not found', { status: 404, statusText: 'Not Found' });
    try {
      return new Response(new Uint8Array(await readFile(path)), { status: 200 });
    } catch {
      return new Response('not found', { status: 404, statusText: 'Not Found' });
    }
  };
}
