import { render } from 'preact';
import type { CardLayerHandle } from '@/lib/hover/lazy-layer';
import { warmUpInSlices } from '@/lib/card/warm-up';
import { CardLayer } from './CardLayer';
import { primeSteps } from './prime';
import { SHEET_CSS } from './sheet-styles';
import { CARD_CSS } from './styles';

/** The page's inherited styles stop at the host; `!important` in the shadow tree wins over the page's. */
const HOST_RESET = ':host { all: initial !important; }';

const idle = (fn: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 16);

/**
 * Gloss's page interface: one closed shadow root on a `gloss-host` element appended to
 * the root element, outside the article, so the page can neither style nor read into it
 * and the annotator never reads it. Mounted only when there is something to show
 * (lib/hover/lazy-layer.ts); the card's warm-up starts then, in slices.
 * (Written out rather than WXT's createShadowRootUi, whose positioning and auto-mount
 * code the content script would carry unused: about 9 KB.)
 */
export function mountCardLayer(locale: string): CardLayerHandle {
  const host = document.createElement('gloss-host');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `${HOST_RESET}\n${CARD_CSS}\n${SHEET_CSS}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Keys typed in the card stay in it: the page's own shortcuts must not fire.
  for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (e) => e.stopPropagation());
  document.documentElement.append(host);
  const warming = new AbortController();
  void warmUpInSlices(primeSteps(container, locale), {
    idle,
    signal: warming.signal,
    // User timing, so a profile of the page (and Gloss's benchmark) can tell each step's share.
    onStep: (name, start, end) => performance.measure(`gloss:warm-up ${name}`, { start, end }),
  });
  return {
    host,
    shadow,
    draw: (state, actions) => render(<CardLayer state={state} locale={locale} actions={actions} />, container),
    remove() {
      warming.abort();
      render(null, container);
      host.remove();
    },
  };
}
