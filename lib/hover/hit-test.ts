import type { Mention } from '../annotate/annotator';
import type { MentionIndex } from './mention-index';

interface HighlightHit {
  highlight: Highlight;
  ranges: AbstractRange[];
}
type WithHitTest = HighlightRegistry & { highlightsFromPoint?(x: number, y: number): HighlightHit[] };
type WithCaret = Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };

/** Half a pixel of slack for rounding between layout and pointer coordinates. */
const SLACK = 0.5;

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - SLACK && x <= r.right + SLACK && y >= r.top - SLACK && y <= r.bottom + SLACK) return true;
  }
  return false;
}

/**
 * The mention under a point of the viewport, or null. The browser's own highlight hit
 * test is used where it exists, and trusted only when the mention's boxes contain the
 * point: Chromium 156 scales its coordinates by the device pixel ratio when that ratio is
 * emulated (a phone's 2 or 3), and then misses. Otherwise (or on a miss) the caret
 * position under the point is looked up, and the mention's boxes must contain the point:
 * past the end of a line the caret snaps to the last character, which must not count.
 */
export function mentionAt(doc: Document, index: MentionIndex, x: number, y: number): Mention | null {
  const registry = (doc.defaultView?.CSS ?? CSS).highlights as WithHitTest;
  if (typeof registry.highlightsFromPoint === 'function') {
    for (const hit of registry.highlightsFromPoint(x, y)) {
      for (const range of hit.ranges) {
        const m = index.byRange(range);
        if (m && rectsContain(m.range, x, y)) return m;
      }
    }
  }
  const caret = (doc as WithCaret).caretPositionFromPoint?.(x, y);
  if (!caret) return null;
  return index.at(caret.offsetNode, caret.offset).find((m) => rectsContain(m.range, x, y)) ?? null;
}
