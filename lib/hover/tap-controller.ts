import type { Mention } from '../annotate/annotator';
import type { LinkOut } from './card-state';

export interface TapControllerOptions {
  doc: Document;
  /** Whether an event's target is Gloss's own interface (the card's host). */
  isOwn(target: EventTarget | null): boolean;
  hitTest(x: number, y: number): Mention | null;
  /** The mention whose card is open, if a card is open. */
  current(): Mention | null;
  /** A tap on a name: open its card. `link` is the page's link around the name, held back. */
  open(m: Mention, link: HTMLAnchorElement | null, at: number, point: { x: number; y: number }): void;
  /** A tap on the page outside any name and outside Gloss's interface. */
  close(): void;
  /** A finger came down on a name: a tap may follow, so its card can be fetched now. */
  pressed?(m: Mention): void;
  signal: AbortSignal;
}

/** A finger covers more than a pixel: points this far around a tap also count as on a name. */
export const TAP_SLOP = 6;
/** How long after a touch's pointerdown its click may come (a slow tap, a busy page). */
const TAP_WINDOW_MS = 1500;
/** How far a touch's click may land from where the finger went down. */
const TAP_DISTANCE = 24;

/** The page's link a mention sits in, if any. */
export function linkOf(m: Mention): HTMLAnchorElement | null {
  const start = m.range.startContainer;
  return ((start instanceof Element ? start : start.parentElement)?.closest('a[href]') as HTMLAnchorElement | null) ?? null;
}

/** What the card's "Open link" does: `before` (the card closes), then the page's own link, as a tap on it would (its target, its handlers, its navigation). */
export function linkOut(link: HTMLAnchorElement, before: () => void): LinkOut {
  return {
    href: link.href,
    follow() {
      before();
      link.click();
    },
  };
}

/** The same name on the page: mentions are found again (new objects) when the page changes. */
function sameMention(a: Mention | null, b: Mention): boolean {
  if (!a) return false;
  if (a === b) return true;
  return (
    a.key === b.key &&
    a.range.compareBoundaryPoints(Range.START_TO_START, b.range) === 0 &&
    a.range.compareBoundaryPoints(Range.END_TO_END, b.range) === 0
  );
}

/**
 * Cards for fingers. A tap on a highlighted name opens its card; a tap anywhere else on
 * the page closes it (and goes on to do what it does there). A name inside a link never
 * swallows the link: the first tap opens the card (whose header offers "Open link") and
 * is held back from the page; a second tap on the same name, or the card's button,
 * follows the link. Mouse and pen are left to hover (lib/hover/pointer-watch.ts).
 *
 * The tap is read from the click the browser makes of it, in the capture phase: that is
 * the one event both engines send for a tap (not for a pan or a long press) and the
 * only one whose default (following the link) can still be held back.
 */
export function watchTaps(opts: TapControllerOptions): void {
  const { doc, signal } = opts;
  let down: { touch: boolean; x: number; y: number; at: number } | null = null;

  const mentionNear = (x: number, y: number): Mention | null => {
    for (const [dx, dy] of [[0, 0], [0, -TAP_SLOP], [0, TAP_SLOP], [-TAP_SLOP, 0], [TAP_SLOP, 0]] as const) {
      const m = opts.hitTest(x + dx, y + dy);
      if (m) return m;
    }
    return null;
  };

  doc.addEventListener(
    'pointerdown',
    (e) => {
      if (!e.isTrusted || !e.isPrimary) return;
      down = { touch: e.pointerType === 'touch', x: e.clientX, y: e.clientY, at: e.timeStamp };
      if (!down.touch || !opts.pressed || opts.isOwn(e.target)) return;
      const m = mentionNear(e.clientX, e.clientY);
      if (m) opts.pressed(m);
    },
    { capture: true, passive: true, signal },
  );

  /** Whether a click came from a finger: clicks are PointerEvents in both engines, with the finger's pointerType; older engines only had the pointerdown to go by. */
  const fromTouch = (e: MouseEvent): boolean => {
    const type = (e as Partial<PointerEvent>).pointerType;
    if (type) return type === 'touch';
    return !!down?.touch && e.timeStamp - down.at < TAP_WINDOW_MS && Math.hypot(e.clientX - down.x, e.clientY - down.y) < TAP_DISTANCE;
  };

  doc.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || e.button !== 0 || !fromTouch(e) || opts.isOwn(e.target)) return;
      const m = mentionNear(e.clientX, e.clientY);
      if (!m) {
        if (opts.current()) opts.close();
        return;
      }
      const link = linkOf(m);
      // The second tap on a name whose card is open: a link is followed, plain text keeps its card.
      if (sameMention(opts.current(), m)) return;
      if (link) {
        e.preventDefault();
        e.stopPropagation();
      }
      opts.open(m, link, e.timeStamp, { x: e.clientX, y: e.clientY });
    },
    { capture: true, signal },
  );
}
