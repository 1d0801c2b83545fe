import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { createMatcherService } from '@/lib/background/matcher-service';
import { MATCH_LIMITS } from '@/lib/card/content-args';
import { openDb } from '@/lib/kb/db';
import { createClient } from '@/lib/messaging/client';
import type { Envelope } from '@/lib/messaging/protocol';
import { createListener } from '@/lib/messaging/server';
import type { SiteControl } from '@/lib/sites/site-control';
import { createSync } from '@/lib/sync/sync';
import { entity, FakePublisher } from '../support/publisher';
import { lazyReader } from '../support/reader';

async function contentScript() {
  const db = openDb(`gloss-match-args-${Math.random()}`);
  const pub = new FakePublisher();
  await pub.publish([entity('choe-son-hui')]);
  const sync = createSync({ db, now: () => 0, fetch: pub.fetch });
  await sync.subscribe('https://packs.example.org/asia/pack.json');
  const handlers = createHandlers({ version: '0', db, sync, matcher: createMatcherService(db), now: () => 0, sites: {} as SiteControl, reader: lazyReader(), starterUrl: 'x' });
  const listener = createListener(handlers, { id: 'gloss-id', origin: 'chrome-extension://gloss-id/' });
  const sender = { id: 'gloss-id', url: 'https://www.reuters.com/world/x', tab: { id: 7 }, frameId: 0 };
  return createClient('content', (message: Envelope) => listener(message, sender) ?? Promise.resolve(undefined));
}

describe('the content script’s match call has size limits like the others', () => {
  it('answers a well-formed request', async () => {
    const client = await contentScript();
    const answer = await client.call('match', { blocks: ['Talks with Choe Son Hui.'], lang: 'en', unlocked: [] });
    expect(answer).toMatchObject({ ok: true, value: { keys: ['1:choe-son-hui'] } });
  });

  it('refuses what a page-influenced script could send instead', async () => {
    const client = await contentScript();
    const big = 'x'.repeat(MATCH_LIMITS.blockChars + 1);
    const refused = await Promise.all([
      client.call('match', { blocks: Array(MATCH_LIMITS.blocks + 1).fill('a'), lang: 'en', unlocked: [] }),
      client.call('match', { blocks: [big], lang: 'en', unlocked: [] }),
      client.call('match', { blocks: Array(5).fill('y'.repeat(MATCH_LIMITS.blockChars)), lang: 'en', unlocked: [] }),
      client.call('match', { blocks: [42 as never], lang: 'en', unlocked: [] }),
      client.call('match', { blocks: ['a'], lang: 'e'.repeat(100), unlocked: [] }),
      client.call('match', { blocks: ['a'], lang: 'en', unlocked: Array(MATCH_LIMITS.unlocked + 1).fill('1:a') }),
      client.call('match', null as never),
    ]);
    for (const answer of refused) expect(answer).toMatchObject({ ok: false, error: expect.stringContaining('malformed') });
  });
});
