import { describe, expect, it } from 'vitest';
import { formatDate, languageName } from '@/lib/card/dates';

describe('dates on a card', () => {
  it('keep the precision they were written with', () => {
    expect(formatDate('1950', 'en')).toBe('1950');
    expect(formatDate('1950-06', 'en')).toBe('June 1950');
    expect(formatDate('2023-09-13', 'en')).toBe('Sep 13, 2023');
    expect(formatDate('2023-09-13', 'ru')).toMatch(/^13 сент\. 2023/);
  });

  it('read a bare day as UTC, so it is the same day everywhere', () => {
    expect(formatDate('2023-01-01', 'en')).toBe('Jan 1, 2023');
  });

  it('show what they cannot read as written, and survive an unknown locale', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
    expect(formatDate('2023-09-13', 'not a locale!')).toBe('Sep 13, 2023');
  });

  it('name languages in the reader’s locale', () => {
    expect(languageName('tr', 'en')).toBe('Turkish');
    expect(languageName('ru', 'tr')).toBe('Rusça');
    expect(languageName('!!', 'en')).toBe('!!');
  });
});
