/**
 * The states and capitals in kb/entities/generated are what scripts/starter-states/generate.ts
 * writes from the pinned packages and states.json: an edit to either without `npm run kb:states`,
 * or a hand edit to a generated file, shows up here.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, GENERATED, yamlOf } from '@/scripts/starter-states/generate';
import { russianForms } from '@/scripts/starter-states/russian-forms';

describe('npm run kb:states', () => {
  // It reads and lints the whole of kb/ (630 files): about 3 s alone, more while the machine is busy.
  it('has written exactly what it would write now', async () => {
    const { entities } = await generate();
    const onDisk = (await readdir(GENERATED, { recursive: true })).filter((f) => f.endsWith('.yaml')).sort();
    expect(onDisk).toEqual(entities.map((e) => join(e.kind, `${e.id}.yaml`)).sort());
    const stale: string[] = [];
    for (const e of entities) {
      if ((await readFile(join(GENERATED, e.kind, `${e.id}.yaml`), 'utf8')) !== yamlOf(e)) stale.push(e.id);
    }
    expect(stale).toEqual([]);
  }, 30_000);
});

describe('Russian case forms', () => {
  it('follows the declension of the name’s ending', () => {
    expect(russianForms('Франция')).toEqual(['Франции', 'Францию', 'Францией']);
    expect(russianForms('Гвинея')).toEqual(['Гвинеи', 'Гвинею', 'Гвинеей']);
    expect(russianForms('Ямайка')).toEqual(['Ямайки', 'Ямайке', 'Ямайку', 'Ямайкой']);
    expect(russianForms('Канада')).toEqual(['Канады', 'Канаде', 'Канаду', 'Канадой']);
    expect(russianForms('Ирак')).toEqual(['Ирака', 'Ираке', 'Ираку', 'Ираком']);
    expect(russianForms('Израиль')).toEqual(['Израиля', 'Израиле', 'Израилю', 'Израилем']);
    expect(russianForms('Парагвай')).toEqual(['Парагвая', 'Парагвае', 'Парагваю', 'Парагваем']);
  });
  it('leaves indeclinable, plural and compound names alone', () => {
    expect(['Перу', 'Того', 'Чили', 'Самоа', 'Никарагуа', 'Сан-Марино', 'Южный Судан', 'США'].flatMap(russianForms)).toEqual([]);
  });
});
