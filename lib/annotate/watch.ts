import { blockToRefresh, type Annotator } from './annotator';
import { createCoalescer } from './coalesce';
import { BLOCK_TAGS } from './scope';

export interface WatchOptions {
  /** From a change to its reading, so a burst of changes is read once. */
  settleMs?: number;
  /** The share of the page's time Gloss may take while the page keeps changing. */
  share?: number;
  /** Time Gloss may spend at once after a quiet spell, before it waits for its share. */
  burstMs?: number;
  /** On a page with no story, how often at most the story is looked for again. */
  noStoryGapMs?: number;
}

/**
 * Keeps the highlights in step with the page. Text rendered again as it was is highlighted
 * again in the same task, from remembered answers, so no frame shows it bare. Anything else
 * is read again block by block, one read at a time: changes that come meanwhile wait for the
 * next read, which sees the page as it is then, and reads are spaced so Gloss takes at most
 * `share` of a busy page's time. Text that is gone loses its highlights. Gloss's own nodes
 * are ignored.
 */
export function watchPage(doc: Document, annotator: Annotator, signal: AbortSignal, o: WatchOptions = {}): void {
  const dirty = new Set<Element>();
  let lastUrl = doc.location?.href;
  const noStory = () => annotator.scope()?.source === 'none';

  const own = (node: Node) => {
    const el = node instanceof Element ? node : node.parentElement;
    return !!el?.closest('gloss-host, style[data-gloss]');
  };

  // Half the 10 % Gloss may cost a busy page: the time counted here leaves out the browser's own
  // work for Gloss (repainting highlights, passing messages); counting 10 %, a page mutating
  // nonstop kept only 86-87 % of its throughput in the benchmark.
  const share = o.share ?? 0.05;
  const queue = createCoalescer({
    settleMs: o.settleMs ?? 20,
    share,
    burstMs: o.burstMs ?? 100,
    // Looking for a story costs a pass over the page; a page without one is not asked every batch.
    minGapMs: () => (noStory() ? (o.noStoryGapMs ?? 1000) : 0),
    job: () => {
      const elements = [...dirty];
      dirty.clear();
      // A single-page navigation changes the address and then the DOM: the new article
      // starts afresh (afterFull forms, notices) rather than being patched into the old.
      const url = doc.location?.href;
      const job = url !== lastUrl ? annotator.run() : annotator.refresh(elements);
      lastUrl = url;
      return job.then(
        () => annotator.cost(),
        // Aborted (the script was invalidated) or the background went away: nothing to do.
        () => annotator.cost(),
      );
    },
  });

  const observer = new MutationObserver((records) => {
    let pending = false;
    const mark = (el: Element | null) => {
      if (el) dirty.add(el);
      pending = true;
    };
    if (noStory()) {
      // Only new nodes can bring a story; which ones does not matter.
      if (records.some((r) => r.addedNodes.length > 0 && !own(r.target))) queue.request();
      return;
    }
    for (const r of records) {
      if (own(r.target)) continue;
      if (r.type === 'attributes') {
        // Shown or hidden by a class, a style or an attribute: read again only what changed side.
        const el = r.target as Element;
        if (annotator.scope()?.recheck(el)) mark(el);
        continue;
      }
      if (r.type === 'characterData') {
        mark(blockToRefresh(r.target));
        continue;
      }
      for (const node of r.addedNodes) {
        if (own(node)) continue;
        mark(node instanceof Element && BLOCK_TAGS.has(node.tagName) ? node : blockToRefresh(node.parentNode ?? r.target));
      }
      for (const node of r.removedNodes) {
        // Text gone from inside a block changes that block; a whole block gone only prunes.
        if (!(node instanceof Element && BLOCK_TAGS.has(node.tagName))) mark(blockToRefresh(r.target));
        else pending = true;
      }
    }
    if (!pending) return;
    // This callback runs before the page paints: text read before gets its highlights back now,
    // on the same budget as the reads, so a page re-rendering nonstop still keeps its share.
    if (queue.canSpend() && doc.location?.href === lastUrl) {
      const t0 = performance.now();
      const done = annotator.refreshFromMemo([...dirty]);
      queue.charge(performance.now() - t0);
      if (done) {
        dirty.clear();
        return;
      }
    }
    queue.request();
  });
  observer.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class', 'style', 'hidden', 'aria-hidden'],
  });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    queue.cancel();
  });
}
