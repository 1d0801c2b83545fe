import { describe, expect, it } from 'vitest';
import { langMatches, pageLanguage, primarySubtag } from '@/lib/match/language';

describe('pageLanguage', () => {
  it.each([
    ['en-US', 'Россия и КНДР', 'en'],
    ['TR', 'Hello', 'tr'],
    ['ru_RU', '', 'ru'],
    ['  de-CH ', '', 'de'],
    ['zh-Hant-TW', '', 'zh'],
    [null, 'Россия и КНДР подписали договор', 'ru'],
    [undefined, 'Kuzey Kore’nin açıklaması, Dışişleri Bakanlığı', 'tr'],
    ['', 'North Korea launched a missile', 'en'],
    ['und', 'Россия', 'ru'],
    ['x-klingon', 'Rusya’nın tutumu değişmedi', 'tr'],
    [null, '', 'en'],
    [null, 'President Erdoğan met the North Korean delegation in Ankara and discussed trade and security.', 'en'],
    [null, 'Moscow (Москва) said the deal with Pyongyang and Seoul would stand.', 'en'],
  ])('html lang %j with %j → %j', (htmlLang, sample, expected) => {
    expect(pageLanguage(htmlLang, sample)).toBe(expected);
  });
});

describe('langMatches', () => {
  it.each([
    ['en', 'en-GB', true],
    ['en-US', 'en', true],
    ['TR', 'tr-TR', true],
    ['ru', 'uk', false],
    ['tr', 'en', false],
    [undefined, 'ru', true],
    ['', 'ru', true],
  ])('alias %j on a %j page: %j', (alias, page, expected) => {
    expect(langMatches(alias, page)).toBe(expected);
  });

  it('takes the primary subtag', () => {
    expect(primarySubtag('sr-Latn-RS')).toBe('sr');
    expect(primarySubtag('EN')).toBe('en');
  });
});
