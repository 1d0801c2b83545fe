import type { SiteRule } from './types';

// Yonhap's English and Korean editions: stories at /view/AEN2023..., fronts elsewhere.
export const yonhap: SiteRule = {
  hosts: ['yna.co.kr'],
  body: ['article.story-news', '.story-news.article', '#articleWrap .article'],
  story: ['#articleWrap', '.content03'],
  exclude: ['.writer-zone', '.keyword-zone', '.related-zone', '.comp-box:not(.photo-group)', '.aside-box', '.copyright'],
  fronts: [/^\/$/, /^\/(nk|news|national|politics|economy|international|sports|culture|opinion|market-index|search)(\/[a-z-]+)?\/?$/, /^\/index/],
};
