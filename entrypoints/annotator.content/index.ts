import { browser } from 'wxt/browser';
import { mountCardLayer } from '@/components/card/mount';
import { createPageCards } from '@/lib/hover/page-cards';
import { contentClient } from '@/lib/messaging/browser-clients';
import { createTabListener } from '@/lib/messaging/tab-server';
import { NEWS_SITE_MATCHES } from '@/lib/news-sites';
import { createPageControl } from '@/lib/page/page-control';
import { readSettings, watchSettings } from '@/lib/settings';
import { watchKbRevision } from '@/lib/kb/revision-signal';
import { watchReaderRevision } from '@/lib/reader/reader-revision';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const client = contentClient();
    const hello = await client.call('hello', { url: location.href });
    if (ctx.isInvalid || !hello.ok) return;
    const cards = createPageCards({
      doc: document,
      signal: ctx.signal,
      client,
      mount: () => mountCardLayer(browser.i18n.getUILanguage()),
    });
    // Stays on the page even where Gloss is off, so turning it on needs no reload.
    const page = createPageControl({
      doc: document,
      signal: ctx.signal,
      oneOff: hello.value.oneOff ?? false,
      onSession: (_session, signal) => cards.session(signal),
      onMentions: cards.onMentions,
      showEntity: cards.showEntity,
      match: async (request) => {
        const answer = await client.call('match', request);
        if (!answer.ok) throw new Error(answer.error);
        return answer.value;
      },
    });
    const listener = createTabListener({ ...page.tabCalls, ...cards.tabCalls }, { id: browser.runtime.id, origin: browser.runtime.getURL('/') });
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
    ctx.onInvalidated(watchSettings(page.apply));
    ctx.onInvalidated(watchKbRevision(page.refresh));
    // A name hidden or shown again ("Not this", undone in the options): the page reads itself again.
    ctx.onInvalidated(watchReaderRevision(page.refresh));
    page.apply(await readSettings());
  },
});
