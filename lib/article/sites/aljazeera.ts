import type { SiteRule } from './types';

// Stories: /news/2023/10/27/<slug>. Fronts: /, /news/, /asia/, /where/..., /tag/..., /search/.
export const aljazeera: SiteRule = {
  hosts: ['aljazeera.com'],
  body: ['.wysiwyg--all-content', '.wysiwyg'],
  story: ['main#main-content-area', '#main-content-area'],
  exclude: ['.article-info-block', '.article-b-l', '.more-on', '.container--ads', '.article-source', '.article-tags'],
  fronts: [/^\/$/, /^\/(news|features|opinions|economy|sports|video|gallery|program|podcasts)\/?$/, /^\/(where|tag|author|search)\//, /^\/(africa|asia|asia-pacific|europe|middle-east|us-canada|latin-america)\/?$/],
};
