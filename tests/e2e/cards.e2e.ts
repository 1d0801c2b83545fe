import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileRecords, INJECTION, OVERRIDE } from '../fixtures/hostile-pack';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { badgeOf } from './support/badge';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './support/browsers';
import { clickInUi, liveText, readCard, readNotice, waitForCard, waitForNotice } from './support/card-view';
import { inGlossUi } from './support/gloss-ui';
import { clickAt, colorScheme, moveMouse, pointAtText, press, screenshot } from './support/input';
import { useOnlyPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { startServer, type TestServer } from './support/server';

const page = (name: string) => readFileSync(`tests/fixtures/pages/${name}`, 'utf8');

let server: TestServer;
let packUrl: string;
beforeAll(async () => {
  server = await startServer();
  server.put('/world/reuters-article', page('reuters-article.html'));
  server.put('/world/cards-article', page('cards-article.html'));
  server.put('/world/followed', '<!doctype html><title>Followed</title><p>The link was followed.</p>');
  const hostile = hostileRecords(server.url('/world/cards-article'));
  const pub = hostPublisher(server, 'cards-test');
  await pub.publish([...NEWS_ENTITIES, ...hostile.entities], [...NEWS_BRIEFS, ...hostile.briefs]);
  packUrl = `${pub.base}pack.json`;
});
afterAll(() => server.close());

async function openArticle(tab: Tab, path: string) {
  await tab.goto(server.url(path));
  await tab.waitFor(() => {
    let n = 0;
    CSS.highlights.forEach((h, name) => {
      if (name !== 'gloss-focus') n += h.size;
    });
    return n > 0;
  });
}

const CARD_BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(31, 32, 35)' };

/** Opens Choe Son Hui's card in the given theme, checks the theme took, and saves a screenshot. */
async function shootCard(browser: ExtensionBrowser, name: string, scheme: 'light' | 'dark') {
  const tab = await browser.newTab();
  if (browser.name === 'chromium') await colorScheme(tab, scheme);
  await openArticle(tab, '/world/reuters-article');
  expect(await tab.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
  const at = await pointAtText(tab, '[data-testid="paragraph-0"]', 'Choe Son Hui');
  await moveMouse(tab, at.x, at.y);
  await waitForCard(tab, (c) => c.name === 'Choe Son Hui');
  expect(await inGlossUi(tab, (root) => getComputedStyle(root.querySelector('.card')!).backgroundColor)).toBe(CARD_BACKGROUND[scheme]);
  // Past the short entrance movement.
  await new Promise((r) => setTimeout(r, 400));
  await screenshot(tab, `test-results/card-${scheme}-${name}.png`);
  await tab.close();
}

describe.each(BROWSERS)('hover cards in %s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
    await useOnlyPack(browser, packUrl, 'Asia briefs');
  });
  afterAll(() => browser?.close());

  it('tells the reader at once that a brief cites the page, and forgets the notice once dismissed', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/reuters-article'));
    const notice = await waitForNotice(tab);
    expect(notice?.text).toContain('Developments in Asia-Pacific in the Context of North Korea-Russia Cooperation');
    expect(notice?.text).toContain('Zeki Talustan Gülten');
    expect(notice?.links[0]).toEqual({
      href: 'https://www.ankasam.org/en/nk-russia',
      target: '_blank',
      rel: 'noopener noreferrer',
      text: 'Developments in Asia-Pacific in the Context of North Korea-Russia Cooperation',
    });
    expect(await liveText(tab)).toContain('Developments in Asia-Pacific');
    // No card is open: the notice came before any hover.
    expect(await readCard(tab)).toBeNull();

    // The badge counts the entities the page names, each once: North Korea, Russia, Choe Son Hui,
    // the United States, South Korea, Japan, KCNA, Sergei Lavrov, the Vostochny summit, Kim Jong Un
    // and Vladimir Putin.
    let badge: string | null = null;
    for (let i = 0; i < 20 && badge !== '11'; i++) badge = await badgeOf(browser, '/world/reuters-article');
    expect(badge).toBe('11');

    expect(await clickInUi(tab, 'Dismiss for this page')).toBe(true);
    expect(await readNotice(tab)).toBeNull();
    await tab.goto(server.url('/world/reuters-article?utm_source=newsletter'));
    await openArticle(tab, '/world/reuters-article');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await readNotice(tab)).toBeNull();
    await tab.close();
  });

  it('opens the right card after the pointer rests on a name, keeps it while the pointer moves in, closes it after', async () => {
    const tab = await browser.newTab();
    await openArticle(tab, '/world/reuters-article');
    const at = await pointAtText(tab, '[data-testid="paragraph-0"]', 'Choe Son Hui');
    await moveMouse(tab, at.x, at.y);
    const card = await waitForCard(tab, (c) => c.name === 'Choe Son Hui');
    expect(card).toMatchObject({ role: 'tooltip', label: 'Choe Son Hui', kind: 'Person' });
    expect(card!.text).toContain('Foreign Minister of North Korea since 2022');
    expect(card!.text).toContain('OfficeMinister of Foreign Affairs');
    expect(card!.text).toContain('Developments in Asia-Pacific in the Context of North Korea-Russia Cooperation');
    // The pack's title is isolated inside the sentence (U+2068 … U+2069).
    expect(card!.text).toContain('From \u2068Asia briefs\u2069');
    expect(card!.buttons).toContain('North Korea');
    // The brief in the reader's language (English), and its other languages, each in a new tab.
    expect(card!.links.map((l) => [l.href, l.target, l.rel])).toEqual([
      ['https://www.ankasam.org/en/nk-russia', '_blank', 'noopener noreferrer'],
      ['https://www.ankasam.org/en/nk-russia', '_blank', 'noopener noreferrer'],
      ['https://www.ankasam.org/tr/nk-russia', '_blank', 'noopener noreferrer'],
      ['https://www.ankasam.org/ru/nk-russia', '_blank', 'noopener noreferrer'],
      ['https://en.wikipedia.org/wiki/Choe_Son_Hui', '_blank', 'noopener noreferrer'],
    ]);
    // Hovering never takes focus from the page.
    expect(await tab.evaluate(() => document.activeElement === document.body)).toBe(true);

    // Across the gap and into the card: it stays.
    await moveMouse(tab, card!.rect.x + card!.rect.width / 2, card!.rect.y + 20);
    await new Promise((r) => setTimeout(r, 700));
    expect((await readCard(tab))?.name).toBe('Choe Son Hui');

    // A related entity turns the card; Back returns.
    expect(await clickInUi(tab, 'North Korea')).toBe(true);
    expect((await waitForCard(tab, (c) => c.name === 'North Korea'))?.kind).toBe('State');
    expect(await clickInUi(tab, 'Back')).toBe(true);
    expect((await waitForCard(tab, (c) => c.name === 'Choe Son Hui'))?.name).toBe('Choe Son Hui');

    // Away from both: it closes.
    await moveMouse(tab, 4, 4);
    expect(await waitForCard(tab, null, 3000)).toBeNull();

    // By the bottom edge of the window, the card opens above the name and stays in view.
    const low = await pointAtText(tab, '[data-testid="paragraph-4"]', 'Kim Jong-un', 'end');
    await moveMouse(tab, low.x, low.y);
    const above = await waitForCard(tab, (c) => c.name === 'Kim Jong Un');
    const viewport = await tab.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    expect(above!.rect.y + above!.rect.height).toBeLessThan(low.y);
    expect(above!.rect.y).toBeGreaterThanOrEqual(0);
    expect(above!.rect.x + above!.rect.width).toBeLessThanOrEqual(viewport.width);
    await tab.close();
  });

  it('opens the next name’s card when the pointer goes straight from one open card’s name to it and rests', async () => {
    const tab = await browser.newTab();
    await openArticle(tab, '/world/reuters-article');
    const choe = await pointAtText(tab, '[data-testid="paragraph-0"]', 'Choe Son Hui');
    const korea = await pointAtText(tab, '[data-testid="paragraph-0"]', 'North Korea');
    await moveMouse(tab, choe.x, choe.y);
    expect((await waitForCard(tab, (c) => c.name === 'Choe Son Hui'))?.name).toBe('Choe Son Hui');
    // One move, then rest: the first card's close delay ends while the second name's runs.
    await moveMouse(tab, korea.x, korea.y);
    expect((await waitForCard(tab, (c) => c.name === 'North Korea', 3000))?.name).toBe('North Korea');
    await tab.close();
  });

  it('gives an event its date, place and participants, and a name inside a link still follows the link', async () => {
    const tab = await browser.newTab();
    await openArticle(tab, '/world/cards-article');
    const summit = await pointAtText(tab, '[data-testid="paragraph-0"]', 'Vostochny summit');
    await moveMouse(tab, summit.x, summit.y);
    const event = await waitForCard(tab, (c) => c.name === 'Kim–Putin summit at Vostochny');
    expect(event!.kind).toBe('Event');
    expect(event!.text).toContain('WhenSep 13, 2023');
    expect(event!.text).toContain('WhereVostochny Cosmodrome, Amur Oblast');
    expect(event!.buttons).toEqual(expect.arrayContaining(['Kim Jong Un', 'Vladimir Putin']));

    // The card covers the next lines: away first, so it closes.
    await moveMouse(tab, 4, 4);
    expect(await waitForCard(tab, null, 3000)).toBeNull();
    const putin = await pointAtText(tab, '#link-putin', 'Vladimir Putin');
    await moveMouse(tab, putin.x, putin.y);
    expect((await waitForCard(tab, (c) => c.name === 'Vladimir Putin'))?.kind).toBe('Person');
    await clickAt(tab, putin.x, putin.y);
    await tab.waitFor(() => location.pathname === '/world/followed');
    await tab.close();
  });

  it('steps through the names from the keyboard with a visible mark; Tab enters the card, Escape leaves it', async () => {
    const tab = await browser.newTab();
    await openArticle(tab, '/world/cards-article');
    await tab.evaluate(() => document.getElementById('nav-world')!.focus());
    const focusMark = () =>
      tab.evaluate(() => {
        const ranges = [...(CSS.highlights.get('gloss-focus') ?? [])];
        return ranges.map((r) => {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live.toString();
        });
      });
    const focusedId = () => tab.evaluate(() => document.activeElement?.id || document.activeElement?.localName);

    await press(tab, 'Alt+Shift+KeyJ');
    let card = await waitForCard(tab, (c) => c.label === 'Kim–Putin summit at Vostochny');
    expect(card!.role).toBe('dialog');
    expect(await focusMark()).toEqual(['Vostochny summit']);
    expect(await liveText(tab)).toContain('Vostochny summit, Event. Name 1 of 5.');
    // Opening by keyboard does not take focus either: the reader decides with Tab.
    expect(await focusedId()).toBe('nav-world');

    await press(tab, 'Alt+Shift+KeyJ');
    card = await waitForCard(tab, (c) => c.label === 'North Korea');
    expect(await focusMark()).toEqual(['North Korea']);
    expect(await liveText(tab)).toContain('North Korea, State. Name 2 of 5.');

    await press(tab, 'Tab');
    expect(await focusedId()).toBe('gloss-host');
    expect(await inGlossUi(tab, (root) => root.activeElement?.className)).toBe('card');
    await press(tab, 'Tab');
    expect(await inGlossUi(tab, (root) => root.activeElement?.getAttribute('aria-label'))).toBe('Close');
    // Shift+Tab from the first stop cycles to the last, inside the card.
    await press(tab, 'Shift+Tab');
    expect(await inGlossUi(tab, (root) => root.activeElement?.closest('.card') !== null)).toBe(true);

    // Stepping on from inside the card keeps the reader inside, in the next card.
    await press(tab, 'Alt+Shift+KeyJ');
    expect((await waitForCard(tab, (c) => c.label === 'Choe Son Hui'))?.role).toBe('dialog');
    expect(await inGlossUi(tab, (root) => root.activeElement?.className)).toBe('card');
    // A related entity, reached with Tab and opened with Enter: the card turns, focus stays in it.
    // (Firefox also stops on the card's scrolling body, so the count of presses differs.)
    for (let i = 0; i < 4 && (await inGlossUi(tab, (root) => root.activeElement?.textContent)) !== 'North Korea'; i++) await press(tab, 'Tab');
    expect(await inGlossUi(tab, (root) => root.activeElement?.textContent)).toBe('North Korea');
    await press(tab, 'Enter');
    expect((await waitForCard(tab, (c) => c.name === 'North Korea'))?.buttons).toContain('←');
    expect(await inGlossUi(tab, (root) => root.activeElement?.className)).toBe('card');
    await press(tab, 'Alt+Shift+KeyK');
    await waitForCard(tab, (c) => c.label === 'North Korea');

    await press(tab, 'Escape');
    expect(await waitForCard(tab, null, 3000)).toBeNull();
    expect(await focusedId()).toBe('nav-world');
    expect(await focusMark()).toEqual(['North Korea']);

    await press(tab, 'Alt+Shift+KeyK');
    expect((await waitForCard(tab, (c) => c.label === 'Kim–Putin summit at Vostochny'))?.role).toBe('dialog');
    await press(tab, 'Alt+Shift+KeyK');
    // Back past the first name: round to the last.
    expect((await waitForCard(tab, (c) => c.label.startsWith('Operation Nightglass')))?.role).toBe('dialog');
    await tab.close();
  });

  it('draws the card in the light theme (screenshot in test-results/)', async () => {
    await shootCard(browser, name, 'light');
  });

  if (name === 'chromium') {
    it('draws the card in the dark theme (screenshot in test-results/)', async () => {
      await shootCard(browser, name, 'dark');
    });
  }

  it('shows a pack’s markup as text and runs none of it; the page can neither hide nor read the card', async () => {
    const tab = await browser.newTab();
    await openArticle(tab, '/world/cards-article');
    // A page that tries to hide Gloss's interface with its own styles.
    await tab.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'gloss-host { display: none !important; opacity: 0 !important; } .card, gloss-host * { display: none !important; }';
      document.head.append(style);
    });
    // The page is cited by the hostile brief through its location (it has no canonical link).
    const notice = await waitForNotice(tab);
    expect(notice!.text).toContain(`${INJECTION} Nightglass review`);
    expect(notice!.active).toBe(0);
    // Every name from the pack on a brief's line is isolated: an open override reorders nothing else.
    const metaLines = () =>
      inGlossUi(tab, (root) =>
        [...root.querySelectorAll('.meta')].map((m) => ({
          isolated: [...m.querySelectorAll('bdi')].map((b) => b.textContent),
          between: [...m.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent),
        })),
      );
    const isolatedLine = (line: { isolated: (string | null)[]; between: (string | null)[] } | undefined) => {
      expect(line!.isolated).toEqual([`Review Desk ${OVERRIDE}`, expect.any(String), `${OVERRIDE}A. Writer`, 'B. Writer']);
      expect(line!.between.every((t) => t === ' · ' || t === ', ')).toBe(true);
    };
    isolatedLine((await metaLines())![0]);
    const at = await pointAtText(tab, '[data-testid="paragraph-2"]', 'Operation Nightglass');
    await moveMouse(tab, at.x, at.y);
    const card = await waitForCard(tab, (c) => c.name.startsWith('Operation Nightglass'));
    expect(card!.name).toBe(`Operation Nightglass ${INJECTION}`);
    expect(card!.label).toBe(`Operation Nightglass ${INJECTION}`);
    expect(card!.text).toContain('<script>window.__pwned=2</script>');
    expect(card!.text).toContain(`<b>Bold?</b> ${INJECTION}`);
    expect(card!.text).toContain('Payloadjavascript:window.__pwned=3');
    isolatedLine((await metaLines())!.at(-1));
    expect(card!.active).toBe(0);
    expect(card!.links.every((l) => l.href.startsWith('https://'))).toBe(true);
    // A long card keeps its size and scrolls inside.
    expect(card!.rect.height).toBeLessThanOrEqual(480);
    expect(await inGlossUi(tab, (root) => { const b = root.querySelector('.body')!; return b.scrollHeight > b.clientHeight; })).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(await tab.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The page cannot reach into Gloss's interface, and its styles did not hide the card.
    expect(await tab.evaluate(() => document.querySelector('gloss-host')?.shadowRoot ?? null)).toBeNull();
    const centre = { x: card!.rect.x + card!.rect.width / 2, y: card!.rect.y + 30 };
    expect(card!.rect.width).toBeGreaterThan(200);
    expect(await tab.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, centre)).toBe('gloss-host');
    await tab.close();
  });
});

// Firefox takes its colour scheme from a preference set at launch, so the dark card gets a browser of its own.
describe('the dark theme in firefox', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch('firefox', { colorScheme: 'dark' });
    await useOnlyPack(browser, packUrl, 'Asia briefs');
  });
  afterAll(() => browser?.close());

  it('draws the card in the dark theme (screenshot in test-results/)', async () => {
    await shootCard(browser, 'firefox', 'dark');
  });
});
