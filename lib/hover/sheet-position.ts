/** Below this width a card opened by a tap or a key is a bottom sheet (a hover card stays a popover). */
export const SHEET_QUERY = '(max-width: 599.98px)';
/** The sheet's share of the viewport's height at most; the name stays in sight above it. */
export const SHEET_MAX_SHARE = 0.6;
/** The least a sheet is shortened to, when the page cannot scroll the name above it. */
export const SHEET_MIN_HEIGHT = 160;
const GAP = 12;

/** Inline styles that place a sheet over a pinch-zoomed page; cleared when the zoom is gone. */
const ZOOMED = ['left', 'right', 'top', 'bottom', 'width', 'scale', 'transformOrigin'] as const;

/**
 * Shows a card as a bottom sheet and keeps the name that opened it in sight: when the
 * sheet would cover the name, the page scrolls it into the free space above the sheet.
 * Where the page cannot scroll that far (a name at the end of a short page), the sheet
 * is shortened to the room below the name, or, with too little room there, docks at the
 * top of the screen above the name (`data-dock="top"`). On a pinch-zoomed page the sheet
 * is drawn at its usual size over the part of the page on screen (the visual viewport),
 * where a fixed element would otherwise be magnified and cut off. Fitted again as the
 * content arrives, the window changes size and the zoom or its view moves, until the
 * returned function is called. `onPlaced` runs after each fit.
 */
export function placeAsSheet(anchor: Range, sheet: HTMLElement, onPlaced: () => void): () => void {
  const win = sheet.ownerDocument.defaultView!;
  const view = win.visualViewport;

  /**
   * When the sheet (from `top` to the view's `bottom`) would cover the name, shortens it to
   * the room below the name or docks it at the view's top above the name; true when docked.
   */
  const clearName = (top: number, bottom: number, viewTop: number, cap: number, zoom: number) => {
    const name = anchor.getBoundingClientRect();
    const gap = GAP / zoom;
    if (name.bottom <= top - gap || name.top >= bottom) return false;
    const below = Math.floor((bottom - name.bottom - gap) * zoom);
    if (below >= SHEET_MIN_HEIGHT) {
      sheet.style.maxHeight = `${below}px`;
      return false;
    }
    sheet.dataset.dock = 'top';
    sheet.style.maxHeight = `${Math.min(cap, Math.max(SHEET_MIN_HEIGHT, Math.floor((name.top - viewTop - gap) * zoom)))}px`;
    return true;
  };

  const fitZoomed = (v: VisualViewport) => {
    const zoom = v.scale;
    const cap = Math.round(v.height * zoom * SHEET_MAX_SHARE);
    sheet.style.maxHeight = `${cap}px`;
    delete sheet.dataset.dock;
    Object.assign(sheet.style, { left: `${v.offsetLeft}px`, right: 'auto', bottom: 'auto', width: `${v.width * zoom}px`, scale: String(1 / zoom), transformOrigin: '0 0' });
    const bottom = v.offsetTop + v.height;
    const top = () => bottom - sheet.offsetHeight / zoom;
    sheet.style.top = `${top()}px`;
    // The reader chose this view: the sheet moves out of the name's way, the page stays.
    const docked = clearName(top(), bottom, v.offsetTop, cap, zoom);
    sheet.style.top = `${docked ? v.offsetTop : top()}px`;
  };

  const fit = () => {
    if (view && view.scale > 1.01) fitZoomed(view);
    else {
      for (const p of ZOOMED) sheet.style[p] = '';
      const height = win.innerHeight;
      const cap = Math.round(height * SHEET_MAX_SHARE);
      sheet.style.maxHeight = `${cap}px`;
      delete sheet.dataset.dock;
      const top = height - sheet.getBoundingClientRect().height;
      const name = anchor.getBoundingClientRect();
      if (name.bottom > top - GAP || name.top < 0) {
        // A third of the way down the free space: the line before the name stays in sight too.
        const wanted = Math.max(GAP, (top - name.height) / 3);
        win.scrollBy({ top: name.top - wanted, behavior: 'instant' });
        clearName(top, height, 0, cap, 1);
      }
    }
    onPlaced();
  };
  let frame = 0;
  const refit = () => {
    if (!frame) frame = win.requestAnimationFrame(() => ((frame = 0), fit()));
  };
  // Fitted at once (the card shows in the next frame), then again when its data makes it
  // grow; the reader's own scrolling afterwards is left alone.
  fit();
  let first = true;
  const sizes = new ResizeObserver(() => (first ? (first = false) : refit()));
  sizes.observe(sheet);
  win.addEventListener('resize', refit);
  view?.addEventListener('resize', refit);
  view?.addEventListener('scroll', refit);
  return () => {
    sizes.disconnect();
    win.removeEventListener('resize', refit);
    view?.removeEventListener('resize', refit);
    view?.removeEventListener('scroll', refit);
    if (frame) win.cancelAnimationFrame(frame);
    for (const p of ZOOMED) sheet.style[p] = '';
  };
}
