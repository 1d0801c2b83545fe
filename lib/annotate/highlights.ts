import { ENTITY_KINDS, type EntityKind } from '../pack/types';

export type HighlightStyle = 'underline' | 'background';

export interface HighlightLook {
  style: HighlightStyle;
  /** Kinds the reader turned off. */
  hidden: EntityKind[];
}

export const highlightName = (kind: string) => `gloss-${kind}`;
/**
 * Names inside links get a highlight of their own: the link's underline lies where Gloss's
 * dotted one does and hides it, so there the tint must carry the mark alone.
 */
export const LINKED = '-link';

// One hue per kind, mid-tone so the same colour reads on white and on near-black pages.
const HUES: Record<EntityKind, string> = {
  person: '46, 125, 230',
  state: '20, 160, 110',
  organization: '150, 90, 220',
  group: '210, 90, 60',
  place: '30, 150, 170',
  event: '225, 140, 0',
  agreement: '190, 120, 40',
  topic: '120, 120, 140',
};

/** The `::highlight()` rules; the page's own text colour is kept, so contrast stays the page's. */
export function highlightCss(look: HighlightLook): string {
  return ENTITY_KINDS.filter((k) => !look.hidden.includes(k))
    .flatMap((kind) => {
      const rgb = HUES[kind];
      const rule = (tint: number) =>
        look.style === 'background'
          ? `background-color: rgba(${rgb}, ${tint}); text-decoration: underline max(1px, 0.06em) rgba(${rgb}, 0.9);`
          : `text-decoration: underline dotted max(2px, 0.12em) rgba(${rgb}, 0.95); text-underline-offset: max(3px, 0.18em); background-color: rgba(${rgb}, ${tint});`;
      const [plain, linked] = look.style === 'background' ? [0.22, 0.3] : [0.07, 0.2];
      return [`::highlight(${highlightName(kind)}) { ${rule(plain)} }`, `::highlight(${highlightName(kind + LINKED)}) { ${rule(linked)} }`];
    })
    .concat(`::highlight(gloss-focus) { background-color: rgba(255, 196, 0, 0.45); }`)
    .join('\n');
}

/**
 * The page's highlight registry, one Highlight per kind. The registry belongs to the
 * document, so ranges registered here show on the page without touching its DOM.
 * The `::highlight()` rules need one style element in the head: it is there only while
 * some range is registered (Gloss's other node is the card layer's host, lib/hover/lazy-layer.ts).
 */
export class PageHighlights {
  readonly byKind = new Map<string, Highlight>();
  // Which highlight each range went into, so it leaves the same one.
  private readonly placed = new WeakMap<AbstractRange, string>();
  private readonly style: HTMLStyleElement;
  private detachQueued = false;

  constructor(private readonly doc: Document, look: HighlightLook) {
    this.style = doc.createElement('style');
    this.style.setAttribute('data-gloss', '');
    this.setLook(look);
  }

  /**
   * The style goes in with the first highlight, not before: adding a stylesheet restyles
   * the whole page, and doing it together with the highlights costs one repaint, not two.
   */
  private attachStyle(): void {
    if (!this.style.isConnected) (this.doc.head ?? this.doc.documentElement).append(this.style);
  }

  setLook(look: HighlightLook): void {
    this.style.textContent = highlightCss(look);
  }

  private highlightFor(kind: string): Highlight {
    let h = this.byKind.get(kind);
    if (!h) {
      h = new Highlight();
      this.byKind.set(kind, h);
      CSS.highlights.set(highlightName(kind), h);
    }
    return h;
  }

  add(kind: string, range: Range): void {
    this.attachStyle();
    const start = range.startContainer;
    const linked = (start instanceof Element ? start : start.parentElement)?.closest('a[href]');
    const name = linked ? kind + LINKED : kind;
    this.placed.set(range, name);
    this.highlightFor(name).add(range);
  }

  delete(kind: string, range: Range): void {
    this.byKind.get(this.placed.get(range) ?? kind)?.delete(range);
    this.detachWhenEmpty();
  }

  clear(): void {
    for (const h of this.byKind.values()) h.clear();
    this.detachWhenEmpty();
  }

  /**
   * No range left: the style goes too. Checked at the end of the task, so ranges replaced
   * within one task (a block read again) keep the style in place and cost no restyle.
   */
  private detachWhenEmpty(): void {
    if (this.detachQueued || !this.style.isConnected) return;
    this.detachQueued = true;
    queueMicrotask(() => {
      this.detachQueued = false;
      for (const h of this.byKind.values()) if (h.size) return;
      this.style.remove();
    });
  }

  dispose(): void {
    for (const kind of this.byKind.keys()) CSS.highlights.delete(highlightName(kind));
    this.byKind.clear();
    this.style.remove();
  }
}
