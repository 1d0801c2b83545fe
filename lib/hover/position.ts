import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

/** The largest a card grows before its content scrolls inside it. */
export const CARD_MAX_HEIGHT = 480;
const GAP = 6;
const EDGE = 8;

/**
 * Keeps a card beside its mention: below it when there is room, above otherwise, shifted
 * to stay in the viewport and shortened (its body scrolls) when neither side has room
 * for all of it. Follows scrolling and resizing until the returned function is called.
 * `onPlaced` runs after each placement; the first makes the card visible.
 */
export function placeNear(
  anchor: Range,
  card: HTMLElement,
  pointer: { x: number; y: number } | null,
  onPlaced: () => void,
): () => void {
  const reference: VirtualElement = {
    getBoundingClientRect: () => anchor.getBoundingClientRect(),
    getClientRects: () => anchor.getClientRects(),
    contextElement: anchor.startContainer.parentElement ?? undefined,
  };
  let stopped = false;
  const update = () => {
    void computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        // A name broken over two lines: stay by the line the pointer is on.
        inline(pointer ?? undefined),
        offset(GAP),
        flip({ padding: EDGE }),
        shift({ padding: EDGE }),
        size({
          padding: EDGE,
          apply({ availableWidth, availableHeight, elements }) {
            elements.floating.style.maxWidth = `${Math.max(200, availableWidth)}px`;
            elements.floating.style.maxHeight = `${Math.max(120, Math.min(CARD_MAX_HEIGHT, availableHeight))}px`;
          },
        }),
      ],
    }).then(({ x, y, placement }) => {
      if (stopped) return;
      card.style.left = `${x}px`;
      card.style.top = `${y}px`;
      card.dataset.placement = placement;
      onPlaced();
    });
  };
  const cleanup = autoUpdate(reference, card, update);
  return () => {
    stopped = true;
    cleanup();
  };
}
