/** How far down a swipe must travel to close the sheet (or less, if quick: see FLICK). */
export const SWIPE_CLOSE_PX = 80;
/** Pixels per millisecond: a flick closes the sheet however short it was. */
const FLICK = 0.6;
/** Movement below this is a tap, left to the buttons under the finger. */
const SLOP = 8;

/**
 * Swipe down on `handle` (the sheet's header) to close the sheet: it follows the finger,
 * closes past SWIPE_CLOSE_PX or on a flick, and springs back otherwise. Touch and pen only;
 * the pointer is captured only once the finger has moved, so a tap still reaches the
 * close button under it. Returns a function that stops listening.
 */
export function swipeToClose(handle: HTMLElement, sheet: HTMLElement, onClose: () => void): () => void {
  const stop = new AbortController();
  const on = { signal: stop.signal };
  let start: { id: number; y: number; at: number } | null = null;
  let dragging = false;
  let last = { y: 0, at: 0 };

  const reset = () => {
    start = null;
    dragging = false;
    sheet.style.transition = '';
    sheet.style.transform = '';
  };
  handle.addEventListener(
    'pointerdown',
    (e) => {
      if (e.pointerType === 'mouse' || !e.isPrimary) return;
      start = { id: e.pointerId, y: e.clientY, at: e.timeStamp };
      last = { y: e.clientY, at: e.timeStamp };
    },
    on,
  );
  handle.addEventListener(
    'pointermove',
    (e) => {
      if (!start || e.pointerId !== start.id) return;
      const dy = e.clientY - start.y;
      if (!dragging) {
        if (dy < SLOP) return;
        dragging = true;
        handle.setPointerCapture(e.pointerId);
        sheet.style.transition = 'none';
      }
      sheet.style.transform = `translateY(${Math.max(0, dy)}px)`;
      last = { y: e.clientY, at: e.timeStamp };
    },
    on,
  );
  const end = (e: PointerEvent) => {
    if (!start || e.pointerId !== start.id) return;
    const was = dragging;
    const dy = e.clientY - start.y;
    const speed = (e.clientY - last.y) / Math.max(1, e.timeStamp - last.at);
    const overall = dy / Math.max(1, e.timeStamp - start.at);
    reset();
    if (was && e.type === 'pointerup' && (dy >= SWIPE_CLOSE_PX || (dy > SLOP * 2 && Math.max(speed, overall) >= FLICK))) onClose();
  };
  handle.addEventListener('pointerup', end, on);
  handle.addEventListener('pointercancel', end, on);
  return () => {
    stop.abort();
    reset();
  };
}
