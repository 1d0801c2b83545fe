import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS, makeStoreImages, SCENES, SCHEMES, SCREEN, screenshotName, TILE, tileName } from '../../scripts/store-images/shoot';

const OUT = '.output/store-images';

/** Width and height from a PNG's header. */
async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('store images', () => {
  // The generator itself fails when a scene is not there: no card for the mention in the
  // reader's language, fewer than four entities in the popup, no pack on the options page.
  it('npm run screenshots makes every screenshot at 1280×800 and a 440×280 tile per language', async () => {
    const { files } = await makeStoreImages(OUT);
    const expected = [
      ...LANGS.flatMap((lang) => SCHEMES.flatMap((scheme) => SCENES.map((scene) => screenshotName(lang, scene, scheme)))),
      ...LANGS.map(tileName),
    ];
    expect([...files].sort()).toEqual([...expected].sort());
    for (const name of files) {
      expect({ name, ...(await pngSize(join(OUT, name))) }).toEqual({ name, ...(name.includes('-tile-') ? TILE : SCREEN) });
    }
  }, 240_000);
});
