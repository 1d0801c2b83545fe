import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { createMatcherService, type MatcherService } from '@/lib/background/matcher-service';
import { importPackFile } from '@/lib/data/local-pack';
import { openDb, type GlossDb } from '@/lib/kb/db';
import { buildSnapshot, encodeJson } from '@/lib/pack';
import type { HandlerSet } from '@/lib/messaging/server';
import type { SiteControl } from '@/lib/sites/site-control';
import { createSync } from '@/lib/sync/sync';
import { FakePublisher } from '../support/publisher';
import { lazyReader } from '../support/reader';

/** The background and the options page: one database, two connections, as in the browser. */
let background: GlossDb;
let page: GlossDb;
let matcher: MatcherService;
let handlers: HandlerSet;
const now = () => Date.parse('2026-11-30T09:00:00Z');
const ask = { tabId: 1 } as never;

const matches = async (text: string) => (await matcher.matchBlocks({ blocks: [text], lang: 'en', unlocked: [] })).keys;

beforeEach(async () => {
  const name = `gloss-two-contexts-${Math.random()}`;
  background = openDb(name);
  page = openDb(name);
  matcher = createMatcherService(background, { rebuildDelayMs: 0 });
  handlers = createHandlers({
    version: '0',
    db: background,
    sync: createSync({ db: background, fetch: new FakePublisher().fetch, now }),
    matcher,
    now,
    sites: {} as SiteControl,
    reader: lazyReader(),
    starterUrl: 'chrome-extension://x/starter/pack.json',
  });
  expect(await matches('Fishing talks in Mongolia')).toEqual([]);
  // Cards cache what they read, too: read one so there is something to go stale.
  expect(await handlers.content!.card!({ key: '1:mongolia', languages: ['en'] }, ask)).toBeNull();
});

describe('an import in the options page reaches the background at once', () => {
  it('the matcher and the cards know the imported pack once the page says so', async () => {
    const snapshot = buildSnapshot({ pack: 'field-notes' }, 1, [{ id: 'mongolia', kind: 'state', name: { en: 'Mongolia' } }], []);
    const row = await importPackFile(page, encodeJson(snapshot), 'field-notes.json', now());
    await handlers.ui!.knowledgeChanged!({}, ask);
    expect(await matches('Fishing talks in Mongolia')).toEqual([`${row.sub}:mongolia`]);
    const card = await handlers.content!.card!({ key: `${row.sub}:mongolia`, languages: ['en'] }, ask);
    expect(card).toMatchObject({ name: { text: 'Mongolia' }, sources: [{ title: 'field-notes' }] });
  });
});
