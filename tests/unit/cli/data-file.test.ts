import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '@/cli/data-file';
import { CliError } from '@/cli/errors';
import { tempDir } from './helpers';

async function read(text: string) {
  const file = join(await tempDir(), 'entities.yaml');
  await writeFile(file, text);
  return readRecords(file, 'entities.yaml');
}

describe('YAML aliases in source files', () => {
  it('takes a few, as publishers use them', async () => {
    const records = await read('- id: a\n  links: &links [{ url: "https://example.org/" }]\n- id: b\n  links: *links\n');
    expect(records).toEqual([
      { id: 'a', links: [{ url: 'https://example.org/' }] },
      { id: 'b', links: [{ url: 'https://example.org/' }] },
    ]);
  });

  it('refuses an alias bomb with a clear message, before expanding it', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const error = await read(`${levels.join('\n')}\n`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(/^entities\.yaml: (uses more than 100 YAML aliases|its YAML aliases \(\*name\) would add more than 100,000 values)/);
  });

  it('refuses 99 aliases of one large anchor', async () => {
    const big = `&big [${Array.from({ length: 5000 }, (_, i) => i).join(',')}]`;
    const text = `first: ${big}\n${Array.from({ length: 99 }, (_, i) => `k${i}: *big`).join('\n')}\n`;
    await expect(read(text)).rejects.toThrow(/^entities\.yaml: its YAML aliases \(\*name\) would add more than 100,000 values when expanded/);
  });
});
