import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildPackDir } from '@/cli/commands/build';
import { importWordpress } from '@/cli/commands/import-wordpress';
import { verifyPack } from '@/cli/commands/verify';
import { FIXTURES, run, tempDir } from './helpers';

const POLYLANG = join(FIXTURES, 'wordpress', 'posts.json');
const WPML = join(FIXTURES, 'wordpress', 'posts-wpml.json');

async function packSource() {
  const root = await tempDir();
  const src = join(root, 'src');
  await cp(join(FIXTURES, 'wordpress', 'pack'), src, { recursive: true });
  return { root, src };
}

describe('import-wordpress', () => {
  it('turns a Polylang export into one brief per translation group', async () => {
    const { src } = await packSource();
    const result = await importWordpress([POLYLANG], { entities: src });
    expect(result.posts).toBe(4);
    expect(result.briefs.map((b) => b.id)).toEqual(['choe-speech-timing', 'road-bridge-over-the-tumen']);

    const bridge = parse(await readFile(join(src, 'briefs', 'wordpress', 'road-bridge-over-the-tumen.yaml'), 'utf8'));
    expect(bridge).toEqual({
      id: 'road-bridge-over-the-tumen',
      title: 'A Road Bridge over the Tumen: North Korea and Russia Draw Closer',
      url: 'https://analysis.example.org/en/road-bridge-over-the-tumen/',
      lang: 'en',
      published: '2024-06-20',
      authors: ['Deniz Aksoy', 'Anna Petrova'],
      summary: expect.stringMatching(/^Work on a road bridge across the Tumen River .* two countries …$/),
      // Found by the matcher in all three languages; Mongolia is named nowhere.
      about: ['north-korea', 'russia', 'japan', 'south-korea'],
      // Outbound links only (not the site's own pages, relative links or images), without tracking parameters.
      cites: [
        'https://www.reuters.com/world/asia-pacific/example-tumen-bridge-2024-06-19/',
        'https://www.nknews.example/2024/06/bridge-statement',
      ],
      translations: [
        {
          lang: 'ru',
          title: 'Мост через Туманную: КНДР и Россия сближаются',
          url: expect.stringMatching(/^https:\/\/analysis\.example\.org\/ru\/%d0%bc/),
        },
        {
          lang: 'tr',
          title: 'Tumen Üzerinde Bir Karayolu Köprüsü: Kuzey Kore ve Rusya Yakınlaşıyor',
          url: 'https://analysis.example.org/tr/tumen-karayolu-koprusu/',
        },
      ],
    });
  });

  it('decodes titles, trims "Continue reading", omits authors without _embed, and unlocks short names after a full one', async () => {
    const { src } = await packSource();
    const { briefs } = await importWordpress([POLYLANG], { entities: src });
    const choe = briefs.find((b) => b.id === 'choe-speech-timing')!;
    expect(choe.title).toBe('Why the Timing of Choe Son Hui’s Speech Matters');
    expect(choe.summary).toBe('Choe Son Hui used a speech in Pyongyang this week to restate a familiar line.');
    expect(choe.authors).toBeUndefined();
    expect(choe.about?.[0]).toBe('choe-son-hui');
    expect(choe.cites).toEqual(['https://www.yna.example/view/AEN20240701000100315', 'https://tass.example/politika/1234567']);
  });

  it('reads WPML locales and names translations the export does not hold', async () => {
    const { src } = await packSource();
    const { briefs } = await importWordpress([WPML], { entities: src });
    expect(briefs).toHaveLength(1);
    expect(briefs[0]).toMatchObject({
      id: 'japan-defence-budget',
      lang: 'en',
      url: 'https://analysis.example.org/japan-defence-budget/',
      about: ['japan', 'north-korea'],
      cites: ['https://www.mod.go.jp/en/'],
      translations: [
        { lang: 'ru', title: 'Оборонный бюджет Японии и регион', url: 'https://analysis.example.org/ru/oboronnyj-byudzhet-yaponii/' },
        { lang: 'tr', title: 'Japonya’nın Savunma Bütçesi ve Bölge', url: 'https://analysis.example.org/tr/japonya-savunma-butcesi/' },
      ],
    });
  });

  it('gives briefs that build into a pack readers accept, and importing again changes nothing', async () => {
    const { root, src } = await packSource();
    const first = await run('import-wordpress', POLYLANG, WPML, '--entities', src);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/6 posts → 3 briefs \(2 with translations\) in .*: 3 written, 0 unchanged/);
    const out = join(root, 'out');
    const built = await buildPackDir(src, out);
    expect(built).toMatchObject({ entities: 6, briefs: 3 });
    const verified = await verifyPack(out);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);

    const again = await importWordpress([POLYLANG, WPML], { entities: src });
    expect(again.written).toEqual([]);
    expect(again.unchanged).toBe(3);
    expect((await buildPackDir(src, out)).unchanged).toBe(true);
  });

  it('exits non-zero with a clear message on an export that is not a post list', async () => {
    const { src } = await packSource();
    const result = await run('import-wordpress', join(FIXTURES, 'wordpress', 'pack', 'pack.yaml'), '--entities', src);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/pack\.yaml: is not valid JSON/);
    const missing = await run('import-wordpress', POLYLANG);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--entities SRC is required/);
  });
});
