import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonWords } from '@/cli/lint/word-lists';
import { run, tempDir } from './helpers';

/** A source folder with these entity files (YAML text by file name). */
async function source(files: Record<string, string>): Promise<string> {
  const src = join(await tempDir(), 'src');
  await mkdir(join(src, 'entities'), { recursive: true });
  await writeFile(join(src, 'pack.yaml'), 'pack: lint-test\ntitle: Lint test\npublisher: { name: Example }\n');
  for (const [name, text] of Object.entries(files)) await writeFile(join(src, 'entities', name), text);
  return src;
}

const warnings = (out: string) => out.split('\n').filter((l) => l.startsWith('warning: '));

describe('the word lists', () => {
  it('hold words with an ordinary sense, not names that are merely frequent', () => {
    const en = commonWords('en');
    for (const w of ['turkey', 'china', 'may', 'nice', 'chad']) expect(en.has(w), w).toBe(true);
    for (const w of ['russia', 'france', 'london', 'washington']) expect(en.has(w), w).toBe(false);
    // Folded like page text: mısır (maize) is `misir`.
    expect(commonWords('tr').has('misir')).toBe(true);
    expect(commonWords('tr').has('rusya')).toBe(false);
    expect(commonWords('ru').has('россия')).toBe(false);
    expect(commonWords('ru').size).toBeGreaterThan(1000);
  });
});

describe('gloss-pack lint', () => {
  it('names the file, entity, alias and fix for each check, and passes a clean pack', async () => {
    const src = await source({
      'turkey.yaml': 'id: turkey\nkind: state\nname: { en: Turkey, tr: Türkiye }\nrelated: [ankara]\n',
      'ankara.yaml': 'id: ankara\nkind: place\nname: { en: Ankara }\n',
      'egypt.yaml': 'id: egypt\nkind: state\nname: { en: Egypt }\naliases:\n  - { text: Mısır, lang: tr }\n',
      'putin.yaml': 'id: vladimir-putin\nkind: person\nname: { en: Vladimir Putin }\naliases:\n  - { text: Putin }\n',
      'short.yaml': 'id: qz-group\nkind: group\nname: { en: Qz Group }\naliases:\n  - { text: qz }\n',
      'georgia.yaml': 'id: georgia\nkind: state\nname: { en: Georgia }\naliases:\n  - { text: Georgia, needsContext: true }\n',
      'georgia-font.yaml': 'id: georgia-typeface\nkind: topic\nname: { en: Georgia typeface }\naliases:\n  - { text: Georgia }\n',
      'hermit.yaml': 'id: hermit-kingdom\nkind: topic\nname: { en: Hermit kingdom }\naliases:\n  - { text: Ankara Accord }\n',
      'ankara-accord.yaml': 'id: ankara-accord\nkind: agreement\nname: { en: Ankara Accord }\n',
    });
    const r = await run('lint', src);
    expect(r.code).toBe(0);
    const w = warnings(r.out);
    const file = (name: string) => join(src, 'entities', name);
    expect(w).toContainEqual(
      `warning: ${file('turkey.yaml')}: entity "turkey": alias "Turkey": is a common English word (rank 2816 among the most frequent), with neither needsContext nor caseSensitive; fix: add the alias { text: "Turkey", needsContext: true } (it takes the name's place) so that it counts only next to a related entity, or caseSensitive: true to match it only as written (it then still matches the word at the start of a sentence), or remove it`,
    );
    expect(w.find((l) => l.includes('"Mısır"'))).toMatch(/egypt\.yaml: entity "egypt": alias "Mısır": is a common Turkish word .* fix: add needsContext: true/);
    expect(w.find((l) => l.includes('"Putin"'))).toMatch(/putin\.yaml: entity "vladimir-putin": alias "Putin": is a surname alone, without afterFull; fix: add afterFull: true/);
    expect(w.find((l) => l.includes('"qz"'))).toMatch(/short\.yaml: entity "qz-group": alias "qz": has only 2 letters and is not case-sensitive; fix: add caseSensitive: true, or remove it/);
    expect(w.find((l) => l.includes('georgia-typeface') && l.includes('first name'))).toMatch(
      /georgia-font\.yaml: entity "georgia-typeface": alias "Georgia": is also an English first name, with neither needsContext nor caseSensitive; fix: add needsContext: true/,
    );
    expect(w.find((l) => l.includes('georgia-typeface') && l.includes('is the name of'))).toMatch(
      /georgia-font\.yaml: entity "georgia-typeface": alias "Georgia": is the name of the state "georgia" that this pack also holds .*; fix: add needsContext: true, or remove it/,
    );
    expect(w.find((l) => l.includes('"Ankara Accord"') && l.includes('hermit'))).toMatch(
      /hermit\.yaml: entity "hermit-kingdom": alias "Ankara Accord": is also an alias of entity "ankara-accord" .*; fix: add needsContext: true to both/,
    );
    // The state's own `Georgia` needs context already; Ankara and Egypt are plain names.
    expect(w.filter((l) => l.includes('entity "georgia"') || l.includes('entity "ankara"'))).toEqual([]);
    expect(w).toHaveLength(7);
    expect(r.err).toMatch(/7 warnings in 9 entities/);
  });

  it('flags a place or state named like any ordinary word, however rare (Russian чад, fumes)', async () => {
    const src = await source({ 'chad.yaml': 'id: chad\nkind: state\nname: { en: Chad, ru: Чад }\n', 'pasha.yaml': 'id: pasha\nkind: person\nname: { ru: Чад }\naliases:\n  - { text: Чад Смит }\n' });
    const w = warnings((await run('lint', src)).out);
    expect(w.find((l) => l.includes('"Чад"') && l.includes('entity "chad"'))).toMatch(/alias "Чад": is a Russian word, with neither needsContext nor caseSensitive/);
    // Only places and states: a rare word is no concern for a person's name.
    expect(w.filter((l) => l.includes('entity "pasha"') && l.includes('is a Russian word'))).toEqual([]);
  });

  it('does not take caseSensitive as a fix where folding makes the name another word (Çin, cin)', async () => {
    const src = await source({ 'china.yaml': 'id: china\nkind: state\nname: { en: China }\naliases:\n  - { text: China, caseSensitive: true }\n  - { text: Çin, lang: tr, caseSensitive: true }\n' });
    const w = warnings((await run('lint', src)).out);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/alias "Çin": is read as the common Turkish word "cin" \(rank \d+ among the most frequent\), since diacritics are folded, and has no needsContext; fix: add needsContext: true so that it counts only next to a related entity, or remove it$/);
  });

  it('--strict turns warnings into a failure; a clean pack passes it', async () => {
    const bad = await source({ 'may.yaml': 'id: may\nkind: person\nname: { en: May }\n' });
    const failed = await run('lint', bad, '--strict');
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/lint --strict: 1 warning in 1 entity/);
    const good = await source({ 'may.yaml': 'id: may\nkind: person\nname: { en: May }\naliases:\n  - { text: May, caseSensitive: true, needsContext: true }\n' });
    expect((await run('lint', good, '--strict')).code).toBe(0);
  });

  it('runs in build as warnings, and the build still succeeds', async () => {
    const src = await source({ 'may.yaml': 'id: may\nkind: person\nname: { en: May }\n' });
    const built = await run('build', src, '--out', join(src, '..', 'out'));
    expect(built.code).toBe(0);
    expect(built.err).toMatch(/warning: .*may\.yaml: entity "may": alias "May": is a common English word/);
  });

  it('finds nothing in the starter pack', async () => {
    const r = await run('lint', 'kb', '--strict');
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });
});
