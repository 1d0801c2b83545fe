import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';

// What the Firefox add-ons review does with the sources zip: unpack it on a clean machine, run
// the commands SOURCE-BUILD.md gives, and compare the result with the submitted add-on.

const version = (JSON.parse(await readFile('package.json', 'utf8')) as { version: string }).version;
const SOURCES_ZIP = `.output/gloss-${version}-sources.zip`;

/** The commands of SOURCE-BUILD.md's first `sh` block, as a reviewer would type them. */
async function documentedCommands(text: string): Promise<string[]> {
  const block = /```sh\n([\s\S]*?)```/.exec(text);
  if (!block) throw new Error('SOURCE-BUILD.md has no ```sh block of commands');
  return block[1]!.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

async function unzipInto(zipPath: string, dir: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(zipPath));
  const names: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(dir, entry.name);
    if (relative(dir, target).startsWith('..')) throw new Error(`${entry.name} points outside the folder`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await entry.async('nodebuffer'));
    if (entry.unixPermissions) await chmod(target, Number(entry.unixPermissions) & 0o777);
    names.push(entry.name);
  }
  return names;
}

const digestOf = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

/** Every file under `dir`, by relative path, with its sha256. */
async function digests(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = await digestOf(path);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** Without what `npm run` sets for this checkout (its folder, package and script), which a fresh shell lacks. */
function outerRunFree(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|INIT_CWD$)/.test(k)));
}

let work: string | undefined;
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the sources zip', () => {
  it('builds the same firefox-mv3 files, byte for byte, in an empty folder with the documented commands', async () => {
    const built = await digests('.output/firefox-mv3');
    expect(Object.keys(built)).toContain('manifest.json');

    work = await mkdtemp(join(tmpdir(), 'gloss-sources-'));
    const names = await unzipInto(SOURCES_ZIP, work);
    expect(names).toContain('SOURCE-BUILD.md');
    expect(names.some((n) => n.startsWith('node_modules/') || n.startsWith('.output/'))).toBe(false);

    const commands = await documentedCommands(await readFile(join(work, 'SOURCE-BUILD.md'), 'utf8'));
    expect(commands).toEqual(['npm ci', 'npm run build']);
    for (const command of commands) {
      const run = spawnSync(command, {
        cwd: work,
        shell: true,
        encoding: 'utf8',
        // The test runner's own environment (NODE_ENV=test among it) is passed on on purpose:
        // a reviewer's shell is not clean either. npm's cache already holds every package after
        // this checkout's own `npm ci`; asking the registry again would only add time.
        env: { ...outerRunFree(process.env), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
      });
      expect(run.status, `${command} failed:\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`).toBe(0);
    }

    expect(await digests(join(work, '.output/firefox-mv3'))).toEqual(built);
    // The add-on's zip, as uploaded, is the same bytes too.
    const zipName = `.output/gloss-${version}-firefox.zip`;
    expect(await digestOf(join(work, zipName))).toBe(await digestOf(zipName));
    // The same commands build Chrome's files too; they come out the same as well.
    expect(await digests(join(work, '.output/chrome-mv3'))).toEqual(await digests('.output/chrome-mv3'));
  }, 300_000);
});
