import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildPackDir } from '@/cli/commands/build';
import { importWikidata } from '@/cli/wikidata/import';
import type { Entity } from '@/lib/pack/types';
import { startFakeApi, type FakeApi } from '../../fixtures/wikidata/fake-api';
import { dumpText, item, ITEMS, PACK_IDS } from '../../fixtures/wikidata/items';
import { FIXTURES, run, tempDir } from './helpers';

const apis: FakeApi[] = [];
afterEach(async () => {
  await Promise.all(apis.splice(0).map((a) => a.close()));
});

async function fakeApi(items: readonly { id: string }[] = ITEMS, redirects: Record<string, string> = {}) {
  const api = await startFakeApi(items, redirects);
  apis.push(api);
  return api;
}

async function packSource() {
  const src = join(await tempDir(), 'src');
  await mkdir(join(src, 'entities'), { recursive: true });
  await writeFile(join(src, 'pack.yaml'), 'pack: korea-watch\ntitle: Korea Watch\npublisher:\n  name: Korea Watch Institute\n');
  return src;
}

/** Every file under a folder with its text, to show that a refused import changed nothing. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name)] = await readFile(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

async function entity(src: string, q: string): Promise<Entity> {
  return parse(await readFile(join(src, 'entities', 'wikidata', `${q.toLowerCase()}.yaml`), 'utf8')) as Entity;
}

/** Sleeps recorded, never waited. */
function clock() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('import-wikidata --ids', () => {
  it('writes one entity file per item, mapped to kinds, facts, relations and links', async () => {
    const api = await fakeApi();
    const src = await packSource();
    const r = await run('import-wikidata', src, '--ids', [...PACK_IDS, 'Q2'].join(','), '--api', api.url);
    expect(r.code, r.err).toBe(0);
    expect((await readdir(join(src, 'entities', 'wikidata'))).sort()).toEqual(PACK_IDS.map((q) => `${q.toLowerCase()}.yaml`).sort());
    expect(r.err).toContain('skipped Q2: its classes (instance of Q3504248) map to no Gloss kind');

    const nk = await entity(src, 'Q423');
    expect(nk).toMatchObject({
      id: 'north-korea',
      kind: 'state',
      name: { en: 'North Korea', tr: 'Kuzey Kore', ru: 'КНДР' },
      description: { en: 'country in East Asia', tr: "Doğu Asya'da bir ülke", ru: 'государство в Восточной Азии' },
      facts: [{ label: { en: 'Capital', tr: 'Başkent', ru: 'Столица' }, value: { en: 'Pyongyang', tr: 'Pyongyang', ru: 'Пхеньян' } }],
      related: ['pyongyang', 'united-nations', 'kim-jong-un'],
      sameAs: ['wikidata:Q423'],
      links: [
        { title: { en: 'Wikipedia (English)', tr: 'Vikipedi (İngilizce)', ru: 'Википедия (английский)' }, url: 'https://en.wikipedia.org/wiki/North_Korea' },
        { title: { en: 'Wikipedia (Turkish)', tr: 'Vikipedi (Türkçe)', ru: 'Википедия (турецкий)' }, url: 'https://tr.wikipedia.org/wiki/Kuzey_Kore' },
        { title: { en: 'Wikipedia (Russian)', tr: 'Vikipedi (Rusça)', ru: 'Википедия (русский)' }, url: expect.stringMatching(/^https:\/\/ru\.wikipedia\.org\/wiki\/%D0%9A/) },
      ],
    });
    expect(nk.aliases).toEqual(expect.arrayContaining([{ text: 'DPRK', lang: 'en' }, { text: 'Северная Корея', lang: 'ru' }]));

    const putin = await entity(src, 'Q7747');
    expect(putin.kind).toBe('person');
    // The ended first presidency is history; the current one is the fact.
    expect(putin.facts).toEqual([
      { label: { en: 'Office', tr: 'Görev', ru: 'Должность' }, value: { en: 'President of Russia (since 2012-05-07)', tr: 'Rusya Devlet Başkanı (başlangıç: 2012-05-07)', ru: 'Президент Российской Федерации (с 2012-05-07)' } },
      { label: { en: 'Country', tr: 'Ülke', ru: 'Страна' }, value: { en: 'Russia', tr: 'Rusya', ru: 'Россия' } },
    ]);
    expect(putin.aliases).toEqual(expect.arrayContaining([{ text: 'Putin', lang: 'en', afterFull: true }, { text: 'Путин', lang: 'ru', afterFull: true }]));
    expect(putin.related).toEqual(['russia']);
    // Korean names put the family name first; "Kim" is also a common Turkish word, so the
    // linter's fix (needsContext) is applied to it.
    expect((await entity(src, 'Q56226')).aliases).toEqual([
      { text: 'Kim', lang: 'en', afterFull: true, needsContext: true },
      { text: 'Kim', lang: 'tr', afterFull: true, needsContext: true },
      { text: 'Ким', lang: 'ru', afterFull: true },
    ]);
    expect(r.err).toContain('lint: kim-jong-un: alias "Kim": needsContext added (common-word)');

    const war = await entity(src, 'Q8663');
    expect(war).toMatchObject({ kind: 'event', when: { start: '1950-06-25', end: '1953-07-27' }, where: { en: 'Korean Peninsula', tr: 'Kore Yarımadası', ru: 'Корейский полуостров' } });
    // South Korea is not in the pack, so it is no participant.
    expect(war.participants).toEqual(['north-korea', 'united-nations']);
    expect((await entity(src, 'Q1065')).kind).toBe('organization');
    expect((await entity(src, 'Q649')).kind).toBe('place');
  });

  it('builds into a pack that passes lint --strict', async () => {
    const api = await fakeApi();
    const src = await packSource();
    const result = await importWikidata({ ids: PACK_IDS }, { src, api: api.url });
    const lint = await run('lint', src, '--strict');
    expect(lint.code, lint.out).toBe(0);
    const out = join(src, '..', 'out');
    const built = await buildPackDir(src, out);
    expect(built).toMatchObject({ version: 1, entities: PACK_IDS.length, warnings: [] });
    const snapshot = JSON.parse(await readFile(join(out, 'snapshot-1.json'), 'utf8')) as { entities: Entity[] };
    expect(snapshot.entities.map((e) => e.id).sort()).toEqual(result.entities.map((e) => e.id).sort());
    expect(snapshot.entities.find((e) => e.id === 'korean-war')?.participants).toEqual(['north-korea', 'united-nations']);
  });

  it('applies the linter’s fixes to aliases it flags and reports each', async () => {
    const api = await fakeApi([
      ...ITEMS,
      // Georgia the state: its name is an English first name too.
      item({ id: 'Q230', labels: { en: 'Georgia', tr: 'Gürcistan', ru: 'Грузия' }, aliases: { en: ['Sakartvelo'] }, claims: [['P31', 'Q3624078']] }),
    ]);
    const src = await packSource();
    const log: string[] = [];
    const result = await importWikidata({ ids: ['Q230', 'Q7747'] }, { src, api: api.url, log: (l) => log.push(l) });
    expect(result.lintChanges).toContain('georgia: alias "Georgia": needsContext added (common-word)');
    expect(log).toContain('lint: georgia: alias "Georgia": needsContext added (common-word)');
    expect((await entity(src, 'Q230')).aliases).toContainEqual({ text: 'Georgia', needsContext: true });
    expect((await run('lint', src, '--strict')).code).toBe(0);
  });

  it('asks in batches of 50 with a descriptive User-Agent and maxlag', async () => {
    const many = Array.from({ length: 120 }, (_, i) => item({ id: `Q${1000 + i}`, labels: { en: `Summit number ${i}` }, claims: [['P31', 'Q1072326']] }));
    const api = await fakeApi(many);
    const src = await packSource();
    await importWikidata({ ids: many.map((m) => m.id) }, { src, api: api.url, contact: 'data@korea-watch.example' });
    const batches = api.requests.map((r) => r.url.searchParams.get('ids')!.split('|').length);
    expect(batches).toEqual([50, 50, 20]);
    for (const r of api.requests) {
      expect(r.url.searchParams.get('maxlag')).toBe('5');
      expect(r.headers['user-agent']).toMatch(/^gloss-pack\/\S+ \(Gloss knowledge-pack importer; data@korea-watch\.example\)$/);
    }
    expect(await readdir(join(src, 'entities', 'wikidata'))).toHaveLength(120);
  });

  it('retries failures with back-off, honouring Retry-After', async () => {
    const api = await fakeApi();
    api.failures.push({ status: 503 }, 'drop', 'maxlag', { status: 429, retryAfter: 2 });
    const src = await packSource();
    const { waits, sleep } = clock();
    const result = await importWikidata({ ids: ['Q423'] }, { src, api: api.url, sleep });
    expect(waits).toEqual([1000, 2000, 5000, 2000]);
    expect(result.written).toHaveLength(1);
  });

  it('writes nothing when the network fails half-way', async () => {
    const many = Array.from({ length: 80 }, (_, i) => item({ id: `Q${2000 + i}`, labels: { en: `Election ${i}` }, claims: [['P31', 'Q40231']] }));
    const api = await fakeApi(many);
    api.failFrom = 2;
    const src = await packSource();
    const before = await tree(src);
    const { waits, sleep } = clock();
    const r = importWikidata({ ids: many.map((m) => m.id) }, { src, api: api.url, sleep });
    await expect(r).rejects.toThrow(/the API answered HTTP 503; gave up after 5 tries .*; nothing was written/);
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    expect(await tree(src)).toEqual(before);
  });

  it('refuses unknown, deleted and redirected ids, naming each, and writes nothing', async () => {
    const api = await fakeApi(ITEMS, { Q4045: 'Q423' });
    const src = await packSource();
    const before = await tree(src);
    const r = await run('import-wikidata', src, '--ids', 'Q423,Q99999999999,Q4045', '--api', api.url);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error: Q99999999999: no such item (it was never created or has been deleted)');
    expect(r.err).toContain('error: Q4045: is a redirect to Q423 (the items were merged); list Q423 instead');
    expect(await tree(src)).toEqual(before);
  });

  it('reports an API error and writes nothing', async () => {
    const api = await fakeApi();
    api.failures.push({ error: 'internal_api_error_DBQueryError' });
    const src = await packSource();
    const before = await tree(src);
    const r = await run('import-wikidata', src, '--ids', 'Q423', '--api', api.url);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error: the API refused .*: internal_api_error_DBQueryError: The fake API was told/);
    expect(await tree(src)).toEqual(before);
  });

  it('refuses ids that are not item ids before asking anything', async () => {
    const api = await fakeApi();
    const src = await packSource();
    const r = await run('import-wikidata', src, '--ids', 'Q423,P31,North Korea', '--api', api.url);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"P31", "North", "Korea" are not item ids (item ids look like Q423)');
    expect(api.requests).toHaveLength(0);
  });

  it('writes only the languages asked for', async () => {
    const api = await fakeApi();
    const src = await packSource();
    const r = await run('import-wikidata', src, '--ids', 'Q7747', '--lang', 'ru', '--api', api.url);
    expect(r.code, r.err).toBe(0);
    const putin = await entity(src, 'Q7747');
    expect(putin.name).toEqual({ ru: 'Владимир Владимирович Путин' });
    expect(putin.aliases).toEqual([{ text: 'Путин, Владимир Владимирович', lang: 'ru' }, { text: 'Путин', lang: 'ru', afterFull: true }]);
    expect(putin.links).toEqual([{ title: { ru: 'Википедия (русский)' }, url: expect.stringMatching(/^https:\/\/ru\.wikipedia\.org\/wiki\//) }]);
    expect(api.requests[0]!.url.searchParams.get('languages')).toBe('ru');
  });

  it('reads ids from a file', async () => {
    const api = await fakeApi();
    const src = await packSource();
    const list = join(src, '..', 'ids.txt');
    await writeFile(list, '# states\nQ423\nQ159  # Russia\nhttps://www.wikidata.org/wiki/Q1065\n');
    const r = await run('import-wikidata', src, '--ids', list, '--api', api.url);
    expect(r.code, r.err).toBe(0);
    expect((await readdir(join(src, 'entities', 'wikidata'))).sort()).toEqual(['q1065.yaml', 'q159.yaml', 'q423.yaml']);
  });
});

describe('import-wikidata --sparql', () => {
  it('imports the items of a SPARQL results file', async () => {
    const api = await fakeApi();
    const src = await packSource();
    const r = await run('import-wikidata', src, '--sparql', join(FIXTURES, 'wikidata', 'sparql-results.json'), '--api', api.url);
    expect(r.code, r.err).toBe(0);
    expect((await readdir(join(src, 'entities', 'wikidata'))).sort()).toEqual(['q159.yaml', 'q423.yaml']);
  });

  it('refuses a file that is not SPARQL results', async () => {
    const src = await packSource();
    const file = join(src, '..', 'r.json');
    await writeFile(file, '{"head":{}}');
    const r = await run('import-wikidata', src, '--sparql', file);
    expect(r.err).toContain('is not a SPARQL JSON results file (it has no results.bindings list)');
    expect(r.code).toBe(1);
  });
});

describe('import-wikidata --dump', () => {
  async function dumpFile(name: string, text: string) {
    const file = join(await tempDir(), name);
    await writeFile(file, name.endsWith('.gz') ? gzipSync(text) : text);
    return file;
  }

  it('streams a gzipped dump, keeping what the filter names', async () => {
    const src = await packSource();
    // The committed fixture (tests/fixtures/wikidata/make-dump.ts writes it from the fixture items).
    const dump = join(FIXTURES, 'wikidata', 'dump.json.gz');
    const r = await run('import-wikidata', src, '--dump', dump, '--filter', 'P31=Q5,P31=Q3624078');
    expect(r.code, r.err).toBe(0);
    // People and states; South Korea (a state with no links) too.
    expect((await readdir(join(src, 'entities', 'wikidata'))).sort()).toEqual(['q159.yaml', 'q423.yaml', 'q56226.yaml', 'q7747.yaml', 'q884.yaml']);
    // Offline: a fact naming an item outside the selection is left out and said so.
    expect((await entity(src, 'Q7747')).facts).toEqual([{ label: { en: 'Country', tr: 'Ülke', ru: 'Страна' }, value: { en: 'Russia', tr: 'Rusya', ru: 'Россия' } }]);
    expect(r.err).toMatch(/note: \d+ facts were left out/);
  });

  it('reads a plain dump without a filter, skipping what maps to no kind', async () => {
    const src = await packSource();
    const dump = await dumpFile('dump.json', dumpText(ITEMS));
    const result = await importWikidata({ dump }, { src });
    expect(result.entities.map((e) => e.id).sort()).toEqual(
      ['korean-war', 'kim-jong-un', 'moscow', 'north-korea', 'pyongyang', 'russia', 'south-korea', 'united-nations', 'vladimir-putin'].sort(),
    );
    expect(result.skipped).toContain('Q2: its classes (instance of Q3504248) map to no Gloss kind');
  });

  it('refuses a dump cut off in the middle of a line, and writes nothing', async () => {
    const src = await packSource();
    const text = dumpText(ITEMS);
    const dump = await dumpFile('cut.json', text.slice(0, text.indexOf('"Q159"') + 200));
    const before = await tree(src);
    const r = await run('import-wikidata', src, '--dump', dump);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cut\.json: line 3 is not a whole entity .*; is the dump truncated\? Nothing was written/);
    expect(await tree(src)).toEqual(before);
  });

  it('refuses a truncated gzip file and a dump without its closing bracket', async () => {
    const src = await packSource();
    const gz = gzipSync(dumpText(ITEMS));
    const cut = join(await tempDir(), 'cut.json.gz');
    await writeFile(cut, gz.subarray(0, gz.length - 40));
    const before = await tree(src);
    const r = await run('import-wikidata', src, '--dump', cut);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cut\.json\.gz: (could not be read to the end \(unexpected end of file\)|line \d+ is not a whole entity)/);
    const open = await dumpFile('open.json', dumpText(ITEMS).replace(/\]\n$/, ''));
    const r2 = await run('import-wikidata', src, '--dump', open);
    expect(r2.err).toMatch(/open\.json: ends after line \d+ without the closing "\]" of a dump; is it truncated\?/);
    expect(await tree(src)).toEqual(before);
  });
});

describe('import-wikidata run again', () => {
  it('replaces what it wrote, keeps files the publisher edited, and yields to the publisher’s own entities', async () => {
    const api = await fakeApi();
    const src = await packSource();
    await importWikidata({ ids: PACK_IDS }, { src, api: api.url });
    const again = await importWikidata({ ids: PACK_IDS }, { src, api: api.url });
    expect(again.written).toEqual([]);
    expect(again.unchanged).toBe(PACK_IDS.length);

    // The publisher edits Putin's file, and writes North Korea by hand elsewhere.
    const putinFile = join(src, 'entities', 'wikidata', 'q7747.yaml');
    const edited = (await readFile(putinFile, 'utf8')).replace('description:\n', 'summary:\n  en: Our analysts follow his statements on Korea.\ndescription:\n');
    await writeFile(putinFile, edited);
    await writeFile(join(src, 'entities', 'dprk.yaml'), 'id: dprk\nkind: state\nname:\n  en: North Korea\nsameAs: [ "wikidata:Q423" ]\n');
    const { rm } = await import('node:fs/promises');
    await rm(join(src, 'entities', 'wikidata', 'q423.yaml'));

    const log: string[] = [];
    const third = await importWikidata({ ids: PACK_IDS }, { src, api: api.url, log: (l) => log.push(l) });
    expect(await readFile(putinFile, 'utf8')).toBe(edited);
    expect(third.skipped).toContain('Q7747: kept your entity "vladimir-putin" (' + putinFile + '), which has sameAs wikidata:Q7747');
    expect(third.skipped).toContain(`Q423: kept your entity "dprk" (${join(src, 'entities', 'dprk.yaml')}), which has sameAs wikidata:Q423`);
    // References to North Korea now name the publisher's entity.
    expect((await entity(src, 'Q8663')).participants).toEqual(['dprk', 'united-nations']);
    expect(await readdir(join(src, 'entities', 'wikidata'))).not.toContain('q423.yaml');
    const lint = await run('lint', src, '--strict');
    expect(lint.code, lint.out).toBe(0);
  });
});
