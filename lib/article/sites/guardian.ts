import type { SiteRule } from './types';

// Stories: /world/2023/oct/27/<slug>; live blogs carry #liveblog-body. Fronts are the bare
// sections and tag pages (/world/north-korea).
export const guardian: SiteRule = {
  hosts: ['theguardian.com'],
  body: ['#liveblog-body', '[data-gu-name="body"]', '.article-body-commercial-selector', '#maincontent .content__article-body'],
  story: ['main article', 'article#article'],
  exclude: ['[data-gu-name="meta"]', '[data-gu-name="lines"]', '[data-gu-name="right-column"]', '[data-gu-name="most-viewed"]', '#keywords', '.submeta', '[data-component="rich-link"]', '[data-link-name="rich-link"]', '.ad-slot', '#sign-in-gate'],
  fronts: [/^\/(uk|us|au|international|europe)?\/?$/, /^\/[a-z-]+(\/[a-z-]+)?\/?$/, /^\/[a-z-]+\/(all|series)\//],
};
