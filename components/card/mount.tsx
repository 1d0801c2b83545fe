import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardLayerHandle } from '@/lib/hover/page-cards';
import { CardLayer } from './CardLayer';
import { primeCard } from './prime';
import { SHEET_CSS } from './sheet-styles';
import { CARD_CSS } from './styles';

/** The page's inherited styles stop at the host; `!important` in the shadow tree wins over the page's. */
const HOST_RESET = ':host { all: initial !important; }';

/**
 * Gloss's page interface: one closed shadow root on a `gloss-host` element appended to
 * the root element, outside the article, so the page can neither style nor read into it
 * and the annotator never reads it. Removed when the content script is invalidated.
 * (Written out rather than WXT's createShadowRootUi, whose positioning and auto-mount
 * code the content script would carry unused: about 9 KB.)
 */
export function mountCardLayer(ctx: ContentScriptContext, locale: string): Promise<CardLayerHandle> {
  const host = document.createElement('gloss-host');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `${HOST_RESET}\n${CARD_CSS}\n${SHEET_CSS}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Keys typed in the card stay in it: the page's own shortcuts must not fire.
  for (const type of ['keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (e) => e.stopPropagation());
  document.documentElement.append(host);
  ctx.onInvalidated(() => {
    render(null, container);
    host.remove();
  });
  requestIdleCallback(() => primeCard(container, locale), { timeout: 2000 });
  return Promise.resolve({
    host,
    shadow,
    draw: (state, actions) => render(<CardLayer state={state} locale={locale} actions={actions} />, container),
  });
}
