import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './support/browsers';
import { readCard, waitForCard } from './support/card-view';
import { catchDownloads, chooseFile, savedFiles } from './support/files';
import { inGlossUi } from './support/gloss-ui';
import { readHighlights } from './support/highlights';
import { moveMouse, pointAtText, press } from './support/input';
import { useOnlyPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { openPopupFor, toFront } from './support/popup';
import { startServer, type TestServer } from './support/server';

const FEEDBACK = 'https://feedback.example.org/gloss';
const NOTE = 'Led the talks in Moscow; see https://example.org/choe for the timeline.';

let server: TestServer;
let packUrl: string;
beforeAll(async () => {
  server = await startServer();
  server.put('/world/reuters-article', readFileSync('tests/fixtures/pages/reuters-article.html', 'utf8'));
  // A second story that names the same person, written for this test.
  server.put(
    '/world/second-story',
    `<!doctype html><html lang="en"><head><title>Minister returns from Moscow</title></head><body><main><article>
<h1>Minister returns from Moscow</h1>
<p data-testid="second-0">Choe Son Hui returned to Pyongyang on Thursday after three days of meetings in Russia, state media said.</p>
<p>Officials gave no details of what was agreed, and no joint statement was published after the visit ended.</p>
<p>Analysts expect further visits in the spring, when both sides plan to review trade and transport links.</p>
</article></main></body></html>`,
  );
  const pub = hostPublisher(server, 'notes-test');
  pub.feedback = FEEDBACK;
  await pub.publish(NEWS_ENTITIES, NEWS_BRIEFS);
  packUrl = `${pub.base}pack.json`;
});
afterAll(() => server.close());

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const highlighted = async (tab: Tab, text: string) => (await readHighlights(tab)).filter((h) => h.text === text).length;

/** Opens a page and the card of the first "Choe Son Hui" in the given paragraph, by the pointer. */
async function openChoeCard(tab: Tab, path: string, paragraph: string) {
  await tab.goto(server.url(path));
  await until(async () => (await highlighted(tab, 'Choe Son Hui')) > 0, 'Choe Son Hui highlighted');
  const at = await pointAtText(tab, `[data-testid="${paragraph}"]`, 'Choe Son Hui');
  await moveMouse(tab, at.x, at.y);
  // On a busy machine the first rest may not count as one: away and back, once.
  if (!(await waitForCard(tab, (c) => c.name === 'Choe Son Hui'))) {
    await moveMouse(tab, 4, 4);
    await moveMouse(tab, at.x, at.y);
  }
  expect(await waitForCard(tab, (c) => c.name === 'Choe Son Hui')).not.toBeNull();
}

/** The card's note as shown: its text and links, or null. */
const noteInCard = (tab: Tab) =>
  inGlossUi(tab, (root) => {
    const p = root.querySelector('[data-testid="note-text"]');
    return p ? { text: p.textContent, links: [...p.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.target, a.rel]) } : null;
  });

const clickTestId = (tab: Tab, id: string) =>
  inGlossUi(
    tab,
    (root, wanted) => {
      const el = root.querySelector<HTMLButtonElement>(`[data-testid="${wanted}"]`);
      // A button waits (disabled) until the entity's note has been read.
      if (!el || el.disabled) return false;
      el.click();
      return true;
    },
    id,
  );

describe.each(BROWSERS)('the reader’s notes and corrections in %s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
    await useOnlyPack(browser, packUrl, 'Asia briefs');
  });
  afterAll(() => browser?.close());

  it('a note added in a card stays after a reload and shows on another page that names the entity, and in the popup', async () => {
    const tab = await browser.newTab();
    await openChoeCard(tab, '/world/reuters-article', 'paragraph-0');
    expect(await noteInCard(tab)).toBeNull();
    await until(() => clickTestId(tab, 'note-edit').then((done) => done === true), 'the note button');
    // The text box takes focus and has a label a screen reader reads.
    await until(async () => (await inGlossUi(tab, (root) => root.activeElement?.getAttribute('data-testid'))) === 'note-input', 'focus in the note');
    expect(await inGlossUi(tab, (root) => root.querySelector('label[for="gloss-note-input"]')?.textContent)).toBe('Your note on Choe Son Hui');
    await inGlossUi(
      tab,
      (root, text) => {
        const box = root.querySelector<HTMLTextAreaElement>('[data-testid="note-input"]')!;
        box.value = text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      },
      NOTE,
    );
    await clickTestId(tab, 'note-save');
    await until(async () => (await noteInCard(tab))?.text === NOTE, 'the note shown');
    expect((await noteInCard(tab))!.links).toEqual([['https://example.org/choe', '_blank', 'noopener noreferrer']]);
    expect(await inGlossUi(tab, (root) => root.querySelector('[data-testid="note-status"]')?.textContent)).toBe('Note saved.');

    await tab.goto('about:blank');
    await openChoeCard(tab, '/world/reuters-article', 'paragraph-0');
    await until(async () => (await noteInCard(tab))?.text === NOTE, 'the note after a reload');

    await openChoeCard(tab, '/world/second-story', 'second-0');
    await until(async () => (await noteInCard(tab))?.text === NOTE, 'the note on another page');

    const popup = await openPopupFor(browser, server.url('/world/second-story'));
    await popup.waitFor(() => document.querySelector('[data-testid="noted-entities"] button.entity') !== null, undefined, 15_000);
    expect(await popup.evaluate(() => [...document.querySelectorAll('[data-testid="noted-entities"] .name')].map((n) => n.textContent))).toEqual(['Choe Son Hui']);
    // The popup's search finds the note's words.
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#search-input')!;
      input.value = 'timeline';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.waitFor(() => document.querySelectorAll('[data-testid="search-results"] button.result').length > 0);
    expect(await popup.evaluate(() => [...document.querySelectorAll('[data-testid="search-results"] button.result')].map((b) => b.textContent))).toEqual([
      expect.stringContaining('Choe Son Hui'),
    ]);
    // The popup's card of the result shows the note too.
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="search-results"] button.result')!.click());
    await popup.waitFor((text) => document.querySelector('[data-testid="popup-card"] [data-testid="note-text"]')?.textContent === text, NOTE);
    await popup.close();
    await tab.close();
  });

  it('the reader chooses whether the note goes at the top or the bottom of a card', async () => {
    const options = await browser.openExtensionPage('options.html');
    const choose = (place: string) =>
      options.evaluate((p) => document.querySelector<HTMLInputElement>(`input[name="notePlace"][value="${p}"]`)!.click(), place);
    await options.waitFor(() => document.querySelector('input[name="notePlace"][value="top"]:checked') !== null);
    const tab = await browser.newTab();
    const order = () => inGlossUi(tab, (root) => [...root.querySelector('.card')!.children].map((c) => c.className));
    await openChoeCard(tab, '/world/reuters-article', 'paragraph-0');
    await until(async () => (await noteInCard(tab))?.text === NOTE, 'the note');
    expect((await order())!.slice(1, 3)).toEqual(['note', 'body']);
    await choose('bottom');
    await tab.goto('about:blank');
    await openChoeCard(tab, '/world/reuters-article', 'paragraph-0');
    await until(async () => (await noteInCard(tab))?.text === NOTE, 'the note');
    expect((await order())!.slice(1, 3)).toEqual(['body', 'note']);
    await choose('top');
    await options.close();
    await tab.close();
  });

  it('"Not this" hides the name on the open page at once; undone in the options page, it is back', async () => {
    const tab = await browser.newTab();
    await openChoeCard(tab, '/world/reuters-article', 'paragraph-0');
    const others = (await readHighlights(tab)).filter((h) => h.text !== 'Choe Son Hui').length;
    // The pack takes feedback: the card offers it, as a link the reader may follow.
    const tell = await inGlossUi(tab, (root) => [...root.querySelectorAll<HTMLAnchorElement>('a.feedback')].map((a) => [a.textContent, a.getAttribute('href'), a.target]));
    expect(tell).toEqual([
      ['Tell the publisher', `${FEEDBACK}?entity=choe-son-hui&page=${encodeURIComponent(server.url('/world/reuters-article'))}`, '_blank'],
    ]);
    await until(() => clickTestId(tab, 'not-this').then((done) => done === true), 'the "Not this" button');
    await until(async () => (await inGlossUi(tab, (root) => root.activeElement?.getAttribute('data-testid'))) === 'hide-site', 'focus on the first choice');
    expect(await inGlossUi(tab, (root) => root.querySelector('.correction-ask p')?.textContent)).toBe('Stop highlighting “Choe Son Hui” as Choe Son Hui:');
    await clickTestId(tab, 'hide-site');
    await until(async () => (await highlighted(tab, 'Choe Son Hui')) === 0, 'the name gone from the page');
    expect((await readHighlights(tab)).filter((h) => h.text !== 'Choe Son Hui').length).toBe(others);
    // The card goes with the highlight it stood by; the page's live region still says what was done.
    expect(await waitForCard(tab, null)).toBeNull();
    expect(await inGlossUi(tab, (root) => root.querySelector('div.sr-only[role="status"]')?.textContent?.trim())).toBe(
      '“Choe Son Hui” is no longer highlighted as this on www.reuters.com. Undo it in Gloss’s settings.',
    );

    const options = await browser.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelectorAll('[data-testid="correction-row"]').length === 1, undefined, 15_000);
    expect(await options.evaluate(() => document.querySelector('[data-testid="correction-row"] span')!.textContent)).toBe('“Choe Son Hui” as Choe Son Hui, on www.reuters.com');
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="undo-correction"]')!.click());
    await options.waitFor(() => document.querySelector('[data-testid="correction-row"]') === null);
    // Said to a screen reader once the background answered (the list may empty a moment before).
    await options.waitFor(() => document.querySelector('[data-testid="reader-status"]')!.textContent === '“Choe Son Hui” is highlighted again.');
    await until(async () => (await highlighted(tab, 'Choe Son Hui')) > 0, 'the name back on the open page');
    await options.close();
    await tab.close();
  });

  it('export, reset (asked first) and import bring notes and corrections back', async () => {
    const tab = await browser.newTab();
    await openChoeCard(tab, '/world/reuters-article', 'paragraph-0');
    await until(async () => (await noteInCard(tab))?.text === NOTE, 'the note from before');
    await until(() => clickTestId(tab, 'not-this').then((done) => done === true), 'the "Not this" button');
    await until(async () => (await clickTestId(tab, 'hide-everywhere')) === true, 'the choice');
    await until(async () => (await highlighted(tab, 'Choe Son Hui')) === 0, 'the name hidden');

    const options = await browser.openExtensionPage('options.html');
    const counts = () => options.evaluate(() => document.querySelector('[data-testid="reader-counts"]')?.textContent ?? '');
    await until(async () => (await counts()) === 'Notes: 1. Hidden names: 1.', 'the counts');
    // The copy in the browser's sync storage (signed out, the browser keeps it on this device).
    await options.waitFor(() => document.querySelector('[data-testid="reader-sync"]')?.textContent?.startsWith('Copied to this browser’s sync storage') === true, undefined, 15_000);
    await catchDownloads(options);
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="export"]')!.click());
    const [exported] = await savedFiles(options, 1);
    expect(JSON.parse(exported!.text).reader.map((r: { type: string; entity: string }) => [r.type, r.entity]).sort()).toEqual([
      ['correction', 'notes-test/choe-son-hui'],
      ['note', 'notes-test/choe-son-hui'],
    ]);

    // Reset asks; left unticked, notes stay. Ticked, they go.
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="reset"]')!.click());
    await options.waitFor(() => document.querySelector('[data-testid="reset-reader"]') !== null);
    await options.waitFor(() => document.querySelector('label.reset-reader')!.textContent!.includes('my 1 notes and 1 hidden names'));
    await options.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="reset-reader"]')!.click());
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="reset-confirm"]')!.click());
    await until(async () => (await counts()) === 'Notes: 0. Hidden names: 0.', 'notes and corrections removed');

    await chooseFile(options, 'input[name="import-all"]', exported!.name, exported!.text);
    await options.waitFor(() => document.querySelector('[data-testid="data-status"][role="status"]') !== null, undefined, 20_000);
    expect(await options.evaluate(() => document.querySelector('[data-testid="data-status"]')!.textContent)).toContain('Notes: 1, hidden names: 1.');
    await until(async () => (await counts()) === 'Notes: 1. Hidden names: 1.', 'all back');

    await tab.goto('about:blank');
    await tab.goto(server.url('/world/second-story'));
    await until(async () => (await highlighted(tab, 'Russia')) > 0, 'the second story read');
    // Hidden everywhere: the second story shows no "Choe Son Hui" either.
    expect(await highlighted(tab, 'Choe Son Hui')).toBe(0);
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="undo-correction"]')!.click());
    await until(async () => (await highlighted(tab, 'Choe Son Hui')) > 0, 'the name back after the undo');
    const at = await pointAtText(tab, '[data-testid="second-0"]', 'Choe Son Hui');
    await moveMouse(tab, at.x, at.y);
    await waitForCard(tab, (c) => c.name === 'Choe Son Hui');
    await until(async () => (await noteInCard(tab))?.text === NOTE, 'the imported note in a card');
    expect(await readCard(tab)).not.toBeNull();
    await options.close();
    await tab.close();
  });

  it('from the keyboard alone: Tab reaches the note, Enter edits it, Ctrl+Enter saves and focus returns', async () => {
    const tab = await browser.newTab();
    // Keys go to the tab in front (an extension page opened before may still be).
    await toFront(tab);
    await tab.goto(server.url('/world/second-story'));
    await until(async () => (await highlighted(tab, 'Choe Son Hui')) > 0, 'Choe Son Hui highlighted');
    await press(tab, 'Alt+Shift+KeyJ');
    expect(await waitForCard(tab, (c) => c.name === 'Choe Son Hui' && c.role === 'dialog')).not.toBeNull();
    const focused = () => inGlossUi(tab, (root) => root.activeElement?.getAttribute('data-testid') ?? root.activeElement?.textContent ?? null);
    // The button takes focus once the note is read (until then it is disabled, and Tab passes it).
    await until(async () => (await inGlossUi(tab, (root) => root.querySelector<HTMLButtonElement>('[data-testid="note-edit"]')?.disabled)) === false, 'the note read');
    // At a reader's pace, and saying where each Tab went should one miss.
    const seen: string[] = [];
    for (let i = 0; i < 20 && (await focused()) !== 'note-edit'; i++) {
      seen.push(`${String(await focused()).slice(0, 20)} / ${await tab.evaluate(() => document.activeElement?.localName)}`);
      await press(tab, 'Tab');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await focused(), seen.join(' → ')).toBe('note-edit');
    expect(await inGlossUi(tab, (root) => root.activeElement?.getAttribute('aria-label'))).toBe('Edit your note on Choe Son Hui');
    await press(tab, 'Enter');
    await until(async () => (await focused()) === 'note-input', 'focus in the note');
    await press(tab, 'Control+End');
    for (const key of ['Shift+KeyO', 'Shift+KeyK']) await press(tab, key);
    await press(tab, 'Control+Enter');
    await until(async () => (await noteInCard(tab))?.text === `${NOTE}OK`, 'the edited note');
    // Focus comes back to the note's button (in the render after the editor goes).
    await until(async () => (await focused()) === 'note-edit', 'focus back on the note button');
    expect(await inGlossUi(tab, (root) => root.querySelector('[data-testid="note-status"]')?.textContent)).toBe('Note saved.');
    // Escape in the editor leaves the editor, not the card; the next Escape closes the card.
    await press(tab, 'Enter');
    await until(async () => (await focused()) === 'note-input', 'focus in the note again');
    await press(tab, 'Shift+KeyX');
    await press(tab, 'Escape');
    await until(async () => (await focused()) === 'note-edit', 'focus back on the note button after Escape');
    expect((await readCard(tab))?.name).toBe('Choe Son Hui');
    expect((await noteInCard(tab))?.text).toBe(`${NOTE}OK`);
    await press(tab, 'Escape');
    expect(await waitForCard(tab, null, 3000)).toBeNull();
    await tab.close();
  });
});
