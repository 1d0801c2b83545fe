import { beforeEach, describe, expect, it } from 'vitest';
import { cardHandlers } from '@/lib/background/card-handlers';
import { badgeText } from '@/lib/card/content-args';
import { openDb, type GlossDb } from '@/lib/kb/db';
import { createClient } from '@/lib/messaging/client';
import type { Envelope } from '@/lib/messaging/protocol';
import { createListener, type HandlerSet, type SenderLike } from '@/lib/messaging/server';
import { createSync } from '@/lib/sync/sync';
import { brief, entity, FakePublisher } from '../support/publisher';
import { briefsOf } from './rows';

const self = { id: 'gloss-id', origin: 'chrome-extension://gloss-id/' };
const CITED = 'https://www.reuters.com/world/asia-pacific/north-korea-rejects-arms-claims-2023-10-27/';

let db: GlossDb;
let sub: number;
let badges: [number, string][];

beforeEach(async () => {
  db = openDb(`gloss-card-handlers-${Math.random()}`);
  const pub = new FakePublisher();
  await pub.publish(
    [entity('choe-son-hui', { name: { en: 'Choe Son Hui', ru: 'Чхве Сон Хи' } })],
    [brief('nk', ['choe-son-hui'], { cites: [CITED] })],
  );
  sub = (await createSync({ db, now: () => 0, fetch: pub.fetch }).subscribe('https://packs.example.org/asia/pack.json')).sub!;
  badges = [];
});

/** A content script's client, through the same listener the background installs. */
function contentScript(sender: SenderLike = { id: 'gloss-id', url: 'https://www.reuters.com/world/x', tab: { id: 7 }, frameId: 0 }) {
  const handlers = cardHandlers({ db, now: () => 0, setBadge: async (tabId, text) => void badges.push([tabId, text]) });
  const listener = createListener({ content: handlers, ui: {} } as unknown as HandlerSet, self);
  return createClient('content', (message: Envelope) => listener(message, sender) ?? Promise.resolve(undefined));
}

describe('the background’s card calls', () => {
  it('answer a card in one message, in the reader’s language', async () => {
    const answer = await contentScript().call('card', { key: `${sub}:choe-son-hui`, languages: ['ru', 'en'] });
    expect(answer.ok && answer.value?.name).toEqual({ text: 'Чхве Сон Хи', lang: 'ru' });
    expect(answer.ok && answer.value && briefsOf(answer.value).map((b) => b.key)).toEqual([`${sub}:nk`]);
    expect(await contentScript().call('card', { key: `${sub}:nobody`, languages: ['en'] })).toEqual({ ok: true, value: null });
  });

  it('answer the briefs citing a page', async () => {
    const answer = await contentScript().call('citing', { urls: [`${CITED}?utm_campaign=x`], languages: ['en'] });
    expect(answer.ok && answer.value?.briefs.map((b) => b.open.title)).toEqual(['Brief nk']);
  });

  it('refuse what a page-influenced script could send instead of a well-formed request', async () => {
    const client = contentScript();
    const refused = [
      client.call('card', { key: `${sub}:choe-son-hui\u0000`, languages: ['en'] }),
      client.call('card', { key: 'x'.repeat(500), languages: ['en'] }),
      client.call('card', { key: `${sub}:choe-son-hui`, languages: 'en' as never }),
      client.call('card', null as never),
      client.call('citing', { urls: Array(50).fill(CITED), languages: ['en'] }),
      client.call('pageEntities', { count: -1 }),
      client.call('pageEntities', { count: 1.5 }),
      client.call('pageEntities', { count: '3' as never }),
    ];
    for (const answer of await Promise.all(refused)) expect(answer).toMatchObject({ ok: false, error: expect.stringContaining('malformed') });
    // Languages that are not language codes are dropped, not passed on.
    const answer = await client.call('card', { key: `${sub}:choe-son-hui`, languages: ['<script>', 'ru'] });
    expect(answer.ok && answer.value?.name.lang).toBe('ru');
    expect(badges).toEqual([]);
  });

  it('set the badge of the sender’s own tab, from its top frame only', async () => {
    await contentScript().call('pageEntities', { count: 11 });
    await contentScript().call('pageEntities', { count: 0 });
    await contentScript({ id: 'gloss-id', url: 'https://www.reuters.com/embed', tab: { id: 7 }, frameId: 3 }).call('pageEntities', { count: 4 });
    expect(badges).toEqual([
      [7, '11'],
      [7, ''],
    ]);
  });

  it('fit large counts in the badge', () => {
    expect([0, 1, 999, 1000].map(badgeText)).toEqual(['', '1', '999', '999+']);
  });
});
