import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '@/lib/pack';
import { run, tempDir } from './helpers';

async function source(publisher: string): Promise<string> {
  const src = join(await tempDir(), 'src');
  await mkdir(join(src, 'entities'), { recursive: true });
  await writeFile(join(src, 'pack.yaml'), `pack: feedback-test\ntitle: Feedback test\npublisher: ${publisher}\n`);
  await writeFile(join(src, 'entities', 'ankara.yaml'), 'id: ankara\nkind: place\nname: { en: Ankara }\n');
  return src;
}

describe('publisher.feedback in gloss-pack', () => {
  it('builds an https feedback address into pack.json, where verify and the reader accept it', async () => {
    const src = await source('{ name: Example, feedback: "https://example.org/gloss-feedback" }');
    expect((await run('lint', src)).code).toBe(0);
    const out = join(src, '..', 'out');
    expect((await run('build', src, '--out', out)).code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'pack.json'), 'utf8'));
    expect(manifest.publisher).toEqual({ name: 'Example', feedback: 'https://example.org/gloss-feedback' });
    expect((await run('verify', out)).code).toBe(0);
    expect(parseManifest(new TextEncoder().encode(JSON.stringify(manifest))).publisher?.feedback).toBe('https://example.org/gloss-feedback');
  });

  it('refuses a plain http or non-web feedback address, naming the field', async () => {
    for (const [address, why] of [
      ['http://example.org/f', 'must be an https address'],
      ['javascript:alert(1)', 'only http(s) links are allowed'],
    ]) {
      const src = await source(`{ name: Example, feedback: "${address}" }`);
      const lint = await run('lint', src);
      expect(lint.code).not.toBe(0);
      expect(lint.err).toContain(`pack.yaml: publisher.feedback: ${why}`);
    }
  });
});
