import { ENTITY_KINDS, type EntityKind } from '../pack/types';

export type HighlightStyle = 'underline' | 'background';

export interface HighlightLook {
  style: HighlightStyle;
  /** Kinds the reader turned off. */
  hidden: EntityKind[];
}

export const highlightName = (kind: string) => `gloss-${kind}`;

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
    .map((kind) => {
      const rgb = HUES[kind];
      const rule =
        look.style === 'background'
          ? `background-color: rgba(${rgb}, 0.22); text-decoration: underline 1px rgba(${rgb}, 0.9);`
          : `text-decoration: underline dotted 2px rgba(${rgb}, 0.95); text-underline-offset: 3px; background-color: rgba(${rgb}, 0.07);`;
      return `::highlight(${highlightName(kind)}) { ${rule} }`;
    })
    .concat(`::highlight(gloss-focus) { background-color: rgba(255, 196, 0, 0.45); }`)
    .join('\n');
}

/**
 * The page's highlight registry, one Highlight per kind. The registry belongs to the
 * document, so ranges registered here show on the page without touching its DOM;
 * the only node Gloss adds is one style element in the head.
 */
export class PageHighlights {
  readonly byKind = new Map<string, Highlight>();
  private readonly style: HTMLStyleElement;

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
    this.highlightFor(kind).add(range);
  }

  delete(kind: string, range: Range): void {
    this.byKind.get(kind)?.delete(range);
  }

  clear(): void {
    for (const h of this.byKind.values()) h.clear();
  }

  dispose(): void {
    for (const kind of this.byKind.keys()) CSS.highlights.delete(highlightName(kind));
    this.byKind.clear();
    this.style.remove();
  }
}
