import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './support/browsers';
import { waitForCard } from './support/card-view';
import { useOnlyPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { openPopupFor, toFront, waitForEntities } from './support/popup';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let packUrl: string;
beforeAll(async () => {
  server = await startServer();
  server.put('/world/reuters-article', readFileSync('tests/fixtures/pages/reuters-article.html', 'utf8'));
  const pub = hostPublisher(server, 'languages-test');
  await pub.publish(NEWS_ENTITIES, NEWS_BRIEFS);
  packUrl = `${pub.base}pack.json`;
});
afterAll(() => server.close());

const EXPECTED = {
  tr: {
    popup: ['Bu sayfada Gloss', 'Bilgi tabanında ara', 'Bu sayfada geçenler', 'İlgili analizler', 'Ayarlar'],
    kinds: ['Kişiler', 'Devletler', 'Kuruluşlar', 'Olaylar'],
    options: ['Gloss ayarları', 'Diller', 'Vurgular', "Gloss'un çalıştığı yerler", 'Notlarınız ve gizlediğiniz adlar', 'Bilgi paketleri', 'Verileriniz'],
    languages: ['tr', 'en', 'ru'],
    card: { kind: 'Kişi', name: 'Choe Son Hui' },
  },
  ru: {
    popup: ['Gloss на этой странице', 'Поиск по базе знаний', 'Упомянуто на этой странице', 'Связанные аналитические материалы', 'Настройки'],
    kinds: ['Персоны', 'Государства', 'Организации', 'События'],
    options: ['Настройки Gloss', 'Языки', 'Выделение', 'Где работает Gloss', 'Ваши заметки и скрытые имена', 'Пакеты знаний', 'Ваши данные'],
    languages: ['ru', 'en', 'tr'],
    card: { kind: 'Персона', name: 'Чхве Сон Хи' },
  },
} as const;

/** Visible text that looks like a message key: a string the browser had no translation for. */
const untranslated = (page: Tab) =>
  page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent!.trim();
      if (/^[a-z]+(?:[A-Z][a-z]+)+$/.test(text)) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder]')) {
      for (const v of [el.getAttribute('aria-label'), el.getAttribute('placeholder')]) if (v && /^[a-z]+(?:[A-Z][a-z]+)+$/.test(v)) out.push(v);
    }
    return out;
  });

const CASES = BROWSERS.flatMap((browserName) => (['tr', 'ru'] as const).map((locale) => [browserName, locale] as const));

describe.each(CASES)('Gloss in %s with its interface in %s', (browserName, locale) => {
  const want = EXPECTED[locale];
  let browser: ExtensionBrowser;
  let article: Tab;
  beforeAll(async () => {
    browser = await launch(browserName, { locale });
    await useOnlyPack(browser, packUrl, 'Asia briefs');
    article = await browser.newTab();
    await article.goto(server.url('/world/reuters-article'));
    await article.waitFor(() => document.querySelector('style[data-gloss]') !== null);
  });
  afterAll(() => browser?.close());

  it('the popup speaks the language, and the card it opens on the page too', async () => {
    const popup = await openPopupFor(browser, server.url('/world/reuters-article'));
    const groups = await waitForEntities(popup, 11);
    expect(groups.map((g) => g.kind)).toEqual(want.kinds);
    const text = await popup.evaluate(() => document.body.innerText);
    for (const phrase of want.popup) expect(text).toContain(phrase);
    expect(await untranslated(popup)).toEqual([]);
    await toFront(article);
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('button.entity')!.click());
    // The first entity listed is Choe Son Hui, named in the reader's first language.
    const card = await waitForCard(article, (c) => c.name === want.card.name);
    expect({ name: card?.name, kind: card?.kind.toLowerCase() }).toEqual({ name: want.card.name, kind: want.card.kind.toLowerCase() });
    await popup.close();
  });

  it('the options page speaks the language, and the reader’s languages start with it', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('[data-testid="languages"] li') !== null && document.querySelector('section[data-loaded="true"]') !== null);
    const headings = await options.evaluate(() => [...document.querySelectorAll('h1, h2')].map((h) => h.textContent));
    expect(headings).toEqual(want.options);
    expect(await options.evaluate(() => document.documentElement.lang)).toBe(locale);
    expect(await options.evaluate(() => [...document.querySelectorAll('[data-testid="languages"] li')].map((li) => li.getAttribute('data-lang')))).toEqual(want.languages);
    expect(await untranslated(options)).toEqual([]);
    await options.close();
  });
});
