/** Where the blocks of a read lie against the window: what the reader sees is read first. */
export interface ViewportSplit<T> {
  /** On screen now, in document order. */
  visible: T[];
  /** Off screen, before the first visible one, in document order. */
  before: T[];
  /** Every other block, in document order. */
  after: T[];
}

/** Splits blocks (in document order) by `onScreen`; with none on screen, all are `before`. */
export function splitByViewport<T>(blocks: readonly T[], onScreen: (block: T) => boolean): ViewportSplit<T> {
  const visible: T[] = [];
  const before: T[] = [];
  const after: T[] = [];
  for (const b of blocks) {
    if (onScreen(b)) visible.push(b);
    else (visible.length ? after : before).push(b);
  }
  return { visible, before, after };
}

/**
 * Whether an element lies (partly) in the window, with a margin of half a screen below, where
 * the reader's next scroll lands. Reads layout, which the page has already done by then.
 */
export function inViewport(doc: Document): (el: Element) => boolean {
  const view = doc.defaultView;
  const height = view?.innerHeight ?? 0;
  return (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.bottom > 0 && r.top < height * 1.5;
  };
}
