import { describe, expect, it } from 'vitest';
import { createClient } from '@/lib/messaging/client';
import { createListener, type HandlerSet, type SenderLike } from '@/lib/messaging/server';
import type { Envelope } from '@/lib/messaging/protocol';
import { createHandlers as createBackgroundHandlers } from '@/lib/background/handlers';
import { createMatcherService } from '@/lib/background/matcher-service';
import { openDb } from '@/lib/kb/db';
import { createSync } from '@/lib/sync/sync';
import { createSiteControl } from '@/lib/sites/site-control';
import { readSettings, updateSettings } from '@/lib/settings';
import { lazyReader } from './support/reader';

function createHandlers({ version }: { version: string }) {
  const db = openDb(`gloss-messaging-${Math.random()}`);
  const sync = createSync({ db, fetch: () => Promise.reject(new TypeError('offline')), now: () => 0 });
  // Site calls that reach the browser's scripting API are tested in tests/unit/sites.
  const sites = createSiteControl({ readSettings, updateSettings, scripting: {} as never, permissions: {} as never });
  return createBackgroundHandlers({ version, db, sync, matcher: createMatcherService(db), now: () => 0, sites, reader: lazyReader(), starterUrl: 'chrome-extension://gloss-id/starter/pack.json' });
}

const self = { id: 'gloss-id', origin: 'chrome-extension://gloss-id/' };
const tabSender: SenderLike = { id: 'gloss-id', url: 'https://www.reuters.com/world/x', tab: { id: 7 } };
const popupSender: SenderLike = { id: 'gloss-id', url: 'chrome-extension://gloss-id/popup.html' };

function wire(handlers: HandlerSet, sender: SenderLike) {
  const listener = createListener(handlers, self);
  return (message: Envelope) => listener(message, sender) ?? Promise.resolve(undefined);
}

describe('typed message protocol', () => {
  it('a content script gets the background’s answer', async () => {
    const client = createClient('content', wire(createHandlers({ version: '1.2.3' }), tabSender));
    expect(await client.call('hello', { url: 'https://www.reuters.com/world/x' })).toEqual({
      ok: true,
      value: { version: '1.2.3', enabled: true, oneOff: false },
    });
  });

  it('a handler that throws answers with its message, not a rejection', async () => {
    const handlers = createHandlers({ version: '1' });
    handlers.content.hello = async () => {
      throw new Error('store is closed');
    };
    const client = createClient('content', wire(handlers, tabSender));
    expect(await client.call('hello', { url: 'x' })).toEqual({ ok: false, error: 'store is closed' });
  });

  it('UI calls are refused from a web page’s content script', async () => {
    const listener = createListener(createHandlers({ version: '1' }), self);
    const answer = await listener({ gloss: 1, channel: 'ui', call: 'hello', args: {} }, tabSender);
    expect(answer).toMatchObject({ ok: false });
  });

  it('UI calls are answered for the extension’s own pages', async () => {
    const client = createClient('ui', wire(createHandlers({ version: '9' }), popupSender));
    expect(await client.call('hello', {})).toMatchObject({ ok: true, value: { version: '9' } });
  });

  it('ignores messages of other extensions and foreign shapes', () => {
    const listener = createListener(createHandlers({ version: '1' }), self);
    expect(listener({ gloss: 1, channel: 'content', call: 'hello', args: {} }, { id: 'other' })).toBeUndefined();
    expect(listener({ hello: true }, tabSender)).toBeUndefined();
  });

  it('an unknown or inherited call name is an error, not a crash', async () => {
    const listener = createListener(createHandlers({ version: '1' }), self);
    for (const call of ['nope', 'toString', '__proto__']) {
      expect(await listener({ gloss: 1, channel: 'content', call, args: {} }, tabSender)).toEqual({
        ok: false,
        error: `Unknown call: ${call}`,
      });
    }
  });

  it('a transport failure becomes an error result', async () => {
    const client = createClient('content', () => Promise.reject(new Error('Receiving end does not exist.')));
    expect(await client.call('hello', { url: 'x' })).toEqual({
      ok: false,
      error: 'Receiving end does not exist.',
    });
  });
});
