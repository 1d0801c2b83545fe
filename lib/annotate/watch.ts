import { blockToRefresh, type Annotator } from './annotator';
import { BLOCK_TAGS } from './scope';

/**
 * Keeps the highlights in step with the page: text the page adds or re-renders is read
 * again, block by block, in one batch after the page settles; text that is gone loses
 * its highlights. Gloss's own nodes are ignored.
 */
export function watchPage(doc: Document, annotator: Annotator, signal: AbortSignal, delayMs = 150): void {
  const dirty = new Set<Element>();
  let pending = false;
  let lastUrl = doc.location?.href;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const own = (node: Node) => {
    const el = node instanceof Element ? node : node.parentElement;
    return !!el?.closest('gloss-host, style[data-gloss]');
  };

  const flush = () => {
    timer = undefined;
    const elements = [...dirty];
    dirty.clear();
    pending = false;
    // A single-page navigation changes the address and then the DOM: the new article
    // starts afresh (afterFull forms, notices) rather than being patched into the old.
    const url = doc.location?.href;
    const job = url !== lastUrl ? annotator.run() : annotator.refresh(elements);
    lastUrl = url;
    void job.catch(() => {
      // Aborted (the script was invalidated) or the background went away: nothing to do.
    });
  };

  const mark = (el: Element | null) => {
    if (el) dirty.add(el);
    pending = true;
  };

  const observer = new MutationObserver((records) => {
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
    if (pending && timer === undefined) timer = setTimeout(flush, delayMs);
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
    if (timer !== undefined) clearTimeout(timer);
  });
}
