import type { Mention } from '../annotate/annotator';
import type { PointerTarget } from './hover-intent';

export interface PointerWatchOptions {
  doc: Document;
  /** Whether an event's target is Gloss's own interface (the card's host). */
  isOwn(target: EventTarget | null): boolean;
  hitTest(x: number, y: number): Mention | null;
  onTarget(target: PointerTarget, x: number, y: number): void;
  signal: AbortSignal;
}

/**
 * Follows the pointer over the page and says what it is on, at most once a frame:
 * pointer events come far more often than frames, and a hit test per event would be
 * wasted work on a slow laptop. Scrolling moves text under a resting pointer, so it
 * asks again too. Only the reader's own input counts, never events a page script made.
 */
export function watchPointer(opts: PointerWatchOptions): void {
  const { doc, signal } = opts;
  const win = doc.defaultView!;
  let x = -1;
  let y = -1;
  let own = false;
  let frame = 0;

  const check = () => {
    frame = 0;
    if (x < 0) return;
    opts.onTarget(own ? 'card' : opts.hitTest(x, y), x, y);
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(check);
  };
  const leave = () => {
    x = y = -1;
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    opts.onTarget(null, -1, -1);
  };

  const listen = { capture: true, passive: true, signal };
  doc.addEventListener(
    'pointermove',
    (e) => {
      if (!e.isTrusted || e.pointerType === 'touch') return;
      x = e.clientX;
      y = e.clientY;
      own = opts.isOwn(e.target);
      schedule();
    },
    listen,
  );
  doc.addEventListener(
    'scroll',
    (e) => {
      if (e.isTrusted && !own) schedule();
    },
    listen,
  );
  // The pointer left the window.
  doc.addEventListener(
    'mouseout',
    (e) => {
      if (e.isTrusted && !e.relatedTarget) leave();
    },
    listen,
  );
  win.addEventListener('blur', leave, { signal });
  signal.addEventListener('abort', () => frame && win.cancelAnimationFrame(frame));
}
