/**
 * The output folder of `build`: what the previous build left there, and
 * writing the next release into it. Files are written beside their final
 * name and renamed into place, so a server never sees half a file.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isPackError } from '../lib/pack/errors';
import { parseManifest, parseSnapshot } from '../lib/pack/parse';
import { MANIFEST_FILE, SIGNATURE_FILE, type PreviousRelease, type Release } from '../lib/pack/release';
import type { Snapshot } from '../lib/pack/types';
import { CliError, messageOf } from './errors';
import type { Log } from './log';

const SNAPSHOT_NAME = /^snapshot-(\d+)\.json$/;
/** Only plain names beside pack.json are ever deleted. */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

async function readIfThere(path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`${path}: could not be read (${messageOf(err)})`);
  }
}

export async function readPrevious(out: string, log: Log): Promise<PreviousRelease | undefined> {
  const manifestPath = join(out, MANIFEST_FILE);
  const manifestBytes = await readIfThere(manifestPath);
  if (!manifestBytes) return undefined;
  let manifest;
  try {
    manifest = parseManifest(manifestBytes, manifestPath);
  } catch (err) {
    throw new CliError([
      `${manifestPath}: the earlier build cannot be read, so the next version is unknown`,
      messageOf(err),
      'Restore the file from your published copy, or build into an empty folder.',
    ]);
  }
  const sig = await readIfThere(join(out, SIGNATURE_FILE));
  const snapshots: Snapshot[] = [];
  const files = await readdir(out);
  for (const name of files.filter((n) => SNAPSHOT_NAME.test(n))) {
    const path = join(out, name);
    const bytes = await readIfThere(path);
    if (!bytes) continue;
    try {
      snapshots.push(parseSnapshot(bytes, path, { pack: manifest.pack }));
    } catch (err) {
      if (!isPackError(err)) throw err;
      // Only a source for a delta; the build goes on without it.
      log(`warning: ${messageOf(err)}; no delta will be made from it`);
    }
  }
  return {
    manifest,
    manifestBytes,
    ...(sig ? { signature: new TextDecoder().decode(sig) } : {}),
    snapshots,
    files,
  };
}

function same(a: Uint8Array, b: Uint8Array | undefined): boolean {
  return b !== undefined && a.byteLength === b.byteLength && Buffer.compare(a, b) === 0;
}

/** Writes the release's files in order (pack.json last) and removes obsolete ones; returns the names written. */
export async function writeRelease(out: string, release: Release): Promise<{ written: string[]; removed: string[] }> {
  await mkdir(out, { recursive: true });
  const written: string[] = [];
  for (const [name, bytes] of release.files) {
    const path = join(out, name);
    // Identical bytes are left alone, so their dates stay those of the first publication.
    if (same(bytes, await readIfThere(path))) continue;
    const temp = join(out, `.${name}.${process.pid}.tmp`);
    await writeFile(temp, bytes);
    await rename(temp, path);
    written.push(name);
  }
  const removed: string[] = [];
  for (const name of release.obsolete) {
    if (!PLAIN_NAME.test(name) || release.files.has(name)) continue;
    try {
      await rm(join(out, name));
      removed.push(name);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return { written, removed };
}
