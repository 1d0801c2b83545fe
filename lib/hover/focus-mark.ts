/** The highlight that marks the mention reached by keyboard; its style is in lib/annotate/highlights.ts. */
export const FOCUS_HIGHLIGHT = 'gloss-focus';

/**
 * The visible focus mark: a highlight of its own, painted above the kind highlights,
 * so the page's DOM and focus are left as they are.
 */
export class FocusMark {
  private readonly highlight = new Highlight();

  constructor() {
    this.highlight.priority = 1;
  }

  show(range: Range): void {
    this.highlight.clear();
    this.highlight.add(range);
    CSS.highlights.set(FOCUS_HIGHLIGHT, this.highlight);
  }

  clear(): void {
    this.highlight.clear();
    // Another mark may have taken the name since: leave that one alone.
    if (CSS.highlights.get(FOCUS_HIGHLIGHT) === this.highlight) CSS.highlights.delete(FOCUS_HIGHLIGHT);
  }
}
