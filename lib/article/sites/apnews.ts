import type { SiteRule } from './types';

// Stories: /article/<slug>-<32 hex>. Fronts: /, /hub/<topic>, /world-news, /search.
export const apnews: SiteRule = {
  hosts: ['apnews.com'],
  body: ['.RichTextStoryBody', '.RichTextBody', '[data-key="article"]'],
  story: ['bsp-story-page', '.Page-storyBody', 'main .Page-content'],
  exclude: ['.Page-byline', '.Enhancement', '.Page-actions', '.ActionBar', '.Related'],
  fronts: [/^\/$/, /^\/hub\//, /^\/(world-news|us-news|politics|sports|entertainment|business|science|health|technology|lifestyle|oddities)\/?$/, /^\/search/],
};
