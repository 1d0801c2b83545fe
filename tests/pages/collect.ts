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
    const leaves = [...content.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, figcaption, blockquote, pre, td, th, dt, dd')].filter(
      (el) => !el.querySelector('p, li, h1, h2, h3, h4, h5, h6, figcaption, blockquote, pre, td, th, dt, dd'),
    );
    const title = article?.title ?? '';
    return {
      lang: document.documentElement.lang || 'en',
      highlights,
      mainText: article ? `${title}\n${article.textContent ?? ''}` : '',
      mainBlocks: article ? [title, ...leaves.map((el) => el.textContent ?? '')] : [],
    };
  }, readabilitySource);
}
