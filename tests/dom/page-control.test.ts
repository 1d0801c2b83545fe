// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.reuters.com/world/story"}
import { beforeEach, describe, expect, it } from 'vitest';
import type { MatchFn } from '@/lib/annotate/annotator';
import { createPageControl } from '@/lib/page/page-control';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { highlighted, installFakeHighlights } from './fake-highlights';

const NAMES: Record<string, { key: string; kind: string }> = {
  Russia: { key: '1:russia', kind: 'state' },
  Japan: { key: '1:japan', kind: 'state' },
  Putin: { key: '1:putin', kind: 'person' },
};

/** A matcher that knows three names. */
const match: MatchFn = async ({ blocks }) => {
  const keys: string[] = [];
  const kinds: string[] = [];
  const hits: number[] = [];
  blocks.forEach((text, b) => {
    for (const m of text.matchAll(/Russia|Japan|Putin/g)) {
      const { key, kind } = NAMES[m[0]]!;
      let k = keys.indexOf(key);
      if (k < 0) k = keys.push(key) - 1, kinds.push(kind);
      hits.push(b, m.index, m.index + m[0].length, k, 1);
    }
  });
  return { keys, kinds, hits };
};

const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, languages: ['en'], ...change });
const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await check()).toBe(true);
};

let registry: Map<string, Set<AbstractRange>>;
beforeEach(() => {
  registry = installFakeHighlights();
  document.head.innerHTML = '<link rel="canonical" href="https://www.reuters.com/world/story-canonical/">';
  document.body.innerHTML = `<main><article><h1>Russia and Japan talk</h1>
    <p>Putin said Russia would help. Japan objected, and Russia replied.</p>
    <p>Later Putin met envoys from Japan.</p></article></main>`;
});

const gloss = () => highlighted(registry);

describe('a page following the reader’s settings', () => {
  it('annotates, then drops every highlight when turned off here, and brings them back when on', async () => {
    const abort = new AbortController();
    const page = createPageControl({ doc: document, signal: abort.signal, match, oneOff: false });
    page.apply(settings());
    await until(() => gloss()['gloss-state']?.length === 6);
    expect(gloss()['gloss-person']).toEqual(['Putin', 'Putin']);
    expect(document.querySelectorAll('style[data-gloss]')).toHaveLength(1);

    page.apply(settings({ disabledHosts: ['www.reuters.com'] }));
    expect(gloss()).toEqual({});
    expect(document.querySelectorAll('style[data-gloss]')).toHaveLength(0);
    expect(await page.tabCalls.pageSummary({}, {})).toMatchObject({ active: false, entities: [] });

    page.apply(settings());
    await until(() => gloss()['gloss-state']?.length === 6);
    page.apply(settings({ paused: true }));
    expect(gloss()).toEqual({});
    abort.abort();
  });

  it('adds its style only with the first highlight, and takes it away when the story no longer names anyone', async () => {
    const article = document.querySelector('article')!;
    const story = article.innerHTML;
    article.innerHTML = '<h1>Weather</h1><p>Rain is expected in the north on Tuesday, and sun after.</p>';
    const page = createPageControl({ doc: document, signal: new AbortController().signal, match, oneOff: false });
    page.apply(settings());
    await until(async () => (await page.tabCalls.pageSummary({}, {})).reading === 'story');
    await new Promise((r) => setTimeout(r, 30));
    expect(document.querySelectorAll('style[data-gloss]')).toHaveLength(0);

    article.innerHTML = story;
    await until(() => gloss()['gloss-state']?.length === 6);
    expect(document.querySelectorAll('style[data-gloss]')).toHaveLength(1);
    article.innerHTML = '<h1>Weather</h1><p>Snow by Friday.</p>';
    await until(() => Object.keys(gloss()).length === 0);
    await until(() => document.querySelectorAll('style[data-gloss]').length === 0);
  });

  it('first mention only, and back to every mention, without reading the page again', async () => {
    let reads = 0;
    const counted: MatchFn = (req) => (reads++, match(req));
    const page = createPageControl({ doc: document, signal: new AbortController().signal, match: counted, oneOff: false });
    page.apply(settings({ mentions: 'first' }));
    await until(() => gloss()['gloss-person']?.length === 1);
    expect(gloss()).toEqual({ 'gloss-state': ['Russia', 'Japan'], 'gloss-person': ['Putin'] });
    const readsBefore = reads;
    page.apply(settings({ mentions: 'all' }));
    expect(gloss()['gloss-state']).toHaveLength(6);
    page.apply(settings({ mentions: 'first' }));
    expect(gloss()['gloss-state']).toEqual(['Russia', 'Japan']);
    expect(reads).toBe(readsBefore);
  });

  it('restyles in place: the style rule changes, hidden kinds lose their rule', async () => {
    const page = createPageControl({ doc: document, signal: new AbortController().signal, match, oneOff: false });
    page.apply(settings());
    await until(() => gloss()['gloss-state']?.length === 6);
    const css = () => document.querySelector('style[data-gloss]')!.textContent!;
    expect(css()).toContain('::highlight(gloss-person)');
    expect(css()).toContain('dotted');
    page.apply(settings({ highlightStyle: 'background', hiddenKinds: ['person'] }));
    expect(css()).not.toContain('::highlight(gloss-person)');
    expect(css()).not.toContain('dotted');
    expect(css()).toContain('::highlight(gloss-state) { background-color');
  });

  it('tells the popup what the page names, counting every mention, and its addresses', async () => {
    const page = createPageControl({ doc: document, signal: new AbortController().signal, match, oneOff: false });
    page.apply(settings({ mentions: 'first' }));
    await until(() => gloss()['gloss-person']?.length === 1);
    expect(await page.tabCalls.pageSummary({}, {})).toEqual({
      active: true,
      // The canonical address alone, when the page has one (docs/pack-format.md, section 7).
      urls: ['https://www.reuters.com/world/story-canonical/'],
      entities: [
        { key: '1:russia', kind: 'state', count: 3 },
        { key: '1:japan', kind: 'state', count: 3 },
        { key: '1:putin', kind: 'person', count: 2 },
      ],
      reading: 'story',
    });
  });

  it('on a page with no story, highlights nothing until the reader asks for the whole page', async () => {
    document.body.innerHTML = `<h1>World</h1><main>${[1, 2, 3, 4, 5]
      .map((i) => `<div class="card"><h2><a href="/s/${i}">Russia and Japan, story ${i}</a></h2><p>Putin, in brief.</p></div>`)
      .join('')}</main>`;
    const page = createPageControl({ doc: document, signal: new AbortController().signal, match, oneOff: false });
    page.apply(settings());
    await until(async () => (await page.tabCalls.pageSummary({}, {})).reading === 'nothing');
    expect(gloss()).toEqual({});
    await page.tabCalls.readWholePage({}, {});
    // The teasers' names are links: they get the linked look.
    expect(gloss()['gloss-state-link']).toHaveLength(10);
    expect(gloss()['gloss-person']).toHaveLength(5);
    expect((await page.tabCalls.pageSummary({}, {})).reading).toBe('whole-page');
  });

  it('focusing an entity marks its first mention, or asks the card to open when there is one', async () => {
    const opened: string[] = [];
    const page = createPageControl({ doc: document, signal: new AbortController().signal, match, oneOff: false });
    page.apply(settings());
    await until(() => gloss()['gloss-person']?.length === 2);
    expect(await page.tabCalls.focusMention({ key: '1:putin' }, {})).toBe(true);
    expect(gloss()['gloss-focus']).toEqual(['Putin']);
    expect(await page.tabCalls.focusMention({ key: '1:nobody' }, {})).toBe(false);

    const withCard = createPageControl({
      doc: document,
      signal: new AbortController().signal,
      match,
      oneOff: false,
      showEntity: (key) => (opened.push(key), true),
    });
    withCard.apply(settings());
    expect(await withCard.tabCalls.focusMention({ key: '1:japan' }, {})).toBe(true);
    expect(opened).toEqual(['1:japan']);
  });

  it('on a site Gloss does not run on, only a one-off run annotates', async () => {
    const url = new URL('https://example.org/story');
    Object.defineProperty(document, 'location', { value: url, configurable: true });
    const off = createPageControl({ doc: document, signal: new AbortController().signal, match, oneOff: false });
    off.apply(settings());
    expect((await off.tabCalls.pageSummary({}, {})).active).toBe(false);
    const once = createPageControl({ doc: document, signal: new AbortController().signal, match, oneOff: true });
    once.apply(settings());
    expect((await once.tabCalls.pageSummary({}, {})).active).toBe(true);
    Reflect.deleteProperty(document, 'location');
  });
});
