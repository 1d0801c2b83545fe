import { request, type Server } from 'node:http';
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPackDir } from '@/cli/commands/build';
import { initPackDir } from '@/cli/commands/init';
import { hostAllowed, servePackDir } from '@/cli/commands/serve';
import { verifyPack } from '@/cli/commands/verify';
import { tempDir } from './helpers';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = undefined;
});

async function served() {
  const root = await tempDir();
  const src = join(root, 'src');
  const out = join(root, 'out');
  await initPackDir(src);
  await buildPackDir(src, out);
  await writeFile(join(root, 'secret.txt'), 'outside the pack\n');
  const started = await servePackDir(out, { port: 0 });
  server = started.server;
  return { url: started.url, out, root };
}

/** A raw GET, so the Host header and the path are sent exactly as given. */
function rawGet(url: string, path: string, host?: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, headers: host ? { Host: host } : {} }, (res) => {
      res.resume();
      done({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serve', () => {
  it('answers with ETag, CORS and the JSON content type on 127.0.0.1', async () => {
    const { url } = await served();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${url}pack.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(JSON.parse(await res.text())).toMatchObject({ format: 'gloss-pack/1', version: 1 });
  });

  it('answers 304 to a matching If-None-Match, with CORS still on', async () => {
    const { url } = await served();
    const first = await fetch(`${url}pack.json`);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${url}pack.json`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${url}pack.json`, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
  });

  it('allows the conditional headers in a CORS preflight', async () => {
    const { url } = await served();
    const res = await fetch(`${url}pack.json`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://x', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/);
  });

  it('serves nothing outside the folder', async () => {
    const { url } = await served();
    expect((await fetch(`${url}../secret.txt`)).status).toBe(404);
    // fetch normalises dot segments itself; a raw request does not.
    const raw = await new Promise<number>((done, fail) => {
      const req = request(`${url}..%2fsecret.txt`, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on('error', fail);
      req.end();
    });
    expect(raw).toBe(404);
    expect((await fetch(`${url}missing.json`)).status).toBe(404);
  });

  it('serves a pack that verify accepts by URL, with no warnings about its headers', async () => {
    const { url } = await served();
    const result = await verifyPack(`${url}pack.json`);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('verify by URL warns about a host without CORS', async () => {
    const { url } = await served();
    const bare: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const headers = new Headers(res.headers);
      for (const name of [...headers.keys()]) if (name.startsWith('access-control-')) headers.delete(name);
      return new Response(res.body, { status: res.status, headers });
    };
    const result = await verifyPack(url, { fetch: bare });
    expect(result.ok).toBe(true);
    expect(result.warnings.join('\n')).toMatch(/no "Access-Control-Allow-Origin: \*" header/);
    expect(result.warnings.join('\n')).toMatch(/If-None-Match/);
  });

  it('does not follow a symbolic link out of the folder, and never serves key files', async () => {
    const { url, out, root } = await served();
    await symlink(join(root, 'secret.txt'), join(out, 'linked.json'));
    await writeFile(join(out, 'gloss-pack.key'), 'PRIVATE\n');
    await writeFile(join(out, 'gloss-pack.key.pub'), 'PUBLIC\n');
    expect((await fetch(`${url}linked.json`)).status).toBe(404);
    expect((await fetch(`${url}gloss-pack.key`)).status).toBe(404);
    expect((await fetch(`${url}gloss-pack.key.pub`)).status).toBe(404);
    // A link that stays inside the folder is fine.
    await symlink(join(out, 'pack.json'), join(out, 'latest.json'));
    expect((await fetch(`${url}latest.json`)).status).toBe(200);
  });

  it('lets other sites read pack files only', async () => {
    const { url, out } = await served();
    await writeFile(join(out, 'notes.txt'), 'for the publisher\n');
    const notes = await fetch(`${url}notes.txt`);
    expect(notes.status).toBe(200);
    expect(notes.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${url}pack.json.sig`)).status).toBe(404);
    expect((await fetch(`${url}snapshot-1.json`)).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('on this computer, answers only requests addressed to it (no DNS rebinding)', async () => {
    const { url } = await served();
    expect((await rawGet(url, '/pack.json', 'evil.example:8787')).status).toBe(421);
    expect((await rawGet(url, '/pack.json', `localhost:${new URL(url).port}`)).status).toBe(200);
    expect((await rawGet(url, '/pack.json')).status).toBe(200);
    expect(hostAllowed('192.168.1.20:8787', '0.0.0.0', 'desk')).toBe(true);
    expect(hostAllowed('desk.local:8787', '0.0.0.0', 'desk')).toBe(true);
    expect(hostAllowed('evil.example', '0.0.0.0', 'desk')).toBe(false);
    expect(hostAllowed(undefined, '127.0.0.1', 'desk')).toBe(false);
  });
});
