import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './support/browsers';
import { waitForCard } from './support/card-view';
import { org, person, readHighlights, state, waitForHighlights } from './support/highlights';
import { useOnlyPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { flipSwitch, openPopupFor, toFront, waitForEntities } from './support/popup';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let packUrl: string;
beforeAll(async () => {
  server = await startServer();
  server.put('/world/reuters-article', readFileSync('tests/fixtures/pages/reuters-article.html', 'utf8'));
  // A section front: the path alone says it is not a story.
  server.put('/world/asia-pacific/', readFileSync('tests/fixtures/pages/section-front.html', 'utf8'));
  const pub = hostPublisher(server, 'popup-test');
  // A second brief, about fewer of the page's entities and not citing it, ranks after the cited one.
  const extra = { id: 'japan-note', title: 'A note on Japan and Russia', url: 'https://example.org/briefs/japan', lang: 'en', published: '2024-05-01', about: ['japan', 'russia'] };
  await pub.publish(NEWS_ENTITIES, [...NEWS_BRIEFS, extra]);
  packUrl = `${pub.base}pack.json`;
});
afterAll(() => server.close());

/** Every highlight of the fixture article, as recognition.e2e.ts establishes them. */
const ALL_HIGHLIGHTS = 20;

describe.each(BROWSERS)('the popup in %s', (name) => {
  let browser: ExtensionBrowser;
  let article: Tab;
  let articleUrl: string;
  beforeAll(async () => {
    browser = await launch(name);
    await useOnlyPack(browser, packUrl, 'Asia briefs');
    article = await browser.newTab();
    articleUrl = server.url('/world/reuters-article');
    await article.goto(articleUrl);
    await allHighlighted();
  });

  const allHighlighted = () =>
    article.waitFor((n) => {
      let count = 0;
      CSS.highlights.forEach((h, k) => {
        if (k.startsWith('gloss-') && k !== 'gloss-focus') count += h.size;
      });
      return count === n;
    }, ALL_HIGHLIGHTS);
  afterAll(() => browser?.close());

  it('lists the page’s entities by kind with their mentions, and the related briefs, the citing one first', async () => {
    const popup = await openPopupFor(browser, articleUrl);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="host"]')?.textContent)).toBe('www.reuters.com');
    expect(await waitForEntities(popup, 11)).toEqual([
      {
        kind: 'People',
        items: [
          { name: 'Choe Son Hui', count: '2' },
          { name: 'Sergei Lavrov', count: '2' },
          { name: 'Kim Jong Un', count: '2' },
          { name: 'Vladimir Putin', count: '2' },
        ],
      },
      {
        kind: 'States',
        items: [
          { name: 'North Korea', count: '3' },
          { name: 'Russia', count: '3' },
          { name: 'United States', count: '2' },
          { name: 'South Korea', count: '1' },
          { name: 'Japan', count: '1' },
        ],
      },
      { kind: 'Organizations', items: [{ name: 'Korean Central News Agency', count: '1' }] },
      { kind: 'Events', items: [{ name: 'Kim–Putin summit at Vostochny', count: '1' }] },
    ]);
    const briefs = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-testid="related-briefs"] .brief')].map((b) => ({
        title: b.querySelector('.brief-title')!.textContent,
        cites: b.querySelector('.cites') !== null,
        href: b.querySelector('a')?.getAttribute('href'),
      })),
    );
    expect(briefs).toEqual([
      { title: 'Developments in Asia-Pacific in the Context of North Korea-Russia Cooperation', cites: true, href: 'https://www.ankasam.org/en/nk-russia' },
      { title: 'A note on Japan and Russia', cites: false, href: 'https://example.org/briefs/japan' },
    ]);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="sync-line"]')!.textContent)).toMatch(/^Packs: 1 · updated /);
    await popup.close();
  });

  it('choosing an entity brings its first mention into view, marks it and opens its card', async () => {
    const popup = await openPopupFor(browser, articleUrl);
    await waitForEntities(popup, 11);
    await toFront(article);
    await popup.evaluate(() => {
      const button = [...document.querySelectorAll<HTMLButtonElement>('button.entity')].find((b) => b.textContent!.startsWith('Sergei Lavrov'))!;
      button.click();
    });
    await article.waitFor(() => {
      const mark = CSS.highlights.get('gloss-focus');
      let text = '';
      mark?.forEach((r) => (text = (r as Range).toString()));
      return text === 'Sergei Lavrov';
    });
    const card = await waitForCard(article, (c) => c.name === 'Sergei Lavrov');
    expect(card?.name).toBe('Sergei Lavrov');
    await popup.close();
  });

  it('turning the site off removes the highlights from the open tab, and on brings them back', async () => {
    const popup = await openPopupFor(browser, articleUrl);
    await waitForEntities(popup, 11);
    expect(await flipSwitch(popup, 'site')).toBe(false);
    expect(await waitForHighlights(article, [])).toEqual([]);
    await popup.waitFor(() => document.querySelector('[data-testid="site-state"]')!.textContent === 'Gloss is turned off on this site.');
    expect(await article.evaluate(() => document.querySelector('style[data-gloss]'))).toBeNull();

    expect(await flipSwitch(popup, 'site')).toBe(true);
    await allHighlighted();
    expect((await readHighlights(article)).length).toBe(ALL_HIGHLIGHTS);
    // The popup lists the page again.
    expect((await waitForEntities(popup, 11)).length).toBe(4);
    await popup.close();
  });

  it('the global pause stops Gloss on every open page, and resuming brings it back', async () => {
    const popup = await openPopupFor(browser, articleUrl);
    expect(await flipSwitch(popup, 'pause')).toBe(true);
    expect(await waitForHighlights(article, [])).toEqual([]);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="site-state"]')!.textContent)).toBe('Gloss is paused on every site.');
    expect(await flipSwitch(popup, 'pause')).toBe(false);
    await allHighlighted();
    await waitForEntities(popup, 11);
    await popup.close();
  });

  it('searches the whole knowledge base in any language and opens a card in the popup', async () => {
    const popup = await openPopupFor(browser, articleUrl);
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#search-input')!;
      input.value = 'чхве';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.waitFor(() => document.querySelectorAll('[data-testid="search-results"] button.result').length > 0);
    const results = await popup.evaluate(() => [...document.querySelectorAll('[data-testid="search-results"] button.result .name')].map((n) => n.textContent));
    expect(results).toEqual(['Choe Son Hui']);
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="search-results"] button.result')!.click());
    await popup.waitFor(() => document.querySelector('[data-testid="popup-card"] .brief-title') !== null);
    const card = await popup.evaluate(() => {
      const el = document.querySelector('[data-testid="popup-card"]')!;
      return {
        kind: el.querySelector('.kind')!.textContent,
        name: el.querySelector('h2')!.textContent,
        description: el.querySelector('.description')?.textContent,
        briefs: [...el.querySelectorAll('.brief-title')].map((b) => b.textContent),
        focused: document.activeElement === el.querySelector('h2'),
      };
    });
    expect(card).toEqual({
      kind: 'Person',
      name: 'Choe Son Hui',
      description: 'Foreign Minister of North Korea since 2022',
      briefs: ['Developments in Asia-Pacific in the Context of North Korea-Russia Cooperation'],
      focused: true,
    });
    // Back leaves the card for the search results.
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="popup-card"] .back')!.click());
    await popup.waitFor(() => document.querySelector('[data-testid="popup-card"]') === null && document.querySelector('[data-testid="search-results"]') !== null);
    await popup.waitFor(() => document.activeElement?.id === 'search-input');
    await popup.close();
  });

  it('on a section front highlights nothing, and says so, until the reader asks for the whole page', async () => {
    const frontUrl = server.url('/world/asia-pacific/');
    const front = await browser.newTab();
    await front.goto(frontUrl);
    const popup = await openPopupFor(browser, frontUrl);
    await popup.waitFor(() => document.querySelector('[data-testid="no-story"]') !== null);
    expect(await readHighlights(front)).toEqual([]);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="page-entities"]'))).toBeNull();
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="no-story"] button')!.click());
    const expected = [state('North Korea'), person('Choe Son Hui'), state('Japan'), state('South Korea'), person('Sergei Lavrov'), state('Russia'), org('KCNA')];
    expect(await waitForHighlights(front, expected)).toEqual(expected);
    await popup.waitFor(() => document.querySelector('[data-testid="no-story"]') === null && document.querySelector('[data-testid="page-entities"]') !== null);
    await popup.close();
    await front.close();
  });
});
