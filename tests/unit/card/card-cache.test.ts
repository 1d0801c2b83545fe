import { describe, expect, it } from 'vitest';
import { createCardCache } from '@/lib/card/card-cache';
import type { CardData } from '@/lib/card/types';

const card = (key: string) => ({ key }) as CardData;

describe('the page’s card cache', () => {
  it('asks the background once per card and has it at hand once it arrived', async () => {
    const asked: string[] = [];
    const cache = createCardCache(async (key) => (asked.push(key), card(key)));
    expect(cache.ready('1:a')).toBeUndefined();
    const [a, b] = await Promise.all([cache.get('1:a'), cache.get('1:a')]);
    expect(a).toBe(b);
    expect(cache.ready('1:a')).toEqual(card('1:a'));
    await cache.get('1:a');
    expect(asked).toEqual(['1:a']);
  });

  it('keeps “not found” but not failures, which are asked again', async () => {
    let fail = true;
    const cache = createCardCache(async (key) => {
      if (key === '1:gone') return null;
      if (fail) throw new Error('the background restarted');
      return card(key);
    });
    expect(await cache.get('1:gone')).toBeNull();
    expect(cache.ready('1:gone')).toBeNull();
    await expect(cache.get('1:a')).rejects.toThrow('restarted');
    fail = false;
    expect(await cache.get('1:a')).toEqual(card('1:a'));
  });

  it('forgets everything when the reader’s languages change, even answers still on their way', async () => {
    let language = 'en';
    let release!: () => void;
    const cache = createCardCache((key) => new Promise((resolve) => (release = () => resolve({ key, language } as unknown as CardData))));
    const early = cache.get('1:a');
    cache.clear();
    release();
    await early;
    expect(cache.ready('1:a')).toBeUndefined();
    language = 'ru';
    const late = cache.get('1:a');
    release();
    expect(await late).toMatchObject({ language: 'ru' });
  });
});
