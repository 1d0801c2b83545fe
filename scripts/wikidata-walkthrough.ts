/**
 * The timings of docs/publishing.md's Wikidata walkthrough: from a list of 500 Q-ids to a signed,
 * verified pack, each step run as a publisher runs it (`gloss-pack …` in a fresh process), against
 * the local fake API of the tests serving 500 made-up items. Prints a Markdown table.
 *   node --import tsx scripts/wikidata-walkthrough.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeApi } from '../tests/fixtures/wikidata/fake-api';
import { syntheticItems } from '../tests/fixtures/wikidata/synthetic';

const BIN = fileURLToPath(new URL('../cli/bin.mjs', import.meta.url));
const items = syntheticItems(500);
const api = await startFakeApi(items);
const dir = mkdtempSync(join(tmpdir(), 'gloss-walkthrough-'));
writeFileSync(join(dir, 'ids.txt'), `${items.map((i) => i.id).join('\n')}\n`);

const steps: [string, string[]][] = [
  ['init my-pack', ['init', 'my-pack']],
  ['import-wikidata my-pack --ids ids.txt', ['import-wikidata', 'my-pack', '--ids', 'ids.txt', '--api', api.url, '--contact', 'data@example.org']],
  ['lint my-pack --strict', ['lint', 'my-pack', '--strict']],
  ['keygen --out my-pack.key', ['keygen', '--out', 'my-pack.key']],
  ['build my-pack --out public --key my-pack.key', ['build', 'my-pack', '--out', 'public', '--key', 'my-pack.key']],
  ['verify public --key my-pack.key.pub', ['verify', 'public', '--key', 'my-pack.key.pub']],
  ['import-wikidata my-pack --ids ids.txt (again)', ['import-wikidata', 'my-pack', '--ids', 'ids.txt', '--api', api.url, '--contact', 'data@example.org']],
];

console.log('| Step | Time | Last line |\n|---|---|---|');
try {
  for (const [name, args] of steps) {
    const started = process.hrtime.bigint();
    // Asynchronous, so that the fake API in this process keeps answering.
    const r = await new Promise<{ code: number | null; err: string; out: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: dir });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d));
      child.stderr.on('data', (d: Buffer) => (err += d));
      child.on('close', (code) => resolve({ code, out, err }));
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const last = (r.out.trim() || r.err.trim()).split('\n').pop() ?? '';
    console.log(`| \`gloss-pack ${name}\` | ${(ms / 1000).toFixed(2)} s | ${last.replace(/\|/g, '\\|').replace(dir, '…')} |`);
    if (r.code !== 0) throw new Error(`${name} failed (${r.code}):\n${r.err}`);
  }
  console.log(`\n${api.requests.length} API requests in all; Node ${process.version}`);
} finally {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
}
