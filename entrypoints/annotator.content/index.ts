import { contentClient } from '@/lib/messaging/browser-clients';
import { NEWS_SITE_MATCHES } from '@/lib/news-sites';
import { startAnnotating } from '@/lib/annotate/start';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const client = contentClient();
    const hello = await client.call('hello', { url: location.href });
    if (ctx.isInvalid || !hello.ok || !hello.value.enabled) return;
    startAnnotating({
      doc: document,
      signal: ctx.signal,
      match: async (request) => {
        const answer = await client.call('match', request);
        if (!answer.ok) throw new Error(answer.error);
        return answer.value;
      },
    });
  },
});
