import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildPackDir } from '@/cli/commands/build';
import { initPackDir } from '@/cli/commands/init';
import { CliError } from '@/cli/errors';
import { run, tempDir } from './helpers';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

async function source(files: Record<string, string>) {
  const root = await tempDir();
  const src = join(root, 'src');
  await initPackDir(src);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(src, rel)), { recursive: true });
    await writeFile(join(src, rel), text);
  }
  return { src, out: join(root, 'out') };
}

/** The problems a failed build reports. */
async function problems(src: string, out: string): Promise<string[]> {
  try {
    await buildPackDir(src, out);
  } catch (err) {
    if (err instanceof CliError) return [...err.problems];
    throw err;
  }
  throw new Error('the build did not fail');
}

describe('source errors name the file, the record and the field', () => {
  it('a link that is not http(s)', async () => {
    const { src, out } = await source({
      'entities/person/choe.yaml': [
        'id: choe-son-hui',
        'kind: person',
        'name: { en: Choe Son Hui }',
        'links:',
        '  - url: "javascript:alert(1)"',
      ].join('\n'),
    });
    expect(await problems(src, out)).toEqual([
      `${src}/entities/person/choe.yaml: entity "choe-son-hui": links[0].url: only http(s) links are allowed (got "javascript:alert(1)")`,
    ]);
  });

  it('records in a list, by id or, without a usable id, by position', async () => {
    const { src, out } = await source({
      'entities/many.yaml': [
        '- { id: russia, kind: state, name: { en: Russia } }',
        '- { id: japan, name: { en: Japan } }',
        '- { id: Not An Id, kind: state, name: { en: X } }',
        '- { id: mars, kind: planet, name: { en: Mars } }',
      ].join('\n'),
    });
    const found = await problems(src, out);
    expect(found).toContain(`${src}/entities/many.yaml: entity "japan": kind: is required but missing`);
    expect(found.some((p) => p.startsWith(`${src}/entities/many.yaml: entities[2]: id: must be 1 to 128 lowercase letters`))).toBe(true);
    expect(found.some((p) => p.startsWith(`${src}/entities/many.yaml: entity "mars": kind: must be one of person, state`))).toBe(true);
  });

  it('YAML syntax, with the line and column', async () => {
    const { src, out } = await source({ 'entities/broken.yml': 'id: x\nname: [unclosed\nkind: person\n' });
    const [first] = await problems(src, out);
    expect(first).toMatch(new RegExp(`^${src}/entities/broken\\.yml:\\d+:\\d+: `));
  });

  it('JSON syntax', async () => {
    const { src, out } = await source({ 'briefs/b.json': '{ "id": "b", }' });
    expect((await problems(src, out))[0]).toMatch(new RegExp(`^${src}/briefs/b\\.json: is not valid JSON`));
  });

  it('an id used twice names both files', async () => {
    const { src, out } = await source({
      'entities/a.yaml': 'id: russia\nkind: state\nname: { en: Russia }\n',
      'entities/b.json': '[{ "id": "russia", "kind": "state", "name": { "ru": "Россия" } }]',
    });
    expect(await problems(src, out)).toEqual([
      `${src}/entities/b.json: entity "russia": the id is already used in ${src}/entities/a.yaml`,
    ]);
  });

  it('a reference to an entity the pack does not hold', async () => {
    const { src, out } = await source({
      'briefs/x.yaml': 'id: x\ntitle: X\nurl: https://example.org/x\nlang: en\npublished: 2024-01-02\nabout: [united-nations, atlantis]\n',
    });
    expect(await problems(src, out)).toEqual([`${src}/briefs/x.yaml: brief "x": about[1]: no entity "atlantis" in this pack`]);
  });

  it('a refused entity is reported once, not again at every reference to it', async () => {
    const { src, out } = await source({ 'entities/united-nations.yaml': 'id: united-nations\nkind: club\nname: { en: UN }\n' });
    const found = await problems(src, out);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/united-nations\.yaml: entity "united-nations": kind: must be one of/);
  });

  it('pack.yaml: missing, or with a bad pack id', async () => {
    const root = await tempDir();
    await expect(buildPackDir(root, join(root, 'out'))).rejects.toThrow(/pack\.yaml: not found/);
    const { src, out } = await source({ 'pack.yaml': 'pack: Bad Pack\ntitle: T\npublisher: { name: P }\n' });
    expect(await problems(src, out)).toEqual([
      `${src}/pack.yaml: pack: must be 1 to 64 lowercase letters (a-z), digits and hyphens, not starting with a hyphen (got "Bad Pack")`,
    ]);
  });

  it('unknown fields are left out with a warning, and the build goes on', async () => {
    const { src, out } = await source({
      'entities/japan.yaml': 'id: japan\nkind: state\nname: { en: Japan }\nalias: [{ text: Nippon }]\nlinks: [{ url: "https://www.japan.go.jp/", titel: { en: Portal } }]\n',
    });
    const log: string[] = [];
    const result = await buildPackDir(src, out, { log: (l) => log.push(l) });
    expect(result.entities).toBe(2);
    expect(log).toContain(`warning: ${src}/entities/japan.yaml: entity "japan": alias: is not a field of the format; it was left out`);
    expect(log).toContain(`warning: ${src}/entities/japan.yaml: entity "japan": links[0].titel: is not a field of the format; it was left out`);
  });

  it('a brief may name its own publisher, and it is kept', async () => {
    const { src, out } = await source({
      'briefs/guest.yaml': 'id: guest\ntitle: G\nurl: https://example.org/g\nlang: en\npublished: 2024-01-02\npublisher: Another Institute\n',
    });
    const log: string[] = [];
    await buildPackDir(src, out, { log: (l) => log.push(l) });
    expect(log.filter((l) => l.startsWith('warning'))).toEqual([]);
    const snapshot = JSON.parse(await readFile(join(out, 'snapshot-1.json'), 'utf8')) as { briefs: { id: string; publisher?: string }[] };
    expect(snapshot.briefs.find((b) => b.id === 'guest')?.publisher).toBe('Another Institute');
  });

  it('years written without quotes in YAML are dates, not numbers', async () => {
    const { src, out } = await source({
      'entities/war.yaml': 'id: korean-war\nkind: event\nname: { en: Korean War }\nwhen: { start: 1950, end: 1953 }\n',
    });
    expect((await buildPackDir(src, out)).entities).toBe(2);
  });

  it('the command exits 1 and prints every problem', async () => {
    const { src, out } = await source({ 'entities/bad.yaml': 'id: bad\nkind: person\n' });
    const result = await run('build', src, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^error: .*bad\.yaml: entity "bad": name: is required but missing$/m);
  });
});

describe('the real executable', () => {
  const bin = (...args: string[]) => spawnSync(process.execPath, ['cli/bin.mjs', ...args], { cwd: REPO, encoding: 'utf8' });

  it('exits 0 with help, 2 on a wrong command line, 1 on a bad pack', async () => {
    const help = bin('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/import-wordpress/);
    expect(bin().status).toBe(2);
    const unknown = bin('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const noOut = bin('build', 'somewhere');
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toMatch(/--out DIR is required/);

    const { src, out } = await source({ 'entities/bad.yaml': 'id: bad\nkind: person\nname: { en: Bad }\nlinks: [{ url: "ftp://x.example/" }]\n' });
    const bad = bin('build', src, '--out', out);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`error: ${src}/entities/bad.yaml: entity "bad": links[0].url: only http(s) links are allowed`);
  }, 30_000);
});
