// One measured run for the dump bench, in a fresh process so that its peak memory is its own:
//   baseline DUMP      gunzip, split into lines and JSON.parse every entity (the floor of any import)
//   import DUMP SRC    gloss-pack import-wikidata SRC --dump DUMP
// Prints { items, ms, maxRssMiB } as JSON.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { importWikidata } from '../../cli/wikidata/import';

const [mode, dump, src] = process.argv.slice(2) as [string, string, string | undefined];
const started = performance.now();
let items = 0;
if (mode === 'baseline') {
  const lines = createInterface({ input: createReadStream(dump).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '[' || line === ']') continue;
    JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
    items++;
  }
} else {
  const result = await importWikidata({ dump }, { src: src! });
  items = result.entities.length + result.skipped.length;
}
const ms = performance.now() - started;
console.log(JSON.stringify({ items, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
