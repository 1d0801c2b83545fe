import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEWS_BRIEFS, NEWS_ENTITIES } from '../fixtures/news-pack';
import { BROWSERS, launch, type ExtensionBrowser, type Tab } from './support/browsers';
import { useOnlyPack } from './support/options';
import { hostPublisher } from './support/pack-host';
import { openPopupFor, toFront } from './support/popup';
import { startServer, type TestServer } from './support/server';

// Pages written for these tests: a long report whose paragraphs name Russia and Japan.
const SENTENCES = [
  'Delegates from Russia met their counterparts from Japan to discuss fishing quotas in the north.',
  'The talks ran late, and officials said little about the outcome to the waiting reporters.',
  'Japan asked for more time, while Russia pressed for a written statement before the weekend.',
  'Observers expected a second round of meetings once the harbour reopened after the storms.',
];

const paragraph = (i: number) => `<p id="p${i}">${SENTENCES[i % SENTENCES.length]} (Part ${i}.)</p>`;

function article(paragraphs: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fishing talks resume in the north</title></head>
<body><main><article><h1>Fishing talks resume in the north</h1>${paragraphs}</article></main>${script}</body></html>`;
}

/** Counts, in the page, Gloss's registered ranges and the names its article holds. */
const RANGES = `<script>
window.glossRanges = () => {
  const ranges = [];
  CSS.highlights.forEach((h, name) => { if (name.startsWith('gloss-') && name !== 'gloss-focus') h.forEach((r) => ranges.push(r)); });
  const ids = new Map();
  const at = ranges.map((r) => {
    if (!r.startContainer.isConnected || r.collapsed) return 'gone';
    if (!ids.has(r.startContainer)) ids.set(r.startContainer, ids.size);
    return ids.get(r.startContainer) + ':' + r.startOffset;
  });
  const names = (document.querySelector('article').textContent.match(/\\b(Russia|Japan)\\b/g) || []).length;
  return { registered: ranges.length, distinct: new Set(at).size, gone: at.filter((a) => a === 'gone').length, names };
};
window.litParagraphs = () => {
  const ids = new Set();
  CSS.highlights.forEach((h, name) => { if (name.startsWith('gloss-')) h.forEach((r) => { const p = r.startContainer.isConnected && r.startContainer.parentElement.closest('p'); if (p) ids.add(p.id); }); });
  return [...ids];
};
</script>`;

// Scrolled to the middle at load; a loop of tasks notes which paragraphs carry highlights
// the first time any do, before Gloss has finished.
const MIDDLE = `<script>
document.getElementById('p200').scrollIntoView({ block: 'start' });
window.firstLit = null;
const channel = new MessageChannel();
const started = performance.now();
channel.port1.onmessage = () => {
  const lit = litParagraphs();
  if (lit.length) { window.firstLit = lit; return; }
  if (performance.now() - started < 20000) channel.port2.postMessage(0);
};
channel.port2.postMessage(0);
</script>`;

// Mutates the article as a busy page does: paragraphs rewritten, added and removed.
const STORM = `<script>
window.storm = (ms) => new Promise((done) => {
  const a = document.querySelector('article');
  let n = 0;
  const end = performance.now() + ms;
  const timer = setInterval(() => {
    for (let k = 0; k < 3; k++, n++) {
      const ps = a.querySelectorAll('p');
      const p = ps[(n * 7) % ps.length];
      if (n % 3 === 0 && ps.length > 10) p.remove();
      else if (n % 3 === 1) p.textContent = 'Update ' + n + ': Japan ' + (n % 2 ? 'and Russia agreed.' : 'said nothing new today.');
      else a.insertAdjacentHTML('beforeend', '<p>Added ' + n + ': reporters waited while Russia answered.</p>');
    }
    if (performance.now() > end) { clearInterval(timer); done(n); }
  }, 1);
});
</script>`;

// Renders the article again with identical text, as a framework does: new nodes, same words.
const RERENDER = `<script>
window.rerender = () => { const a = document.querySelector('article'); a.replaceChildren(...[...a.children].map((c) => c.cloneNode(true))); };
</script>`;

let server: TestServer;
let packUrl: string;
beforeAll(async () => {
  server = await startServer();
  const many = (n: number) => Array.from({ length: n }, (_, i) => paragraph(i)).join('\n');
  server.put('/world/long-report', article(many(400), RANGES + MIDDLE));
  server.put('/world/busy-report', article(many(60), RANGES + STORM));
  server.put('/world/rerendered-report', article(many(40), RANGES + RERENDER));
  // Four names a paragraph: 1,000 paragraphs name 4,000, over the cap of 3,000.
  const crowded = Array.from({ length: 1000 }, (_, i) => `<p>Russia and Japan, then Japan and Russia again, in note ${i} of the annex.</p>`).join('\n');
  server.put('/world/huge-report', article(crowded, RANGES));
  const pub = hostPublisher(server, 'load-test');
  await pub.publish(NEWS_ENTITIES, NEWS_BRIEFS);
  packUrl = `${pub.base}pack.json`;
});
afterAll(() => server.close());

type Ranges = { registered: number; distinct: number; gone: number; names: number };
const ranges = (tab: Tab) => tab.evaluate(() => (window as unknown as { glossRanges: () => Ranges }).glossRanges());

describe.each(BROWSERS)('annotation under load in %s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
    await useOnlyPack(browser, packUrl, 'Asia briefs');
  });
  afterAll(() => browser?.close());

  it('highlights the paragraphs on screen before those far above and below', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/long-report'));
    await tab.waitFor(() => (window as unknown as { firstLit: string[] | null }).firstLit !== null, undefined, 20_000);
    const first = await tab.evaluate(() => (window as unknown as { firstLit: string[] }).firstLit);
    expect(first).toContain('p200');
    expect(first).not.toContain('p0');
    expect(first).not.toContain('p399');
    // And then the whole report, top paragraph included (a reread of the page, should the
    // knowledge base change meanwhile, keeps the old ranges until its own answers come in).
    await tab.waitFor(() => {
      const w = window as unknown as { glossRanges: () => Ranges; litParagraphs: () => string[] };
      const r = w.glossRanges();
      return r.names > 0 && r.registered === r.names && r.gone === 0 && w.litParagraphs().includes('p0');
    }, undefined, 20_000);
    await tab.close();
  });

  it('keeps the highlights of identical re-rendered text in every frame', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/rerendered-report'));
    await tab.waitFor(() => {
      const r = (window as unknown as { glossRanges: () => Ranges }).glossRanges();
      return r.names > 0 && r.registered === r.names;
    });
    const frames = await tab.evaluate(async () => {
      const w = window as unknown as { glossRanges: () => Ranges; rerender: () => void };
      const seen: { live: number; names: number }[] = [];
      for (let i = 0; i < 5; i++) {
        w.rerender();
        // A frame's callbacks run before it is painted: what they see is what the reader sees.
        for (let f = 0; f < 3; f++) {
          await new Promise((r) => requestAnimationFrame(r));
          const r = w.glossRanges();
          seen.push({ live: r.registered - r.gone, names: r.names });
        }
      }
      return seen;
    });
    expect(frames).toHaveLength(15);
    for (const f of frames) expect(f.live).toBe(f.names);
    const after = await ranges(tab);
    expect(after.gone).toBe(0);
    await tab.close();
  });

  it('after a storm of changes, the registered ranges are exactly the names on the page', async () => {
    const tab = await browser.newTab();
    await tab.goto(server.url('/world/busy-report'));
    await tab.waitFor(() => {
      const r = (window as unknown as { glossRanges: () => Ranges }).glossRanges();
      return r.names > 0 && r.registered === r.names;
    });
    const changes = await tab.evaluate(() => (window as unknown as { storm: (ms: number) => Promise<number> }).storm(3000));
    expect(changes).toBeGreaterThan(300);
    await tab
      .waitFor(() => {
        const r = (window as unknown as { glossRanges: () => Ranges }).glossRanges();
        return r.registered === r.names && r.gone === 0;
      }, undefined, 20_000)
      .catch(() => {});
    const r = await ranges(tab);
    expect(r).toEqual({ registered: r.names, distinct: r.names, gone: 0, names: r.names });
    await tab.close();
  });

  it('stops at 3,000 names on a page that has more, and the popup says so', async () => {
    const tab = await browser.newTab();
    const url = server.url('/world/huge-report');
    await tab.goto(url);
    await tab.waitFor(() => (window as unknown as { glossRanges: () => Ranges }).glossRanges().registered >= 3000, undefined, 30_000);
    // Past the cap nothing more comes.
    await new Promise((r) => setTimeout(r, 1000));
    const r = await ranges(tab);
    expect(r.names).toBeGreaterThan(3000);
    expect(r.registered).toBe(3000);
    const popup = await openPopupFor(browser, url);
    await popup.waitFor(() => document.querySelector('[data-testid="mention-cap"]') !== null, undefined, 20_000);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="mention-cap"]')!.textContent)).toBe(
      'Gloss stopped at 3,000 names on this page: it names more than that, and the rest are not highlighted.',
    );
    await popup.close();
    await toFront(tab);
    await tab.close();
  });
});
