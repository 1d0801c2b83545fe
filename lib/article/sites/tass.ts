import type { SiteRule } from './types';

// tass.com (English) and tass.ru (Russian): stories at /<section>/<number>.
export const tass: SiteRule = {
  hosts: ['tass.com', 'tass.ru'],
  body: ['.text-content', '.text-block', '[class*="Article_text"]'],
  story: ['.news', '[class*="Article_container"]', 'main article'],
  exclude: ['.tags', '.news-header__tags', '[class*="Tags"]', '[class*="Related"]', '.share'],
  fronts: [/^\/$/, /^\/[a-z-]+\/?$/, /^\/search/],
};
