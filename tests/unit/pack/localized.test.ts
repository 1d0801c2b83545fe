import { describe, expect, it } from 'vitest';
import { pickLocalized } from '@/lib/pack/localized';

const name = { ru: 'Чхве Сон Хи', en: 'Choe Son Hui', 'pt-PT': 'Choe (PT)', 'pt-BR': 'Choe (BR)' };

describe('pickLocalized', () => {
  it('the first preferred language present', () => {
    expect(pickLocalized(name, ['tr', 'ru', 'en'])).toEqual({ text: 'Чхве Сон Хи', lang: 'ru' });
  });

  it('compares primary subtags: ru-RU finds ru, en finds en-GB', () => {
    expect(pickLocalized(name, ['ru-RU'])).toEqual({ text: 'Чхве Сон Хи', lang: 'ru' });
    expect(pickLocalized({ 'en-GB': 'Colour' }, ['en'])).toEqual({ text: 'Colour', lang: 'en-GB' });
  });

  it('an exact tag beats a relative', () => {
    expect(pickLocalized(name, ['pt-BR'])?.text).toBe('Choe (BR)');
    expect(pickLocalized(name, ['PT-br'])?.text).toBe('Choe (BR)');
  });

  it('a relative of an earlier preference beats an exact later one', () => {
    expect(pickLocalized({ ru: 'Россия', en: 'Russia' }, ['ru-UA', 'en'])?.lang).toBe('ru');
  });

  it('then English', () => {
    expect(pickLocalized(name, ['tr', 'ko'])).toEqual({ text: 'Choe Son Hui', lang: 'en' });
  });

  it('then whatever comes first', () => {
    expect(pickLocalized({ ko: '최선희', ru: 'Чхве' }, ['tr'])).toEqual({ text: '최선희', lang: 'ko' });
  });

  it('null for nothing to show', () => {
    expect(pickLocalized({}, ['en'])).toBeNull();
    expect(pickLocalized(undefined, ['en'])).toBeNull();
    expect(pickLocalized({ en: '' }, ['en'])).toBeNull();
  });
});
