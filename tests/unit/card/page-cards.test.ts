// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.reuters.com/world/story"}
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Mention } from '@/lib/annotate/annotator';
import type { CardData, CitingAnswer } from '@/lib/card/types';
import type { PageCardsState } from '@/lib/hover/card-state';
import { createPageCards } from '@/lib/hover/page-cards';
import type { Client } from '@/lib/messaging/client';
import { kbRevisionItem } from '@/lib/kb/revision-signal';
import { updateSettings } from '@/lib/settings';
import { installFakeHighlights } from '../../dom/fake-highlights';

const NOTICE: CitingAnswer = {
  page: 'reuters.com/world/story',
  briefs: [{ key: '1:nk', open: { lang: 'en', title: 'A brief', url: 'https://example.org/b' }, versions: [], published: '2023-10-30', authors: [], pack: 'P' }],
};

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

function mentionsOf(spec: [string, string, string][]): Mention[] {
  const text = document.querySelector('p')!.firstChild!;
  return spec.map(([word, key, kind]) => {
    const at = text.textContent!.indexOf(word);
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + word.length);
    return { key, kind, range, full: true };
  });
}

function harness(notice: CitingAnswer | null = NOTICE) {
  const calls: [string, unknown][] = [];
  const answer = (name: string, args: { key?: string; languages?: string[] }): unknown => {
    if (name === 'card') return { key: args.key, name: { text: `${args.key} in ${args.languages![0]}`, lang: args.languages![0] } } as unknown as CardData;
    if (name === 'citing') return notice;
    return null;
  };
  const client = {
    async call(name: string, args: never) {
      calls.push([name, args]);
      return { ok: true, value: answer(name, args) };
    },
  } as unknown as Client<'content'>;
  const states: PageCardsState[] = [];
  const life = new AbortController();
  const mount = () => {
    const host = document.createElement('gloss-host');
    const shadow = host.attachShadow({ mode: 'open' });
    document.documentElement.append(host);
    return { host, shadow, draw: (s: PageCardsState) => void states.push(s), remove: () => host.remove() };
  };
  const cards = createPageCards({ doc: document, signal: life.signal, client, mount, removeAfterMs: 20 });
  const badges = () => calls.filter(([n]) => n === 'pageEntities').map(([, a]) => (a as { count: number }).count);
  return { cards, calls, states, badges, last: () => states.at(-1), life };
}

beforeEach(async () => {
  fakeBrowser.reset();
  document.querySelectorAll('gloss-host').forEach((h) => h.remove());
  installFakeHighlights();
  document.body.innerHTML = '<p>Putin said Russia would help; Japan objected and Russia replied.</p>';
  await updateSettings({ languages: ['en'], hiddenKinds: [] });
});

const PAGE: [string, string, string][] = [
  ['Putin', '1:putin', 'person'],
  ['Russia', '1:russia', 'state'],
  ['Japan', '1:japan', 'state'],
];

describe('cards on a page', () => {
  it('count the entities on the page for the badge, each once, without the kinds the reader hid', async () => {
    const { cards, badges } = harness();
    const session = new AbortController();
    cards.session(session.signal);
    cards.onMentions(mentionsOf([...PAGE, ['Russia', '1:russia', 'state']]));
    await until(() => badges().at(-1) === 3);
    await updateSettings({ hiddenKinds: ['person'] });
    await until(() => badges().at(-1) === 2);
    // Annotation stopped (Gloss turned off here): the badge empties.
    session.abort();
    expect(badges().at(-1)).toBe(0);
  });

  it('show the notice on a cited page until the reader dismisses it there', async () => {
    const first = harness();
    first.cards.session(new AbortController().signal);
    first.cards.onMentions(mentionsOf(PAGE));
    await until(() => first.last()?.notice?.page === NOTICE.page);
    expect(first.last()?.announcement).toEqual({ kind: 'cited', titles: ['A brief'] });
    expect(first.calls.find(([n]) => n === 'citing')?.[1]).toMatchObject({ urls: ['https://www.reuters.com/world/story'], languages: ['en'] });
    first.states.length = 0;
    first.life.abort();

    // The same page later, its notice dismissed in between.
    const { dismissNotice } = await import('@/lib/card/dismissed-notices');
    await dismissNotice(NOTICE.page);
    const again = harness();
    again.cards.session(new AbortController().signal);
    again.cards.onMentions(mentionsOf(PAGE));
    await until(() => again.calls.some(([n]) => n === 'citing'));
    await new Promise((r) => setTimeout(r, 20));
    expect(again.states.some((s) => s.notice)).toBe(false);
  });

  it('open a card from the keyboard command, and fetch it again when the reader’s languages change', async () => {
    const { cards, calls, last } = harness(null);
    cards.session(new AbortController().signal);
    cards.onMentions(mentionsOf(PAGE));
    await until(() => calls.some(([n]) => n === 'pageEntities'));
    await cards.tabCalls.step({ direction: 1 }, {});
    await until(() => last()?.card?.data?.name.text === '1:putin in en');
    expect(last()).toMatchObject({ card: { mode: 'keyboard', trail: ['1:putin'] }, announcement: { kind: 'mention', name: 'Putin', position: 1, total: 3 } });
    await updateSettings({ languages: ['ru', 'en'] });
    await until(() => last()?.card?.data?.name.text === '1:putin in ru');
    expect(calls.filter(([n]) => n === 'card')).toHaveLength(2);
    // A pack changed: the open card is read again.
    await kbRevisionItem.setValue(7);
    await until(() => calls.filter(([n]) => n === 'card').length === 3);
    // The popup's list opens an entity's first mention the same way.
    expect(cards.showEntity('1:japan')).toBe(true);
    expect(cards.showEntity('1:nobody')).toBe(false);
    await until(() => last()?.card?.trail[0] === '1:japan');
  });

  it('add their host to the page only while it has names or a notice, and take it away after', async () => {
    const hosts = () => document.querySelectorAll('gloss-host').length;
    const { cards, calls, last } = harness(null);
    const session = new AbortController();
    cards.session(session.signal);
    cards.onMentions([]);
    await until(() => calls.some(([n]) => n === 'citing'));
    await new Promise((r) => setTimeout(r, 30));
    expect(hosts()).toBe(0);
    cards.onMentions(mentionsOf(PAGE));
    await until(() => hosts() === 1);
    // The names went (a single-page navigation to a story without any): so does the host.
    cards.onMentions([]);
    await until(() => hosts() === 0);
    // A step with no names says so: the host comes back for the live region, empty first, then with the words.
    await cards.tabCalls.step({ direction: 1 }, {});
    await until(() => last()?.announcement?.kind === 'none');
    expect(hosts()).toBe(1);
    session.abort();
    await until(() => hosts() === 0);
  });

  it('add the host for a cited page without names, for the notice', async () => {
    const { cards, last } = harness();
    cards.session(new AbortController().signal);
    cards.onMentions([]);
    await until(() => last()?.notice?.page === NOTICE.page);
    expect(document.querySelectorAll('gloss-host')).toHaveLength(1);
    expect(last()?.announcement).toEqual({ kind: 'cited', titles: ['A brief'] });
  });
});
