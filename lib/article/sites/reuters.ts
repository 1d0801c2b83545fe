import type { SiteRule } from './types';

// Stories: /world/asia-pacific/<slug>-2023-10-27/. Fronts are the bare sections.
export const reuters: SiteRule = {
  hosts: ['reuters.com'],
  body: ['[data-testid="ArticleBody"]', '[class*="article-body__content"]', '.StandardArticleBody_body'],
  story: ['article[class*="article__container"]', 'main article'],
  exclude: ['[data-testid="Toolbar"]', '[data-testid="Byline"]', '[data-testid="SignOff"]', '[data-testid="promo-box"]', '[class*="article-body__row"][class*="ad-"]'],
  fronts: [
    /^\/$/,
    /^\/(world|business|markets|technology|sustainability|legal|breakingviews|investigations|science|lifestyle|sports|graphics|pictures|podcasts)\/?$/,
    /^\/(world|business|markets)\/(africa|americas|asia-pacific|china|europe|india|israel-hamas|japan|middle-east|uk|us|ukraine-russia-war|energy|finance|autos|aerospace-defense|environment|healthcare-pharmaceuticals|media-telecom|retail-consumer|commodities|currencies|deals|asia|rates-bonds|wealth)\/?$/,
    /^\/site-search\//,
  ],
};
