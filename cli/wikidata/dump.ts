/**
 * Streaming a Wikidata JSON dump (`[`, then one entity per line followed by a comma, then `]`),
 * plain or gzipped, so that a dump of any size is read in constant memory.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { CliError, messageOf } from '../errors';
import type { RawItem } from './raw';

/** `P31=Q5,P31=Q3624078`: an item is kept when any of its claims matches any pair. */
export type DumpFilter = { property: string; value: string }[];

export function parseFilter(text: string): DumpFilter {
  const out: DumpFilter = [];
  for (const part of text.split(',')) {
    const m = /^\s*(P[1-9]\d*)=(Q[1-9]\d*)\s*$/.exec(part);
    if (!m) throw new CliError(`--filter: "${part}" is not PROPERTY=ITEM (for example P31=Q5)`, 2);
    out.push({ property: m[1]!, value: m[2]! });
  }
  return out;
}

function matches(item: RawItem, filter: DumpFilter): boolean {
  return filter.some(({ property, value }) =>
    (item.claims?.[property as `P${number}`] ?? []).some((c) => {
      const v = (c.mainsnak as { datavalue?: { value?: { id?: string } } } | undefined)?.datavalue?.value;
      return c.rank !== 'deprecated' && v?.id === value;
    }),
  );
}

/** Yields the items of the dump that pass the filter; a line that is not JSON stops the read. */
export async function* readDump(file: string, filter: DumpFilter | undefined): AsyncGenerator<RawItem> {
  let input: Readable = createReadStream(file);
  if (file.endsWith('.gz')) input = input.pipe(createGunzip());
  const failed: { err?: unknown } = {};
  const lines = createInterface({ input, crlfDelay: Infinity });
  input.on('error', (err) => {
    failed.err = err;
    lines.close();
  });
  let n = 0;
  let closed = false;
  try {
    for await (const raw of lines) {
      n++;
      const line = raw.trim();
      if (line === ']') closed = true;
      if (line === '[' || line === ']' || line === '') continue;
      if (closed) throw new CliError(`${file}: line ${n} comes after the dump's closing "]"`);
      let item: RawItem;
      try {
        item = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as RawItem;
      } catch (err) {
        throw new CliError(`${file}: line ${n} is not a whole entity (${messageOf(err)}); is the dump truncated? Nothing was written`);
      }
      if (item?.type !== 'item' || typeof item.id !== 'string') continue;
      if (!filter || matches(item, filter)) yield item;
    }
  } catch (err) {
    if (err instanceof CliError) throw err;
    failed.err ??= err;
  }
  if (failed.err) throw new CliError(`${file}: could not be read to the end (${messageOf(failed.err)}); nothing was written`);
  if (!closed) throw new CliError(`${file}: ends after line ${n} without the closing "]" of a dump; is it truncated? Nothing was written`);
}
