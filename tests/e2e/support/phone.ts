import { mkdirSync, readFileSync } from 'node:fs';
import { hostileRecords } from '../../fixtures/hostile-pack';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../../fixtures/news-pack';
import type { Tab } from './browsers';
import { inGlossUi } from './gloss-ui';
import { hostPublisher } from './pack-host';
import { startServer, type TestServer } from './server';

const page = (name: string) => readFileSync(`tests/fixtures/pages/${name}`, 'utf8');

/**
 * The pages the phone tests read (tests/fixtures/pages/mobile-*.html, with a viewport meta
 * as phone pages have), a page their link leads to, and a pack that knows their names (the
 * hostile records give a long card, and a brief citing the second page).
 */
export async function servePhonePages(): Promise<{ server: TestServer; packUrl: string }> {
  const server = await startServer();
  server.put('/world/mobile-article', page('mobile-article.html'));
  server.put('/world/mobile-cited', page('mobile-cited.html'));
  server.put('/world/followed', '<!doctype html><title>Followed</title><p>The link was followed.</p>');
  const hostile = hostileRecords(server.url('/world/mobile-cited'));
  const pub = hostPublisher(server, 'touch-test');
  await pub.publish([...NEWS_ENTITIES, ...hostile.entities], [...NEWS_BRIEFS, ...hostile.briefs]);
  mkdirSync('test-results', { recursive: true });
  return { server, packUrl: `${pub.base}pack.json` };
}

/** Opens a page and waits for its names to be highlighted. */
export async function openArticle(tab: Tab, server: TestServer, path = '/world/mobile-article'): Promise<void> {
  await tab.goto(server.url(path));
  await tab.waitFor(() => {
    let n = 0;
    CSS.highlights.forEach((h, name) => {
      if (name !== 'gloss-focus') n += h.size;
    });
    return n >= 5;
  });
  // Then until the page is read to its end: the count of highlights holds for half a second.
  await tab.waitFor(() => {
    const w = window as unknown as { __glossCount?: { n: number; since: number } };
    let n = 0;
    CSS.highlights.forEach((h, name) => {
      if (name !== 'gloss-focus') n += h.size;
    });
    const now = performance.now();
    if (!w.__glossCount || w.__glossCount.n !== n) w.__glossCount = { n, since: now };
    return now - w.__glossCount.since >= 500;
  });
}

/** Where a name is on screen now (after any scrolling the card did). */
export function nameBox(tab: Tab, selector: string, text: string) {
  return tab.evaluate(
    ([sel, wanted]) => {
      const root = document.querySelector(sel!)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(wanted!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + wanted!.length);
        const r = range.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      }
      throw new Error(`no "${wanted}" in ${sel}`);
    },
    [selector, text],
  );
}

/** The sheet's controls as a finger meets them: every button and link, with its size. */
export const controls = (tab: Tab) =>
  inGlossUi(tab, (root) =>
    [...root.querySelectorAll<HTMLElement>('.card button, .card a')].map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.getAttribute('aria-label') ?? el.textContent ?? '', width: r.width, height: r.height };
    }),
  );

/** The centre of a button of the card, found by its accessible name or text. */
export const buttonAt = (tab: Tab, name: string) =>
  inGlossUi(
    tab,
    (root, wanted) => {
      const b = [...root.querySelectorAll<HTMLElement>('.card button')].find((el) => el.getAttribute('aria-label') === wanted || el.textContent === wanted);
      if (!b) return null;
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    name,
  );

