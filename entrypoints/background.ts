import { browser } from 'wxt/browser';
import { setTabBadge } from '@/lib/background/badge';
import { createHandlers } from '@/lib/background/handlers';
import { createMatcherService } from '@/lib/background/matcher-service';
import { ensureStarter } from '@/lib/background/starter';
import { relayStepCommands } from '@/lib/background/step-commands';
import { openDb } from '@/lib/kb/db';
import { kbRevisionItem } from '@/lib/kb/revision-signal';
import { createListener } from '@/lib/messaging/server';
import { ALARM_NAME, ALARM_PERIOD_MINUTES } from '@/lib/sync/schedule';
import { createSync } from '@/lib/sync/sync';
import { createBrowserSites, followSiteChanges } from '@/lib/sites/browser-sites';
import { createBrowserReader } from '@/lib/reader/browser-reader';

export default defineBackground(() => {
  const db = openDb();
  // Open pages read themselves again once the matcher for new knowledge is ready.
  const matcher = createMatcherService(db, { onReady: (revision) => void kbRevisionItem.setValue(revision) });
  const sync = createSync({
    db,
    fetch: (url, init) => fetch(url, init),
    now: Date.now,
  });
  const sites = createBrowserSites();
  const reader = createBrowserReader();
  const handlers = createHandlers({
    version: browser.runtime.getManifest().version,
    db,
    sync,
    matcher,
    now: Date.now,
    sites,
    reader,
    starterUrl: browser.runtime.getURL('/starter/pack.json'),
    setBadge: setTabBadge,
  });
  browser.runtime.onMessage.addListener(
    createListener(handlers, { id: browser.runtime.id, origin: browser.runtime.getURL('/') }),
  );

  // Listeners first (a woken worker must find them), then the start-up work.
  followSiteChanges(sites);
  relayStepCommands();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_NAME) void sync.syncDue();
  });
  void browser.alarms.get(ALARM_NAME).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM_NAME, { periodInMinutes: ALARM_PERIOD_MINUTES, delayInMinutes: 1 });
  });
  void reader.start().catch((err: unknown) => console.error('Gloss notes:', err));
  void sites.restore().catch((err: unknown) => console.error('Gloss sites:', err));
  void (async () => {
    await ensureStarter(db, sync, browser.runtime.getURL('/starter/pack.json'));
    await sync.syncDue();
    // Build the matcher now, so the first page does not wait for it.
    await matcher.matcher();
  })().catch((err: unknown) => console.error('Gloss start-up:', err));
});
