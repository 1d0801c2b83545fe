import type { SiteRule } from './types';

// Stories: /view.php?ud=2023... or /article/1234567. Fronts: /, /list.php, /index.php.
export const koreaherald: SiteRule = {
  hosts: ['koreaherald.com'],
  body: ['#articleText', '.article-text', '.view_con.article'],
  story: ['.view_con_t', '.news_content', '.article-view'],
  exclude: ['.view_reporter', '.related_news', '.article-ad', '.news_tag'],
  fronts: [/^\/$/, /^\/(list|index|search)\.php$/, /^\/(list|section|search)\//],
};
