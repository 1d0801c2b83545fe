import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { CardLayerHandle } from '@/lib/hover/page-cards';
import { CardLayer } from './CardLayer';
import { primeCard } from './prime';
import { CARD_CSS } from './styles';

/**
 * Gloss's page interface: one closed shadow root on a `gloss-host` element appended to
 * the root element, outside the article, so the page can neither style nor read into it
 * and the annotator never reads it. Removed when the content script is invalidated.
 */
export async function mountCardLayer(ctx: ContentScriptContext, locale: string): Promise<CardLayerHandle> {
  const ui = await createShadowRootUi(ctx, {
    name: 'gloss-host',
    mode: 'closed',
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    css: CARD_CSS,
    // Keys typed in the card stay in it: the page's own shortcuts must not fire.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount: (container) => container,
    onRemove: (container) => container && render(null, container),
  });
  ui.mount();
  const container = ui.uiContainer;
  requestIdleCallback(() => primeCard(container, locale), { timeout: 2000 });
  return {
    host: ui.shadowHost,
    shadow: ui.shadow,
    draw: (state, actions) => render(<CardLayer state={state} locale={locale} actions={actions} />, container),
  };
}
