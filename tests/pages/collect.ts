import type { Tab } from '../e2e/support/browsers';

export interface SeenHighlight {
  text: string;
  /** The text of its block before and after it, for finding it in another copy of the page. */
  before: string;
  after: string;
}

export interface PageFacts {
  lang: string;
  highlights: SeenHighlight[];
  /** Readability's title and article text: the page's main content. */
  mainText: string;
  /** The main content's blocks (headline, paragraphs, list items, captions), in order. */
  mainBlocks: string[];
  /**
   * For each of `mainBlocks`, whether it is wholly a link to another page ("Read: …", a related
   * story's title, a video teaser): text the format leaves out, which Readability keeps.
   */
  linkOnly: boolean[];
}

/** Gloss's highlight count, polled until it has not changed for a while. */
async function settle(tab: Tab, quietMs = 1500, timeoutMs = 20_000): Promise<void> {
  const count = () =>
    tab.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h, k) => {
        if (k.startsWith('gloss-')) n += h.size;
      });
      return n;
    });
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const n = await count();
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Loads a page, lets Gloss annotate it, and reads its highlights and Readability's main content. */
export async function collectPage(tab: Tab, url: string, readabilitySource: string): Promise<PageFacts> {
  await tab.goto(url);
  await settle(tab);
  return tab.evaluate((source) => {
    const BLOCK = 'p, li, h1, h2, h3, h4, h5, h6, figcaption, blockquote, pre, td, th, dt, dd, div, section, article, header, footer, aside, nav, main, body';
    const highlights: { text: string; before: string; after: string }[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('gloss-') || name === 'gloss-focus') return;
      highlight.forEach((r) => {
        const node = r.startContainer;
        const block = (node instanceof Element ? node : node.parentElement)?.closest(BLOCK);
        if (!block) return;
        const head = document.createRange();
        head.selectNodeContents(block);
        head.setEnd(r.startContainer, r.startOffset);
        const tail = document.createRange();
        tail.selectNodeContents(block);
        tail.setStart(r.endContainer, r.endOffset);
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        highlights.push({ text: range.toString(), before: head.toString(), after: tail.toString() });
      });
    });
    // Readability changes the document it reads: give it a copy.
    const Readability = new Function(`${source}; return Readability;`)() as new (doc: Document) => { parse(): { title?: string; content?: string; textContent?: string } | null };
    const article = new Readability(document.cloneNode(true) as Document).parse();
    const content = new DOMParser().parseFromString(article?.content ?? '', 'text/html');
    // Blocks as Gloss reads them: the text under each nearest block element, in order.
    const blocks = new Map<Element, string>();
    const linked = new Map<Element, number>();
    const walker = content.createTreeWalker(content.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const el = t.parentElement?.closest(BLOCK);
      if (!el) continue;
      const data = (t as Text).data;
      blocks.set(el, (blocks.get(el) ?? '') + data);
      const link = t.parentElement?.closest('a[href]');
      if (link && el.contains(link)) linked.set(el, (linked.get(el) ?? 0) + data.replace(/[^\p{L}\p{N}]+/gu, '').length);
    }
    // Wholly a link: at least nine tenths of its letters are link text (a "Read:" label may lead).
    const linkOnly = [...blocks].map(([el, text]) => {
      const letters = text.replace(/[^\p{L}\p{N}]+/gu, '').length;
      return letters > 0 && (linked.get(el) ?? 0) >= 0.9 * letters;
    });
    // Readability's title is the document's; it is main content only where the page shows it.
    // (No named functions in here: the page has no bundler helpers for them.)
    const letters = /[^\p{L}\p{N}]+/gu;
    const shown = document.body.innerText.replace(letters, '').toLowerCase();
    // Else the page's heading that Readability's title repeats, more or less (titles add the
    // site's name, or spell the headline out).
    const titleLetters = (article?.title ?? '').replace(letters, '').toLowerCase();
    const titleWords = new Set((article?.title ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u));
    const heading = [...document.querySelectorAll('h1, h2')].find((h) => {
      const words = (h.textContent ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      return words.length >= 3 && words.filter((w) => titleWords.has(w)).length >= 0.6 * words.length;
    });
    const title = !titleLetters ? '' : shown.includes(titleLetters) ? article!.title! : (heading?.textContent ?? '');
    return {
      lang: document.documentElement.lang || 'en',
      highlights,
      mainText: article ? `${title}\n${article.textContent ?? ''}` : '',
      mainBlocks: article ? [title, ...blocks.values()] : [],
      linkOnly: article ? [false, ...linkOnly] : [],
    };
  }, readabilitySource);
}
