import { NEWS_SITE_MATCHES } from '@/lib/news-sites';
import { contentClient } from '@/lib/messaging/browser-clients';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const client = contentClient();
    const hello = await client.call('hello', { url: location.href });
    if (ctx.isInvalid || !hello.ok || !hello.value.enabled) return;
    // Gloss's only element on the page: the host of its shadow-root UI, outside the article.
    const host = document.createElement('gloss-host');
    host.setAttribute('data-state', 'ready');
    host.attachShadow({ mode: 'closed' });
    document.documentElement.append(host);
    ctx.onInvalidated(() => host.remove());
  },
});
