import type { MatchFn, Mention } from '../annotate/annotator';
import type { HighlightLook } from '../annotate/highlights';
import { startAnnotating, type AnnotationSession } from '../annotate/start';
import { FocusMark } from '../hover/focus-mark';
import type { TabCalls } from '../messaging/reader-calls';
import type { Handlers } from '../messaging/server';
import type { Settings } from '../settings';
import { hostOf } from '../sites/hosts';
import { siteState } from '../sites/site-state';
import { countMentions, pageUrls } from './page-summary';

export interface PageControlOptions {
  doc: Document;
  /** The content script's life: when it aborts, everything Gloss added goes. */
  signal: AbortSignal;
  match: MatchFn;
  /** Injected once at the reader's request (see HelloAnswer.oneOff). */
  oneOff: boolean;
  /** Each time annotation starts; `signal` aborts when it stops (turned off, paused). */
  onSession?: (session: AnnotationSession, signal: AbortSignal) => void;
  /** After each change of the highlighted mentions. */
  onMentions?: (mentions: Mention[]) => void;
  /** Opens the card of an entity's first mention, when a card is there to open; see focusMention. */
  showEntity?: (key: string) => boolean;
}

export interface PageControl {
  /** The reader's settings, first read or changed: starts, stops or restyles annotation. */
  apply(settings: Settings): void;
  /** The knowledge base changed: read the page again. */
  refresh(): void;
  /** The calls the popup makes to this tab. */
  tabCalls: Pick<Handlers<'tab'>, keyof TabCalls>;
}

export const lookOf = (s: Settings): HighlightLook => ({ style: s.highlightStyle, hidden: s.hiddenKinds });

/**
 * Annotation on one page, following the reader's settings without a reload: turned off
 * here or paused, the highlights go; turned on again, the page is read again; a new
 * style or mention mode applies to the highlights in place.
 */
export function createPageControl(opts: PageControlOptions): PageControl {
  const { doc } = opts;
  const host = hostOf(doc.location.href);
  let running: { session: AnnotationSession; stop: AbortController } | null = null;
  const mark = new FocusMark();

  function stop() {
    running?.stop.abort();
    running = null;
    mark.clear();
  }
  opts.signal.addEventListener('abort', stop);

  function start(settings: Settings) {
    const stopper = new AbortController();
    opts.signal.addEventListener('abort', () => stopper.abort(), { signal: stopper.signal });
    const session = startAnnotating({
      doc,
      signal: stopper.signal,
      match: opts.match,
      look: lookOf(settings),
      mentionMode: settings.mentions,
      onChange: (mentions) => opts.onMentions?.(mentions),
    });
    running = { session, stop: stopper };
    opts.onSession?.(session, stopper.signal);
  }

  /** Without a card to open: bring the mention into view and mark it. */
  function reveal(key: string): boolean {
    const mention = running?.session.annotator.shown().find((m) => m.key === key);
    if (!mention) return false;
    const still = doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches ?? true;
    mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: still ? 'instant' : 'smooth' });
    mark.show(mention.range);
    return true;
  }

  return {
    apply(settings) {
      if (opts.signal.aborted) return;
      const on = siteState(settings, host, opts.oneOff) === 'on';
      if (!on) return stop();
      if (!running) return start(settings);
      running.session.highlights.setLook(lookOf(settings));
      running.session.annotator.setMentionMode(settings.mentions);
    },
    refresh() {
      void running?.session.annotator.reread().catch(() => {});
    },
    tabCalls: {
      async pageSummary() {
        const source = running?.session.annotator.scope()?.source;
        const capped = running?.session.annotator.capped();
        return {
          active: running !== null,
          urls: pageUrls(doc),
          entities: countMentions(running?.session.annotator.mentions() ?? []),
          ...(capped ? { capped } : {}),
          ...(source ? { reading: source === 'none' ? 'nothing' : source === 'whole-page' ? 'whole-page' : 'story' } : {}),
        };
      },
      async readWholePage() {
        await running?.session.annotator.readWholePage();
        return null;
      },
      async focusMention({ key }) {
        if (!running || typeof key !== 'string') return false;
        // Without a card to open (none yet on a page that has not been shown), the mention is still marked.
        return opts.showEntity?.(key) || reveal(key);
      },
    },
  };
}
