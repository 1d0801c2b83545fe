import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { createMatcherService } from '@/lib/background/matcher-service';
import { openDb } from '@/lib/kb/db';
import { createClient } from '@/lib/messaging/client';
import type { Envelope } from '@/lib/messaging/protocol';
import { createListener, type SenderLike } from '@/lib/messaging/server';
import { feedbackHref, noteParts } from '@/lib/reader/note-text';
import type { SiteControl } from '@/lib/sites/site-control';
import { createSync } from '@/lib/sync/sync';
import { entity, FakePublisher } from '../support/publisher';
import { memoryReader } from '../support/reader';

const SELF = { id: 'gloss-id', origin: 'chrome-extension://gloss-id/' };

/** A background with two packs that both know Choe Son Hui (merged by sameAs), and its clients. */
async function background() {
  const db = openDb(`gloss-reader-${Math.random()}`);
  const asia = new FakePublisher('asia-briefs', 'https://packs.example.org/asia/');
  asia.feedback = 'https://example.org/gloss-feedback?from=gloss';
  await asia.publish([entity('choe-son-hui', { sameAs: ['wikidata:Q1'], aliases: [{ text: 'Choe', lang: 'en' }] } as never), entity('kim-jong-un')]);
  const world = new FakePublisher('world', 'https://packs.example.org/world/');
  await world.publish([entity('son-hui-choe', { sameAs: ['wikidata:Q1'], name: { en: 'Choe Son Hui' } })]);
  const sync = createSync({ db, now: () => 0, fetch: (url, init) => (url.includes('/asia/') ? asia : world).fetch(url, init) });
  await sync.subscribe('https://packs.example.org/asia/pack.json');
  await sync.subscribe('https://packs.example.org/world/pack.json');
  const reader = await memoryReader();
  const handlers = createHandlers({ version: '0', db, sync, matcher: createMatcherService(db), now: () => 0, sites: {} as SiteControl, reader, starterUrl: 'x' });
  const listener = createListener(handlers, SELF);
  const wire = (sender: SenderLike) => (message: Envelope) => listener(message, sender) ?? Promise.resolve(undefined);
  const page = (url: string) => createClient('content', wire({ id: 'gloss-id', url, tab: { id: 7 }, frameId: 0 }));
  const ui = createClient('ui', wire({ id: 'gloss-id', url: 'chrome-extension://gloss-id/popup.html' }));
  return { page, ui, reader };
}

const TEXT = 'Choe Son Hui met Kim Jong Un. Later, Choe Son Hui spoke.';
const names = (answer: { keys: string[]; hits: number[] }) => {
  const out: string[] = [];
  for (let h = 0; h + 4 < answer.hits.length; h += 5) out.push(`${answer.keys[answer.hits[h + 3]!]}@${answer.hits[h + 1]}`);
  return out;
};

describe('notes through the message protocol', () => {
  it('a note written in one card shows in the card of every entity merged with it, on any site, and in the popup', async () => {
    const { page, ui } = await background();
    const reuters = page('https://www.reuters.com/world/a');
    expect(await reuters.call('entityExtras', { key: '1:choe-son-hui' })).toMatchObject({ ok: true, value: { note: null, canNote: true } });
    const saved = await reuters.call('saveNote', { key: '1:choe-son-hui', label: 'Choe Son Hui', text: '  Met Lavrov twice; see https://example.org/a.  ' });
    expect(saved).toMatchObject({ ok: true, value: { text: 'Met Lavrov twice; see https://example.org/a.' } });
    // Another site, and the other pack's record of the same person.
    const bbc = page('https://www.bbc.com/news/b');
    expect(await bbc.call('entityExtras', { key: '2:son-hui-choe' })).toMatchObject({ ok: true, value: { note: { text: 'Met Lavrov twice; see https://example.org/a.' } } });
    expect(await ui.call('entityExtras', { key: '1:choe-son-hui' })).toMatchObject({ ok: true, value: { note: { text: expect.stringContaining('Lavrov') } } });
    expect(await ui.call('notedKeys', { keys: ['1:kim-jong-un', '1:choe-son-hui', '2:son-hui-choe'] })).toEqual({ ok: true, value: ['1:choe-son-hui', '2:son-hui-choe'] });
    const found = await ui.call('searchNotes', { query: 'lavrov', languages: ['en'] });
    expect(found.ok && found.value.map((e) => [e.key, e.name.text])).toEqual([['1:choe-son-hui', 'Choe Son Hui']]);
    // Edited from the merged record: still one note.
    await bbc.call('saveNote', { key: '2:son-hui-choe', label: 'Choe Son Hui', text: 'Edited.' });
    expect((await ui.call('readerRecords', {})).ok && (await ui.call('readerRecords', {}))).toMatchObject({ value: [{ entity: 'asia-briefs/choe-son-hui', text: 'Edited.' }] });
    // Empty text deletes it.
    expect(await bbc.call('saveNote', { key: '2:son-hui-choe', label: 'Choe Son Hui', text: '   ' })).toEqual({ ok: true, value: null });
    expect(await reuters.call('entityExtras', { key: '1:choe-son-hui' })).toMatchObject({ ok: true, value: { note: null } });
  });

  it('refuses a note past its length and keys a page could make up, changing nothing', async () => {
    const { page, ui } = await background();
    const tab = page('https://www.reuters.com/world/a');
    expect(await tab.call('saveNote', { key: '1:choe-son-hui', label: 'x', text: 'a'.repeat(4001) })).toEqual({ ok: false, error: 'A note holds at most 4000 characters.' });
    expect(await tab.call('saveNote', { key: 'nonsense', label: 'x', text: 'a' })).toMatchObject({ ok: false });
    expect(await tab.call('saveNote', { key: '1:nobody', label: 'x', text: 'a' })).toMatchObject({ ok: false });
    expect(await ui.call('readerRecords', {})).toEqual({ ok: true, value: [] });
  });

  it('offers the pack’s feedback address with the entity id, and builds the link only from https', async () => {
    const { page } = await background();
    const extras = await page('https://www.reuters.com/world/a').call('entityExtras', { key: '1:choe-son-hui' });
    expect(extras).toMatchObject({ ok: true, value: { feedback: [{ publisher: 'Example Institute', url: 'https://example.org/gloss-feedback?from=gloss', entity: 'choe-son-hui' }] } });
    expect(feedbackHref('https://example.org/gloss-feedback?from=gloss', 'choe-son-hui', 'https://www.reuters.com/world/a?x=1&y=2')).toBe(
      'https://example.org/gloss-feedback?from=gloss&entity=choe-son-hui&page=https%3A%2F%2Fwww.reuters.com%2Fworld%2Fa%3Fx%3D1%26y%3D2',
    );
    expect(feedbackHref('http://example.org/f', 'a', 'https://x.org/')).toBeUndefined();
    expect(feedbackHref('javascript:alert(1)', 'a', 'https://x.org/')).toBeUndefined();
  });
});

describe('corrections through the message protocol', () => {
  it('"Not this" on one site hides that name for that entity there only; undone, it is back', async () => {
    const { page, ui } = await background();
    const reuters = page('https://www.reuters.com/world/a');
    const bbc = page('https://www.bbc.com/news/b');
    const before = await reuters.call('match', { blocks: [TEXT], lang: 'en', unlocked: [] });
    expect(before.ok && names(before.value)).toEqual(['1:choe-son-hui@0', '1:kim-jong-un@17', '1:choe-son-hui@37']);
    expect(await reuters.call('hideName', { key: '1:choe-son-hui', label: 'Choe Son Hui', name: 'CHOE SON HUI', everywhere: false })).toEqual({ ok: true, value: null });
    const hidden = await reuters.call('match', { blocks: [TEXT], lang: 'en', unlocked: [] });
    expect(hidden.ok && names(hidden.value)).toEqual(['1:kim-jong-un@17']);
    const elsewhere = await bbc.call('match', { blocks: [TEXT], lang: 'en', unlocked: [] });
    expect(elsewhere.ok && names(elsewhere.value)).toEqual(['1:choe-son-hui@0', '1:kim-jong-un@17', '1:choe-son-hui@37']);
    // Another name of the same entity still shows.
    const alias = await reuters.call('match', { blocks: ['Choe spoke.'], lang: 'en', unlocked: ['1:choe-son-hui'] });
    expect(alias.ok && names(alias.value)).toEqual(['1:choe-son-hui@0']);

    const list = await ui.call('listCorrections', {});
    expect(list).toMatchObject({ ok: true, value: [{ name: 'CHOE SON HUI', entity: 'Choe Son Hui', site: 'www.reuters.com' }] });
    await ui.call('undoCorrection', { id: list.ok ? list.value[0]!.id : '' });
    const back = await reuters.call('match', { blocks: [TEXT], lang: 'en', unlocked: [] });
    expect(back.ok && names(back.value)).toEqual(['1:choe-son-hui@0', '1:kim-jong-un@17', '1:choe-son-hui@37']);
    expect(await ui.call('listCorrections', {})).toEqual({ ok: true, value: [] });
  });

  it('hidden everywhere, the name goes on every site; a page without a site cannot hide one there', async () => {
    const { page } = await background();
    await page('https://www.reuters.com/world/a').call('hideName', { key: '1:kim-jong-un', label: 'Kim Jong Un', name: 'Kim Jong Un', everywhere: true });
    const bbc = await page('https://www.bbc.com/news/b').call('match', { blocks: [TEXT], lang: 'en', unlocked: [] });
    expect(bbc.ok && names(bbc.value)).toEqual(['1:choe-son-hui@0', '1:choe-son-hui@37']);
    expect(await page('file:///tmp/x.html').call('hideName', { key: '1:kim-jong-un', label: 'K', name: 'Kim', everywhere: false })).toMatchObject({ ok: false });
  });

  it('restores exported notes and corrections, and refuses a file’s bad record without changing anything', async () => {
    const { page, ui } = await background();
    await page('https://www.reuters.com/world/a').call('saveNote', { key: '1:choe-son-hui', label: 'Choe Son Hui', text: 'kept' });
    const records = await ui.call('readerRecords', {});
    await ui.call('removeReaderRecords', {});
    expect(await ui.call('readerRecords', {})).toEqual({ ok: true, value: [] });
    const bad = await ui.call('restoreReaderRecords', { records: [{ ...(records.ok ? records.value[0] : {}), id: 'n|other/x' }] });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('id does not match') });
    expect(await ui.call('readerRecords', {})).toEqual({ ok: true, value: [] });
    expect(await ui.call('restoreReaderRecords', { records: records.ok ? records.value : [] })).toEqual({ ok: true, value: { notes: 1, corrections: 0 } });
    expect(await ui.call('entityExtras', { key: '2:son-hui-choe' })).toMatchObject({ ok: true, value: { note: { text: 'kept' } } });
  });
});

describe('a note’s text', () => {
  it('shows http(s) addresses as links, leaves sentence punctuation out of them, and never makes other schemes links', () => {
    expect(noteParts('See https://example.org/a?b=1. And (http://x.org/y), javascript:alert(1) <b>x</b>')).toEqual([
      { text: 'See ' },
      { text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { text: '. And (' },
      { text: 'http://x.org/y', href: 'http://x.org/y' },
      { text: '), javascript:alert(1) <b>x</b>' },
    ]);
  });
});
