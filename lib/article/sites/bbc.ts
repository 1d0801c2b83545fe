import type { SiteRule } from './types';

// Stories: /news/articles/<id> or /news/world-asia-12345678. The story is the one <article> in
// #main-content; its paragraphs are text blocks and its captions sit in image blocks.
export const bbc: SiteRule = {
  hosts: ['bbc.com', 'bbc.co.uk'],
  body: ['#main-content article', 'article [data-component="text-block"]'],
  exclude: ['.mini-info-list', '[data-component="byline-block"]', '[data-component="links-block"]', '[data-component="tag-list"]', '[data-component="topic-list"]', '[data-component="ad-slot"]', '[data-component="related-internet-links"]'],
  fronts: [/^\/$/, /^\/news\/?$/, /^\/news\/(world|uk|business|technology|science|health|politics|in_pictures|live)(\/[a-z_-]+)?\/?$/, /^\/news\/topics\//, /^\/search/],
};
