import type { Mention } from '../annotate/annotator';
import { createCardCache } from '../card/card-cache';
import { dismissNotice, isNoticeDismissed } from '../card/dismissed-notices';
import { watchKbRevision } from '../kb/revision-signal';
import type { Client } from '../messaging/client';
import type { Handlers } from '../messaging/server';
import { pageUrls } from '../page/page-summary';
import { readSettings, watchSettings, type Settings } from '../settings';
import { createCardController, type CardController } from './card-controller';
import type { PageCardsActions, PageCardsState } from './card-state';
import { createLazyLayer, type CardLayerHandle } from './lazy-layer';

export type { CardLayerHandle } from './lazy-layer';

export interface PageCards {
  /** Annotation started; it stops when `signal` aborts, and the cards, notice and badge go with it. */
  session(signal: AbortSignal): void;
  /** The page's highlighted mentions changed. */
  onMentions(mentions: Mention[]): void;
  /** Opens the card of an entity's first mention (the popup's list); false when there is none. */
  showEntity(key: string): boolean;
  /** The keyboard command, relayed by the background. */
  tabCalls: Pick<Handlers<'tab'>, 'step'>;
}

/**
 * Hover cards, keyboard stepping, the cited-page notice and the toolbar badge for one
 * page. Gloss's host element is added only while there is something to show (names on
 * the page, a card, the notice) and removed when there is none. Card data comes from
 * the background, one message per card, kept for the page.
 */
export function createPageCards(opts: {
  doc: Document;
  signal: AbortSignal;
  client: Client<'content'>;
  /** Adds the host; its warm-up starts with it. */
  mount: () => CardLayerHandle;
  /** How long the host stays once nothing needs it. */
  removeAfterMs?: number;
}): PageCards {
  const { doc, signal, client } = opts;
  let settings: Settings | null = null;
  let controller: CardController | null = null;
  let setup: Promise<void> | null = null;
  let active = false;
  let mentions: Mention[] = [];
  let badge = -1;
  let noticeFor: string | null = null;
  /** Names the reader can hover or step to. */
  let shownCount = 0;
  /** A step found no names: the layer stays to say so until the names change. */
  let sayingNone = false;
  let state: PageCardsState = { card: null, notice: null, announcement: null, announceId: 0 };
  let actions: PageCardsActions | null = null;
  const win = doc.defaultView!;
  const layer = createLazyLayer({
    mount: opts.mount,
    timers: { set: (fn, ms) => win.setTimeout(fn, ms), clear: (id) => win.clearTimeout(id) },
    removeAfterMs: opts.removeAfterMs,
  });
  signal.addEventListener('abort', () => layer.dispose());

  function draw() {
    if (!actions) return;
    const needed = shownCount > 0 || state.card !== null || state.notice !== null || sayingNone;
    layer.show(state, actions, needed);
  }

  const languages = () => settings?.languages ?? [];
  const cache = createCardCache(async (key) => {
    const answer = await client.call('card', { key, languages: languages() });
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  });

  async function checkNotice() {
    const c = controller;
    if (!c) return;
    const href = (noticeFor = doc.location.href);
    const answer = await client.call('citing', { urls: pageUrls(doc), languages: languages() });
    if (!active || noticeFor !== href) return;
    const notice = answer.ok ? answer.value : null;
    c.setNotice(notice && !(await isNoticeDismissed(notice.page)) ? notice : null);
  }

  function publish() {
    if (!controller) return;
    // A kind the reader turned off is not drawn, so it has no card and no count either.
    const hidden = new Set<string>(settings?.hiddenKinds ?? []);
    const shown = active ? mentions.filter((m) => !hidden.has(m.kind)) : [];
    shownCount = shown.length;
    sayingNone = false;
    controller.setMentions(shown);
    draw();
    const count = new Set(shown.map((m) => m.key)).size;
    if (count !== badge) {
      badge = count;
      void client.call('pageEntities', { count });
    }
  }

  async function build() {
    settings = await readSettings();
    const c = createCardController({
      doc,
      cache,
      signal,
      dwellMs: () => settings?.hoverDelay ?? 350,
      isOwn: (target) => target !== null && target === layer.current()?.host,
      cardElement: () => layer.current()?.shadow.querySelector<HTMLElement>('.card:not(.prepared)') ?? null,
      focusInside: () => (layer.current()?.shadow.activeElement ?? null) !== null,
      editingInside: () => ['textarea', 'input'].includes(layer.current()?.shadow.activeElement?.localName ?? ''),
      render(next) {
        if (next.announceId !== state.announceId && next.announcement?.kind === 'none') sayingNone = true;
        state = next;
        draw();
      },
      onDismissNotice: (page) => void dismissNotice(page),
    });
    actions = {
      turnTo: c.turnTo,
      back: c.back,
      close: c.close,
      dismissNotice: c.dismissNotice,
      say: c.say,
      // Read by the benchmark; nothing the page could not time for itself.
      painted: (ms) => layer.current()?.host.setAttribute('data-paint-ms', ms.toFixed(1)),
    };
    controller = c;
    /** Cards and the notice were read in other languages, or from other knowledge. */
    const reread = () => {
      c.refresh();
      if (active) void checkNotice();
    };
    const unwatchSettings = watchSettings((next) => {
      const changed = next.languages.join() !== languages().join();
      const kinds = next.hiddenKinds.join() !== settings?.hiddenKinds.join();
      settings = next;
      if (kinds) publish();
      if (changed) reread();
    });
    // A pack added, updated or removed: what the cards say may have changed.
    const unwatchKb = watchKbRevision(reread);
    signal.addEventListener('abort', () => {
      unwatchSettings();
      unwatchKb();
    });
  }

  return {
    session(sessionSignal) {
      active = true;
      setup ??= build();
      setup.then(
        () => {
          if (!active) return;
          publish();
          void checkNotice();
        },
        (err: unknown) => console.error('Gloss could not show its cards on this page:', err),
      );
      sessionSignal.addEventListener('abort', () => {
        active = false;
        noticeFor = null;
        controller?.close();
        controller?.setNotice(null);
        publish();
      });
    },
    onMentions(next) {
      mentions = next;
      if (!active || !controller) return;
      publish();
      // A single-page navigation: the new story may be cited, or not.
      if (noticeFor !== doc.location.href) {
        controller.setNotice(null);
        void checkNotice();
      }
    },
    showEntity: (key) => controller?.showEntity(key) ?? false,
    tabCalls: {
      async step({ direction }) {
        controller?.step(direction === -1 ? -1 : 1, true);
        return null;
      },
    },
  };
}
