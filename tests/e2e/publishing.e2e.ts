import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type ExtensionBrowser } from './support/browsers';
import { readHighlights, waitForHighlights } from './support/highlights';
import { useOnlyPack } from './support/options';
import { startServer, type TestServer } from './support/server';

const cli = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['cli/bin.mjs', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`gloss-pack ${args.join(' ')} failed:\n${run.stderr}`);
  return run.stdout;
};

let dir: string;
let serve: ChildProcess;
let manifestUrl: string;
let title: string;
let site: TestServer;

beforeAll(async () => {
  // A publisher's whole path with the project's tool: a new source, a build, a local server.
  dir = mkdtempSync(join(tmpdir(), 'gloss-publish-'));
  cli('init', join(dir, 'src'));
  cli('build', join(dir, 'src'), '--out', join(dir, 'out'));
  title = JSON.parse(readFileSync(join(dir, 'out', 'pack.json'), 'utf8')).title;
  serve = spawn(process.execPath, ['cli/bin.mjs', 'serve', join(dir, 'out'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  manifestUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    serve.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+\/pack\.json)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    serve.on('exit', (code) => reject(new Error(`gloss-pack serve exited with ${code}`)));
  });
  site = await startServer();
  site.put('/world/un', '<!doctype html><html lang="en"><body><main><article><p>The United Nations met in New York on Monday.</p></article></main></body></html>');
});
afterAll(async () => {
  serve?.kill();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(BROWSERS)('a pack built and served by gloss-pack, in %s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
  });
  afterAll(() => browser?.close());

  it('is subscribed to and its entity is highlighted', async () => {
    await useOnlyPack(browser, manifestUrl, title);
    const tab = await browser.newTab();
    await tab.goto(site.url('/world/un'));
    const expected = [{ kind: 'organization', text: 'United Nations' }];
    expect(await waitForHighlights(tab, expected)).toEqual(expected);
    expect(await readHighlights(tab)).toHaveLength(1);
    await tab.close();
  });
});
