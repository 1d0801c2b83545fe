// gloss-pack import-wikidata --dump on a generated dump of 100,000 items (gzipped, Wikidata's
// line-per-entity shape): entities per second and peak memory, against the floor of reading the
// same dump (gunzip and JSON.parse alone), each in its own process.
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createGzip } from 'node:zlib';
import { syntheticItems } from '../fixtures/wikidata/synthetic';

const CHILD = fileURLToPath(new URL('./wikidata-dump-child.ts', import.meta.url));
const COUNT = 100_000;

async function writeDump(file: string): Promise<void> {
  const gz = createGzip();
  const done = new Promise<void>((resolve, reject) => gz.pipe(createWriteStream(file)).on('finish', resolve).on('error', reject));
  const write = (text: string) => (gz.write(text) ? Promise.resolve() : new Promise<void>((r) => gz.once('drain', () => r())));
  await write('[\n');
  const all = syntheticItems(COUNT);
  for (let i = 0; i < all.length; i++) await write(`${JSON.stringify(all[i])}${i < all.length - 1 ? ',' : ''}\n`);
  await write(']\n');
  gz.end();
  await done;
}

interface Run {
  items: number;
  ms: number;
  maxRssMiB: number;
}

async function child(...args: string[]): Promise<Run> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Run;
}

export async function benchWikidataDump(log: (line: string) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-wikidata-'));
  try {
    const dump = join(dir, 'dump.json.gz');
    await writeDump(dump);
    const src = join(dir, 'src');
    await mkdir(src);
    await writeFile(join(src, 'pack.yaml'), 'pack: bench\ntitle: Bench\npublisher:\n  name: Bench\n');
    log(`dump: ${COUNT.toLocaleString('en')} items, ${((await stat(dump)).size / 2 ** 20).toFixed(1)} MiB gzipped`);
    const floor = await child('baseline', dump);
    const run = await child('import', dump, src);
    const rate = (r: Run) => Math.round(r.items / (r.ms / 1000));
    log(`read and parse only: ${rate(floor).toLocaleString('en')} entities/s, peak memory ${floor.maxRssMiB.toFixed(0)} MiB`);
    log(
      `import-wikidata --dump: ${rate(run).toLocaleString('en')} entities/s (${(run.ms / 1000).toFixed(1)} s, ${(floor.ms / run.ms).toFixed(2)}× the read-only rate), peak memory ${run.maxRssMiB.toFixed(0)} MiB`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
