import type { Mention } from '../annotate/annotator';

/** The text nodes a range covers (usually one). */
function textNodesOf(range: Range): Node[] {
  if (range.startContainer === range.endContainer) return [range.startContainer];
  const root = range.commonAncestorContainer;
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) out.push(n);
  return out;
}

/**
 * The page's mentions, found by where their text is. Lookups go through text nodes and
 * offsets, not Range identity: a range handed back by the browser (highlightsFromPoint)
 * may be another wrapper of the same range, and a range the page added to Gloss's
 * highlights must not count.
 */
export class MentionIndex {
  private list: Mention[] = [];
  private byNode = new Map<Node, Mention[]>();

  set(mentions: readonly Mention[]): void {
    this.list = [...mentions];
    this.byNode.clear();
    for (const m of this.list) {
      for (const node of textNodesOf(m.range)) {
        const at = this.byNode.get(node);
        if (at) at.push(m);
        else this.byNode.set(node, [m]);
      }
    }
  }

  all(): readonly Mention[] {
    return this.list;
  }

  /** The mention whose range has exactly these boundary points. */
  byRange(r: AbstractRange): Mention | null {
    for (const m of this.byNode.get(r.startContainer) ?? []) {
      const own = m.range;
      if (own.startContainer === r.startContainer && own.startOffset === r.startOffset && own.endContainer === r.endContainer && own.endOffset === r.endOffset) {
        return m;
      }
    }
    return null;
  }

  /** Mentions whose text includes the point (a caret position). */
  at(node: Node, offset: number): Mention[] {
    return (this.byNode.get(node) ?? []).filter((m) => {
      try {
        return m.range.comparePoint(node, offset) === 0;
      } catch {
        return false;
      }
    });
  }

  /** The mention that is the same text as `m` after the page was read again, or null. */
  find(m: Mention): Mention | null {
    return this.list.includes(m) ? m : this.byRange(m.range);
  }
}
