import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '@/lib/pack/types';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './support/browsers';
import { readCard, waitForCard } from './support/card-view';
import { readHighlights, person, state, waitForHighlights, type Seen } from './support/highlights';
import { moveMouse, pointAtText } from './support/input';
import { addPack, useOnlyPack, waitForPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { openPopupFor, popupEntities, toFront, waitForEntities } from './support/popup';
import { startServer, type TestServer } from './support/server';

const page = (name: string) => readFileSync(`tests/fixtures/pages/${name}`, 'utf8');
const place = (text: string): Seen => ({ kind: 'place', text });

const ent = (id: string, kind: Entity['kind'], name: string, extra: Partial<Entity> = {}): Entity => ({ id, kind, name: { en: name }, ...extra });

/** The first pack subscribed: countries, capitals and a few names with other senses. */
const WORLD: Entity[] = [
  ent('georgia', 'state', 'Georgia', { aliases: [{ text: 'Georgia', needsContext: true }], related: ['russia', 'tbilisi'] }),
  ent('russia', 'state', 'Russia'),
  ent('tbilisi', 'place', 'Tbilisi'),
  ent('armenia', 'state', 'Armenia'),
  ent('jordan', 'state', 'Jordan', { aliases: [{ text: 'Jordan', needsContext: true }], related: ['amman'] }),
  ent('amman', 'place', 'Amman'),
  ent('michael-jordan', 'person', 'Michael Jordan', { aliases: [{ text: 'Jordan', afterFull: true }] }),
  ent('turkey', 'state', 'Turkey', { aliases: [{ text: 'Turkey', needsContext: true }, { text: 'Türkiye' }], related: ['ankara'] }),
  ent('ankara', 'place', 'Ankara'),
  ent('chad', 'state', 'Chad', { aliases: [{ text: 'Chad', needsContext: true }] }),
  ent('china', 'state', 'China'),
  ent('nice', 'place', 'Nice'),
  ent('reading', 'place', 'Reading'),
  ent('male', 'place', 'Malé'),
  ent('split', 'place', 'Split'),
  ent('mobile', 'place', 'Mobile'),
];

/** The second pack: the US state of the same name. */
const US: Entity[] = [
  ent('georgia-us', 'place', 'Georgia', { aliases: [{ text: 'Georgia', needsContext: true }], related: ['atlanta'] }),
  ent('atlanta', 'place', 'Atlanta'),
];

let server: TestServer;
let worldUrl: string;
let usUrl: string;
beforeAll(async () => {
  server = await startServer();
  for (const name of ['georgia-state', 'georgia-country', 'georgia-live', 'jordan-person', 'jordan-state', 'common-place-words']) {
    server.put(`/news/${name}`, page(`${name}.html`));
  }
  const world = hostPublisher(server, 'world-places', undefined, 'World places');
  await world.publish(WORLD);
  worldUrl = `${world.base}pack.json`;
  const us = hostPublisher(server, 'us-places', undefined, 'US places');
  await us.publish(US);
  usUrl = `${us.base}pack.json`;
});
afterAll(() => server.close());

async function open(browser: ExtensionBrowser, name: string, expected: Seen[]): Promise<Tab> {
  const tab = await browser.newTab();
  await tab.goto(server.url(`/news/${name}`));
  expect(await waitForHighlights(tab, expected)).toEqual(expected);
  return tab;
}

describe.each(BROWSERS)('precision in %s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
    await useOnlyPack(browser, worldUrl, 'World places');
    const options = await browser.openExtensionPage('options.html');
    await addPack(options, usUrl);
    await waitForPack(options, 'US places', 'US places');
    await options.waitFor(() => [...document.querySelectorAll('[data-testid="pack-version"]')].filter((v) => /\d/.test(v.textContent ?? '')).length === 2);
    await options.close();
  });
  afterAll(() => browser?.close());

  it('"Georgia" next to Atlanta is the US state, from the second pack', async () => {
    const tab = await open(browser, 'georgia-state', [place('Georgia'), place('Georgia'), place('Atlanta'), place('Georgia')]);
    await tab.close();
  });

  it('"Georgia" next to Russia and Tbilisi is the country', async () => {
    const expected = [state('Georgia'), state('Russia'), state('Georgia'), state('Russia'), place('Tbilisi'), state('Georgia')];
    const tab = await open(browser, 'georgia-country', expected);
    await tab.close();
  });

  it('on a live page, a held "Georgia" shows nothing until context arrives, then lights up without touching the rest', async () => {
    const url = server.url('/news/georgia-live');
    const tab = await open(browser, 'georgia-live', [state('Armenia')]);
    // Held: no card on hover, and the popup lists only what is highlighted.
    const at = await pointAtText(tab, '#post-1 p', 'Georgia');
    await moveMouse(tab, at.x, at.y);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await readCard(tab)).toBeNull();
    const popup = await openPopupFor(browser, url);
    await waitForEntities(popup, 1);
    expect(await popupEntities(popup)).toEqual([{ kind: 'States', items: [{ name: 'Armenia', count: '1' }] }]);
    await popup.close();
    await toFront(tab);
    await moveMouse(tab, 4, 4);

    // Every frame from now on, the Armenia highlight must still be registered.
    await tab.evaluate(() => {
      const w = window as unknown as { missing: number; stop: boolean };
      w.missing = 0;
      w.stop = false;
      let armenia: AbstractRange | undefined;
      CSS.highlights.get('gloss-state')?.forEach((r) => (armenia = r));
      const tick = () => {
        if (!armenia || !CSS.highlights.get('gloss-state')?.has(armenia)) w.missing++;
        if (!w.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      (window as unknown as { addPost(id: string, t: string): void }).addPost('post-4', '11:30 Officials in Tbilisi confirmed the time.');
    });
    const grown = [place('Tbilisi'), state('Georgia'), state('Armenia')];
    expect(await waitForHighlights(tab, grown)).toEqual(grown);
    await new Promise((r) => setTimeout(r, 300));
    expect(await tab.evaluate(() => {
      const w = window as unknown as { missing: number; stop: boolean };
      w.stop = true;
      return w.missing;
    })).toBe(0);

    // Now it counts: it has a card.
    const again = await pointAtText(tab, '#post-1 p', 'Georgia');
    await moveMouse(tab, again.x, again.y);
    expect((await waitForCard(tab, (c) => c.name === 'Georgia'))?.name).toBe('Georgia');
    await tab.close();
  });

  it('"Jordan" after "Michael Jordan" is the person; before it, with no context for the state, it stays plain', async () => {
    const url = server.url('/news/jordan-person');
    const tab = await open(browser, 'jordan-person', [person('Michael Jordan'), person('Jordan')]);
    const popup = await openPopupFor(browser, url);
    await waitForEntities(popup, 1);
    expect(await popupEntities(popup)).toEqual([{ kind: 'People', items: [{ name: 'Michael Jordan', count: '2' }] }]);
    await popup.close();
    await tab.close();
  });

  it('"Jordan" with Amman on the page is the state', async () => {
    const tab = await open(browser, 'jordan-state', [state('Jordan'), state('Jordan'), place('Amman'), state('Jordan')]);
    await tab.close();
  });

  it('lowercase common words that are also place names stay plain', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/news/common-place-words'));
    // The page ends with one real mention, so the whole page has been read when it shows.
    expect(await waitForHighlights(tab, [state('Armenia')])).toEqual([state('Armenia')]);
    expect(await readHighlights(tab)).toEqual([state('Armenia')]);
    await tab.close();
  });
});
