/**
 * `gloss-pack build SRC --out DIR [--key FILE]`: source files in, a pack out.
 * Also called by the extension's build to make the starter pack.
 */
import { join } from 'node:path';
import { isPackError } from '../../lib/pack/errors';
import { buildRelease, MANIFEST_FILE, SIGNATURE_FILE } from '../../lib/pack/release';
import { stringOption, type Command } from '../command';
import { CliError, messageOf } from '../errors';
import { formatFinding, lintEntities } from '../lint/checks';
import { parseManifest } from '../../lib/pack/parse';
import { DEFAULT_TIMEOUTS, type Fetch } from '../../lib/sync/fetch-file';
import { timedFetch } from '../timed-fetch';
import { readPrivateKey } from '../key-file';
import { count, formatBytes, formatSeconds, silent, type Log } from '../log';
import { readPrevious, writeRelease } from '../out-dir';
import { readSource } from '../source';

export interface BuildOptions {
  privateKeyFile?: string;
  /** The build's time: `published`, and the start of `expiresAfterDays`. */
  now?: Date;
  log?: (line: string) => void;
  /** Renew `published` and `expires` of an unchanged pack without a new version. */
  refresh?: boolean;
  /** The live pack.json: the new version continues from the one readers hold. */
  publishedUrl?: string;
  /** For `publishedUrl`; the global fetch by default. */
  fetch?: Fetch;
}

/** The version of the pack readers hold now, from its live manifest. */
async function publishedVersion(url: string, pack: string, fetch: Fetch): Promise<number> {
  let bytes: Uint8Array;
  try {
    const response = await timedFetch(fetch, DEFAULT_TIMEOUTS.totalMs)(url);
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (err) {
    throw new CliError(`--published ${url}: could not be read (${messageOf(err)})`);
  }
  let manifest;
  try {
    manifest = parseManifest(bytes, url);
  } catch (err) {
    throw new CliError([`--published ${url}: is not a pack manifest`, messageOf(err)]);
  }
  if (manifest.pack !== pack) throw new CliError(`--published ${url}: is the manifest of pack "${manifest.pack}", not "${pack}"`);
  return manifest.version;
}

export interface BuildResult {
  version: number;
  unchanged: boolean;
  entities: number;
  briefs: number;
  manifestPath: string;
  written: string[];
  removed: string[];
  warnings: string[];
  /** Bytes of the snapshot and of each delta of this version. */
  snapshotBytes: number;
  deltaBytes: number[];
}

/** RFC 3339 to the second: what `published` looks like in every manifest. */
function instant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function buildPackDir(src: string, out: string, opts: BuildOptions = {}): Promise<BuildResult> {
  const log: Log = opts.log ?? silent;
  const started = Date.now();
  const source = await readSource(src, { log });
  // Publishing hygiene: warnings only; `gloss-pack lint --strict` makes them errors.
  const hygiene = lintEntities(source.entities).map(formatFinding);
  for (const w of [...source.warnings, ...hygiene]) log(`warning: ${w}`);
  log(`checked ${count(source.entities.length, 'entity', 'entities')} and ${count(source.briefs.length, 'brief', 'briefs')}`);

  const privateKey = opts.privateKeyFile ? await readPrivateKey(opts.privateKeyFile) : undefined;
  const previous = await readPrevious(out, log);
  const live = opts.publishedUrl ? await publishedVersion(opts.publishedUrl, source.meta.pack, opts.fetch ?? globalThis.fetch) : undefined;
  if (!previous && live === undefined) {
    log(
      `note: ${out} holds no earlier build, so this is version 1; if the pack is already published, build with --published URL (its live pack.json), or readers will refuse the new version as older than theirs`,
    );
  }
  const now = opts.now ?? new Date();
  const days = source.expiresAfterDays;
  let release;
  try {
    release = await buildRelease({
      meta: source.meta,
      entities: source.entities.map((r) => r.record),
      briefs: source.briefs.map((r) => r.record),
      previous,
      published: instant(now),
      ...(days !== undefined ? { expires: instant(new Date(now.getTime() + days * 86_400_000)) } : {}),
      ...(privateKey ? { privateKey } : {}),
      refresh: opts.refresh ?? false,
      ...(live !== undefined ? { publishedVersion: live } : {}),
    });
  } catch (err) {
    // The sources passed every check above, so this is the output folder or the key.
    if (isPackError(err)) throw new CliError(err.problems.map((p) => (err.code === 'pack-id' ? `${join(out, p)}` : p)));
    throw err;
  }
  const { written, removed } = await writeRelease(out, release);
  if (release.obsolete.includes(SIGNATURE_FILE) && !privateKey) {
    log(`warning: ${join(out, SIGNATURE_FILE)} was removed: this version is unsigned, and readers who pinned your key will refuse it`);
  }
  for (const name of written) log(`  wrote ${join(out, name)} (${formatBytes(release.files.get(name)?.byteLength ?? 0)})`);
  for (const name of removed) log(`  removed ${join(out, name)}`);

  const result: BuildResult = {
    version: release.version,
    unchanged: release.unchanged,
    entities: release.snapshot.entities.length,
    briefs: release.snapshot.briefs.length,
    manifestPath: join(out, MANIFEST_FILE),
    written,
    removed,
    warnings: [...source.warnings, ...hygiene],
    snapshotBytes: release.manifest.snapshot.bytes,
    deltaBytes: release.manifest.deltas.map((d) => d.bytes),
  };
  const took = formatSeconds(Date.now() - started);
  const what = `${source.meta.pack} version ${result.version}: ${count(result.entities, 'entity', 'entities')}, ${count(result.briefs, 'brief', 'briefs')}`;
  if (release.unchanged) {
    const extra = written.length > 0 ? `; rewrote ${written.join(', ')}` : '; nothing written';
    log(`unchanged: ${what}${extra} (${took})`);
  } else {
    const deltas = result.deltaBytes.length === 0 ? 'no deltas' : `${count(result.deltaBytes.length, 'delta', 'deltas')} (${result.deltaBytes.map(formatBytes).join(', ')})`;
    log(`built ${what}; snapshot ${formatBytes(result.snapshotBytes)}, ${deltas}${privateKey ? ', signed' : ''} (${took})`);
  }
  return result;
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'check a source folder and write the pack: snapshot, deltas, pack.json, signature',
  usage: `gloss-pack build SRC --out DIR [--key FILE] [--refresh]

  SRC          a pack source folder (pack.yaml, entities/, briefs/)
  --out DIR    where the pack is written; an earlier build there is the base of the next version
  --key FILE   private key (from gloss-pack keygen): also write pack.json.sig
  --refresh    when nothing changed, renew "published" and "expires" without a new version
  --published URL  the live pack.json: the new version is above the one readers hold,
               even when DIR is empty or behind (readers refuse a lower version)

Unchanged sources leave DIR exactly as it was.`,
  options: {
    out: { type: 'string', short: 'o' },
    key: { type: 'string', short: 'k' },
    refresh: { type: 'boolean' },
    published: { type: 'string' },
  },
  args: { min: 1, max: 1 },
  async run({ positionals, values, log }) {
    const out = stringOption(values, 'out');
    if (!out) throw new CliError('build: --out DIR is required (where the pack is written)', 2);
    const key = stringOption(values, 'key');
    const published = stringOption(values, 'published');
    await buildPackDir(positionals[0] ?? '', out, {
      log,
      refresh: values.refresh === true,
      ...(key ? { privateKeyFile: key } : {}),
      ...(published ? { publishedUrl: published } : {}),
    });
    return 0;
  },
};
