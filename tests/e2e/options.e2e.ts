import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../lib/pack';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './support/browsers';
import { catchDownloads, chooseFile, savedFiles } from './support/files';
import { readHighlights } from './support/highlights';
import { packTexts, useOnlyPack, waitForPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let packUrl: string;
beforeAll(async () => {
  server = await startServer();
  server.put('/world/reuters-article', readFileSync('tests/fixtures/pages/reuters-article.html', 'utf8'));
  server.put(
    '/world/steppe-herders',
    `<!doctype html><html lang="en"><head><title>Herders count the winter</title></head><body><main><article>
<h1>Herders count the winter</h1><p>Herders in Mongolia lost fewer animals this winter than last, a survey found.</p>
</article></main></body></html>`,
  );
  const pub = hostPublisher(server, 'options-test');
  await pub.publish(NEWS_ENTITIES, NEWS_BRIEFS);
  packUrl = `${pub.base}pack.json`;
});
afterAll(() => server.close());

/** Highlighted text per kind on the article, in document order. */
async function highlightCount(tab: Tab): Promise<number> {
  return (await readHighlights(tab)).length;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Clicks an input (radio, checkbox) by its name and value, as a reader would. */
const clickInput = (page: Tab, name: string, value: string) =>
  page.evaluate(([n, v]) => document.querySelector<HTMLInputElement>(`input[name="${n}"][value="${v}"]`)!.click(), [name, value]);

describe.each(BROWSERS)('the options page in %s', (name) => {
  let browser: ExtensionBrowser;
  let options: Tab;
  beforeAll(async () => {
    browser = await launch(name);
    await useOnlyPack(browser, packUrl, 'Asia briefs');
    options = await browser.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('[data-testid="appearance"]') !== null && document.querySelector('section[data-loaded="true"]') !== null);
  });
  afterAll(() => browser?.close());

  it('a setting change reaches an open tab without a reload', async () => {
    const article = await browser.newTab();
    await article.goto(server.url('/world/reuters-article'));
    await until(async () => (await highlightCount(article)) === 20, 'every mention highlighted');
    await article.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

    await clickInput(options, 'mentions', 'first');
    // One highlight per entity: 11 entities are named.
    await until(async () => (await highlightCount(article)) === 11, 'first mentions only');
    const css = () => article.evaluate(() => document.querySelector('style[data-gloss]')!.textContent!);
    expect(await css()).toContain('dotted');

    await clickInput(options, 'highlightStyle', 'background');
    await until(async () => !(await css()).includes('dotted'), 'the background style');
    await clickInput(options, 'kind', 'person');
    await until(async () => !(await css()).includes('::highlight(gloss-person)'), 'people no longer highlighted');

    // Back as it was, still without a reload.
    await clickInput(options, 'kind', 'person');
    await clickInput(options, 'highlightStyle', 'underline');
    await clickInput(options, 'mentions', 'all');
    await until(async () => (await highlightCount(article)) === 20 && (await css()).includes('::highlight(gloss-person)') && (await css()).includes('dotted'), 'the first look again');
    expect(await article.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await article.close();
  });

  it('orders, adds and removes the reader’s languages', async () => {
    const langs = () => options.evaluate(() => [...document.querySelectorAll('[data-testid="languages"] li')].map((li) => li.getAttribute('data-lang')));
    const before = await langs();
    expect(before).toEqual(['en', 'tr', 'ru']);
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-lang="ru"] button[aria-label="Move Russian up"]')!.click());
    await until(async () => JSON.stringify(await langs()) === JSON.stringify(['en', 'ru', 'tr']), 'Russian moved up');
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[name="language"]')!;
      input.value = 'pt-br';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.evaluate(() => document.querySelector<HTMLInputElement>('input[name="language"]')!.form!.requestSubmit());
    await until(async () => (await langs()).at(-1) === 'pt-BR', 'Portuguese added');
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-lang="pt-BR"] button.danger')!.click());
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-lang="ru"] button[aria-label="Move Russian down"]')!.click());
    await until(async () => JSON.stringify(await langs()) === JSON.stringify(before), 'the first order again');
  });

  it('export then import restores the same packs and settings; a bad file changes nothing and says why', async () => {
    await catchDownloads(options);
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="export"]')!.click());
    const [exported] = await savedFiles(options, 1);
    expect(exported!.name).toMatch(/^gloss-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(exported!.text);
    expect(file.packs.map((p: { title: string; records: { entities: unknown[] } }) => [p.title, p.records.entities.length])).toEqual([['Asia briefs', NEWS_ENTITIES.length]]);

    // Change everything: another setting, and the pack removed.
    await clickInput(options, 'mentions', 'first');
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="pack"] button.danger')!.click());
    await options.waitFor(() => document.querySelectorAll('[data-testid="pack"]').length === 0);

    // A damaged file is refused whole.
    const broken = JSON.parse(exported!.text);
    broken.packs[0].records.entities[0].kind = 'planet';
    await chooseFile(options, 'input[name="import-all"]', 'gloss-broken.json', JSON.stringify(broken));
    await options.waitFor(() => document.querySelector('[data-testid="data-status"][role="alert"]') !== null);
    const refusal = await options.evaluate(() => document.querySelector('[data-testid="data-status"]')!.textContent!);
    expect(refusal).toMatch(/^Nothing was changed: gloss-broken\.json: packs\[0\]: records: entity "[a-z-]+": kind: must be one of/);
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('input[name="mentions"][value="first"]')!.checked)).toBe(true);
    expect(await packTexts(options)).toEqual([]);

    await chooseFile(options, 'input[name="import-all"]', exported!.name, exported!.text);
    await options.waitFor(() => document.querySelector('[data-testid="data-status"][role="status"]') !== null);
    expect(await options.evaluate(() => document.querySelector('[data-testid="data-status"]')!.textContent)).toBe(
      `Imported. Packs: 1, entities: ${NEWS_ENTITIES.length}, briefs: ${NEWS_BRIEFS.length}.`,
    );
    expect(await waitForPack(options, 'Asia briefs', 'Version1')).toContain(`${NEWS_ENTITIES.length} entities, ${NEWS_BRIEFS.length} briefs`);
    await options.waitFor(() => document.querySelector<HTMLInputElement>('input[name="mentions"][value="all"]')!.checked);

    // Exported again, the file says the same, apart from when it was made.
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="export"]')!.click());
    const again = (await savedFiles(options, 2))[1]!;
    const same = (text: string) => ({ ...JSON.parse(text), exported: null });
    expect(same(again.text)).toEqual(same(exported!.text));

    // And the restored pack still highlights the article.
    const article = await browser.newTab();
    await article.goto(server.url('/world/reuters-article'));
    await until(async () => (await highlightCount(article)) === 20, 'highlights from the restored pack');
    await article.close();
  });

  it('imports a pack from a local file, kept as it is, and an open page highlights it at once', async () => {
    const article = await browser.newTab();
    await article.goto(server.url('/world/steppe-herders'));
    await article.waitFor(() => document.readyState === 'complete');
    expect(await readHighlights(article)).toEqual([]);
    const snapshot = buildSnapshot({ pack: 'field-notes' }, 4, [{ id: 'mongolia', kind: 'state', name: { en: 'Mongolia' } }], []);
    await chooseFile(options, 'input[name="import-pack"]', 'field-notes.json', JSON.stringify(snapshot));
    const text = await waitForPack(options, 'field-notes', 'From a file');
    // The background's matcher learned the pack: the open page reads itself again, without a reload.
    await until(async () => (await readHighlights(article)).some((h) => h.text === 'Mongolia'), 'the imported name highlighted');
    await article.close();
    expect(text).toContain('Version4');
    expect(text).toContain('1 entities, 0 briefs');
    expect(text).not.toContain('Update now');
    // Imported again with a newer version, it replaces what it held.
    const next = buildSnapshot({ pack: 'field-notes' }, 5, [{ id: 'mongolia', kind: 'state', name: { en: 'Mongolia' } }, { id: 'japan', kind: 'state', name: { en: 'Japan' } }], []);
    await chooseFile(options, 'input[name="import-pack"]', 'field-notes.json', JSON.stringify(next));
    expect(await waitForPack(options, 'field-notes', 'Version5')).toContain('2 entities, 0 briefs');
    expect((await packTexts(options)).length).toBe(2);
  });

  it('shows the storage used and resets to the starter pack', async () => {
    await options.waitFor(() => /^Storage used: \d/.test(document.querySelector('[data-testid="storage"]')!.textContent ?? ''));
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="reset"]')!.click());
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="reset-confirm"]')!.click());
    await options.waitFor(() => document.querySelector('[data-testid="data-status"]')?.textContent === 'Only the starter pack is left.', undefined, 30_000);
    await options.waitFor(() => {
      const packs = [...document.querySelectorAll('[data-testid="pack"]')];
      return packs.length === 1 && packs[0]!.textContent!.includes('Built in');
    });
  });
});
