import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import config from '../../../wxt.config';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const version = json('package.json').version as string;

describe('one version, in package.json', () => {
  it('is a plain x.y.z, as both stores accept it', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('gloss-pack --version reports it', async () => {
    const printed: string[] = [];
    expect(await main(['--version'], { print: (l) => printed.push(l) })).toBe(0);
    expect(printed).toEqual([`gloss-pack ${version} (format gloss-pack/1)`]);
  });

  it('nothing else states one: the manifest takes package.json\'s, the tool\'s package has none', () => {
    const manifest = typeof config.manifest === 'function' ? config.manifest({ browser: 'firefox', manifestVersion: 3, mode: 'production', command: 'build' } as never) : config.manifest;
    expect(manifest).not.toHaveProperty('version');
    expect(manifest).not.toHaveProperty('version_name');
    expect(json('cli/package.json')).not.toHaveProperty('version');
  });

  it('CHANGELOG.md begins with it (after the changes not yet released, if any)', () => {
    const headings = [...readFileSync('CHANGELOG.md', 'utf8').matchAll(/^## (\S+)/gm)].map((m) => m[1]);
    const first = headings[0] === 'Unreleased' ? headings[1] : headings[0];
    expect(first).toBe(version);
  });
});
