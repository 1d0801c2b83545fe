/** Below this width a card opened by a tap or a key is a bottom sheet (a hover card stays a popover). */
export const SHEET_QUERY = '(max-width: 599.98px)';
/** The sheet's share of the viewport's height at most; the name stays in sight above it. */
export const SHEET_MAX_SHARE = 0.6;
/** The least a sheet is shortened to, when the page cannot scroll the name above it. */
export const SHEET_MIN_HEIGHT = 160;
const GAP = 12;

/**
 * Shows a card as a bottom sheet and keeps the name that opened it in sight: when the
 * sheet would cover the name, the page scrolls it into the free space above the sheet.
 * Where the page cannot scroll that far (a name at the end of a short page), the sheet
 * is shortened to the room below the name, or, with too little room there, docks at the
 * top of the screen above the name (`data-dock="top"`). Fitted again as the content
 * arrives and the window changes size, until the returned function is called.
 * `onPlaced` runs after each fit.
 */
export function placeAsSheet(anchor: Range, sheet: HTMLElement, onPlaced: () => void): () => void {
  const win = sheet.ownerDocument.defaultView!;
  const fit = () => {
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
      const after = anchor.getBoundingClientRect();
      if (after.bottom > top - GAP) {
        const below = Math.floor(height - after.bottom - GAP);
        if (below >= SHEET_MIN_HEIGHT) sheet.style.maxHeight = `${below}px`;
        else {
          sheet.dataset.dock = 'top';
          sheet.style.maxHeight = `${Math.min(cap, Math.max(SHEET_MIN_HEIGHT, Math.floor(after.top - GAP)))}px`;
        }
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
  return () => {
    sizes.disconnect();
    win.removeEventListener('resize', refit);
    if (frame) win.cancelAnimationFrame(frame);
  };
}
