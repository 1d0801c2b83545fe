import { BLOCK_TAGS, isSkipped } from './scope';

/** The text of one block with a map back to its text nodes. */
export interface Block {
  /** The nearest block-level ancestor; a block element may hold several blocks. */
  element: Element;
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  starts: number[];
  text: string;
}

export interface ExtractOptions {
  /** Elements to leave out with their subtrees: the story's furniture (see lib/article). */
  skip?: (el: Element) => boolean;
}

function blockElementOf(node: Node, root: Element): Element {
  let el = node.parentElement;
  while (el && el !== root && !BLOCK_TAGS.has(el.tagName)) el = el.parentElement;
  return el ?? root;
}

/**
 * Yields the blocks under `root` in document order, skipping what is never matched.
 * A generator, so the caller can stop after any block and go on in a later task.
 */
export function* extractBlocks(root: Element, opts: ExtractOptions = {}): Generator<Block> {
  const doc = root.ownerDocument;
  if (doc.designMode === 'on') return;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType !== Node.ELEMENT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      if (isSkipped(el)) return NodeFilter.FILTER_REJECT;
      if (opts.skip?.(el)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  let current: Block | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      // A line break or a nested block ends the running block.
      const tag = (node as Element).tagName;
      if (tag === 'BR' || BLOCK_TAGS.has(tag)) {
        if (current) yield current;
        current = null;
      }
      continue;
    }
    const text = node as Text;
    const data = text.data;
    if (!data) continue;
    const element = blockElementOf(text, root);
    if (current && current.element !== element) {
      yield current;
      current = null;
    }
    if (!current) current = { element, nodes: [], starts: [], text: '' };
    current.starts.push(current.text.length);
    current.nodes.push(text);
    current.text += data;
  }
  if (current) yield current;
}

/** A DOM range for [start, end) of a block's text; null if the nodes changed meanwhile. */
export function rangeOf(block: Block, start: number, end: number): Range | null {
  const a = locate(block, start, false);
  const b = locate(block, end, true);
  if (!a || !b) return null;
  const range = block.element.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

function locate(block: Block, at: number, isEnd: boolean): { node: Text; offset: number } | null {
  const { starts, nodes } = block;
  // Binary search for the last node starting at or before `at` (before it, for an end).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (s < at || (!isEnd && s === at)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  if (!node) return null;
  const offset = at - starts[lo]!;
  if (offset < 0 || offset > node.data.length) return null;
  return { node, offset };
}
