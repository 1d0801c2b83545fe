/** Temp folders and in-process runs of the CLI for the CLI tests. */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { main } from '@/cli/main';

const made: string[] = [];

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-pack-test-'));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs a command line in this process, capturing what it prints. */
export async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { print: (l) => out.push(l), log: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file of a folder with its bytes and modification time, to compare before and after. */
export async function folderState(dir: string): Promise<Record<string, { bytes: string; mtimeMs: number }>> {
  const state: Record<string, { bytes: string; mtimeMs: number }> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    state[name] = { bytes: (await readFile(path)).toString('base64'), mtimeMs: (await stat(path)).mtimeMs };
  }
  return state;
}

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
