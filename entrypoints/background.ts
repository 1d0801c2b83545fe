import { browser } from 'wxt/browser';
import { createHandlers } from '@/lib/background/handlers';
import { createListener } from '@/lib/messaging/server';

export default defineBackground(() => {
  const handlers = createHandlers({ version: browser.runtime.getManifest().version });
  browser.runtime.onMessage.addListener(
    createListener(handlers, { id: browser.runtime.id, origin: browser.runtime.getURL('/') }),
  );
});
