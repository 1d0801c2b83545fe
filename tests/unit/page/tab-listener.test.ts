import { describe, expect, it } from 'vitest';
import { createClient } from '@/lib/messaging/client';
import type { Envelope } from '@/lib/messaging/protocol';
import { createListener, type Handlers, type HandlerSet, type SenderLike } from '@/lib/messaging/server';
import { createTabListener } from '@/lib/messaging/tab-server';

const SELF = { id: 'gloss-id', origin: 'chrome-extension://gloss-id/' };
const handlers: Handlers<'tab'> = {
  async pageSummary() {
    return { active: true, urls: ['https://www.reuters.com/x'], entities: [{ key: '1:russia', kind: 'state', count: 2 }] };
  },
  async focusMention({ key }) {
    return key === '1:russia';
  },
  async step() {
    return null;
  },
  async readWholePage() {
    return null;
  },
};
const popup: SenderLike = { id: SELF.id, url: 'chrome-extension://gloss-id/popup.html' };

describe('calls from the popup to a page', () => {
  it('the page answers the extension’s own pages', async () => {
    const listener = createTabListener(handlers, SELF);
    const client = createClient('tab', (m: Envelope) => listener(m, popup) ?? Promise.resolve(undefined));
    expect(await client.call('pageSummary', {})).toMatchObject({ ok: true, value: { entities: [{ key: '1:russia', count: 2 }] } });
    expect(await client.call('focusMention', { key: '1:russia' })).toEqual({ ok: true, value: true });
  });

  it('ignores other content scripts, other extensions and other channels', () => {
    const listener = createTabListener(handlers, SELF);
    const call = { gloss: 1, channel: 'tab', call: 'pageSummary', args: {} };
    expect(listener(call, { id: SELF.id, url: 'https://evil.example/', tab: { id: 4 } })).toBeUndefined();
    expect(listener(call, { id: SELF.id })).toBeUndefined();
    // An extension page in a tab of its own is still the extension (Firefox names its tab).
    expect(listener(call, { ...popup, tab: { id: 9 } })).toBeDefined();
    expect(listener(call, { id: 'other', url: 'chrome-extension://other/popup.html' })).toBeUndefined();
    expect(listener({ ...call, channel: 'content' }, popup)).toBeUndefined();
  });

  it('an unknown call is an error, not a crash', async () => {
    const listener = createTabListener(handlers, SELF);
    expect(await listener({ gloss: 1, channel: 'tab', call: 'constructor', args: {} }, popup)).toEqual({ ok: false, error: 'Unknown call: constructor' });
  });

  it('the background leaves tab calls alone', () => {
    const listener = createListener({ content: {}, ui: {} } as unknown as HandlerSet, SELF);
    expect(listener({ gloss: 1, channel: 'tab', call: 'pageSummary', args: {} }, popup)).toBeUndefined();
  });
});
