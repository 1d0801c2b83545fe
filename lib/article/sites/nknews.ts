import type { SiteRule } from './types';

// A WordPress site: stories at /2023/10/<slug>/, fronts and archives elsewhere.
export const nknews: SiteRule = {
  hosts: ['nknews.org'],
  body: ['.entry-content', '#article-content', '.article-content'],
  story: ['article.post', 'main article'],
  exclude: ['.jp-relatedposts', '.related-posts', '.sharedaddy', '.post-tags', '.author-box', '.paywall-wrap'],
  fronts: [/^\/$/, /^\/(category|tag|author|page|search|pro)\//],
};
