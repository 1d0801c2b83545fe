import type { SiteRule } from './types';

// Stories: /2023/10/27/world/asia/<slug>.html. Fronts: /, /section/..., /search.
export const nytimes: SiteRule = {
  hosts: ['nytimes.com'],
  body: ['section[name="articleBody"]', '[data-testid="article-body"]', '.StoryBodyCompanionColumn'],
  story: ['article#story', 'main#site-content article'],
  exclude: ['[data-testid="share-tools"]', '[data-testid="brand-bar"]', '#bottom-sheet-sensor', '.bottom-of-article', '[data-testid="inline-message"]', '[id^="story-ad"]', '[data-testid="recirculation"]'],
  fronts: [/^\/$/, /^\/(section|topic|spotlight|series)\//, /^\/search/, /^\/international\/?$/],
};
