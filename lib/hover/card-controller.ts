import type { Mention } from '../annotate/annotator';
import type { CardCache } from '../card/card-cache';
import type { CitingAnswer } from '../card/types';
import type { CardMode, OpenCard, PageCardsState } from './card-state';
import { FocusMark } from './focus-mark';
import { mentionAt } from './hit-test';
import { createHoverIntent } from './hover-intent';
import { stepOf } from './keys';
import { MentionIndex } from './mention-index';
import { watchPointer } from './pointer-watch';
import { linkOut, watchTaps } from './tap-controller';
import { createPreparer, isPreparedFor, showPrepared } from './prepared-card';

export interface CardControllerOptions {
  doc: Document;
  cache: CardCache;
  /** The reader's hover delay, read each time. */
  dwellMs: () => number;
  /** Whether an event target is Gloss's own host. */
  isOwn(target: EventTarget | null): boolean;
  /** The card's focusable container, to move into with Tab. */
  cardElement(): HTMLElement | null;
  /** Whether focus is inside Gloss's interface. */
  focusInside(): boolean;
  /** Whether the reader is typing in a field of Gloss's interface: Escape is the field's first. */
  editingInside?(): boolean;
  render(state: PageCardsState): void;
  /** The reader dismissed the notice for this page. */
  onDismissNotice(page: string): void;
  signal: AbortSignal;
}

export interface CardController {
  setMentions(mentions: readonly Mention[]): void;
  /**
   * Moves the focus mark to the next (1) or previous (-1) mention and opens its card.
   * `relayed`: the browser's command rather than the page's key event; ignored when the
   * same press already reached the page.
   */
  step(direction: 1 | -1, relayed?: boolean): void;
  /** Marks the first mention of an entity and opens its card; false when the page has none. */
  showEntity(key: string): boolean;
  /** Turns the open card to a related entity; `back` returns. */
  turnTo(key: string): void;
  back(): void;
  close(): void;
  setNotice(notice: CitingAnswer | null): void;
  dismissNotice(): void;
  /** Says words in the page's live region, which outlives the card. */
  say(text: string): void;
  /** The reader's languages changed: cards are fetched again. */
  refresh(): void;
}

/**
 * The state of Gloss's page interface and the input that changes it: the pointer (hover
 * cards), the keyboard (stepping through mentions, Tab into the card, Escape out), and
 * the cited-page notice. Rendering is left to `render`, which gets the whole state.
 */
export function createCardController(opts: CardControllerOptions): CardController {
  const { doc, cache, signal } = opts;
  const win = doc.defaultView!;
  const index = new MentionIndex();
  const mark = new FocusMark();
  const state: PageCardsState = { card: null, next: null, notice: null, announcement: null, announceId: 0 };
  let ids = 0;
  let cardMention: Mention | null = null;
  let focused: Mention | null = null;
  let lastPointer: { x: number; y: number } | null = null;
  /** Where focus was before Tab moved it into the card. */
  let returnTo: Element | null = null;
  let lastKeyStep = -Infinity;

  const emit = () => opts.render({ ...state });

  function load(key: string) {
    cache.get(key).then(
      (data) => {
        if (state.card?.trail.at(-1) !== key) return;
        state.card = { ...state.card, data, failed: false };
        emit();
      },
      () => {
        if (state.card?.trail.at(-1) !== key) return;
        state.card = { ...state.card, failed: true };
        emit();
      },
    );
  }

  function open(m: Mention, mode: CardMode, openedAt: number, extra: Partial<Pick<OpenCard, 'pointer' | 'link'>> = {}) {
    cardMention = m;
    if (mode === 'hover' && isPreparedFor(state.next, m)) {
      state.card = showPrepared(state.next, openedAt);
      state.next = null;
      emit();
      return;
    }
    const data = cache.ready(m.key);
    state.card = { anchor: m.range, mode, pointer: mode === 'hover' ? lastPointer : null, trail: [m.key], data, failed: false, openedAt, id: ++ids, ...extra };
    emit();
    if (data === undefined) load(m.key);
  }


  /** Turns the open card to the last entity of `trail`. */
  function show(trail: string[]) {
    if (!state.card) return;
    // The button that turned the card goes with its content; keep the reader in the card.
    const inside = opts.focusInside();
    const key = trail.at(-1)!;
    const data = cache.ready(key);
    state.card = { ...state.card, trail, data, failed: false };
    emit();
    if (inside) opts.cardElement()?.focus({ preventScroll: true });
    if (data === undefined) load(key);
  }

  /**
   * `byIntent`: the pointer left the card and its name for good. It may already rest on another
   * name, whose delay runs on: that rest, and the card drawn for it, stay.
   */
  function close(restoreFocus = true, byIntent = false) {
    if (!byIntent) intent.reset();
    const hadNext = !!state.next;
    // Otherwise no pointer rests anywhere now: a card drawn for one goes too.
    if (!byIntent || !isPreparedFor(state.next, intent.pending())) state.next = null;
    if (!state.card) {
      if (hadNext) emit();
      return;
    }
    if (restoreFocus && opts.focusInside()) {
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus({ preventScroll: true });
      else (doc.activeElement as HTMLElement | null)?.blur();
    }
    returnTo = null;
    state.card = null;
    cardMention = null;
    emit();
  }

  const intent = createHoverIntent({
    dwellMs: opts.dwellMs,
    timers: { set: (fn, ms) => win.setTimeout(fn, ms), clear: (id) => win.clearTimeout(id) },
    now: () => win.performance.now(),
    // Fetch and draw while the pointer rests, so the card only has to be shown when the delay ends.
    onDwellStart: (m) => preparer.prepare(m),
    onOpen: (m, at) => open(m, 'hover', at),
    onClose: () => close(true, true),
  });

  const preparer = createPreparer({ cache, state, resting: intent.pending, pointer: () => lastPointer, nextId: () => ++ids, emit });

  watchPointer({
    doc,
    signal,
    isOwn: opts.isOwn,
    hitTest: (x, y) => mentionAt(doc, index, x, y),
    onTarget(target, x, y) {
      if (target && target !== 'card') lastPointer = { x, y };
      intent.update(target);
      preparer.dropStale();
    },
  });

  watchTaps({
    doc,
    signal,
    isOwn: opts.isOwn,
    hitTest: (x, y) => mentionAt(doc, index, x, y),
    current: () => cardMention,
    open(m, link, at, point) {
      close(false);
      // Like a keyboard card: it stays until the reader taps elsewhere (or a mouse rests on another name).
      intent.pin(m);
      open(m, 'touch', at, { pointer: point, link: link && linkOut(link, () => close(false)) });
    },
    close: () => close(false),
    // The finger's press comes some tens of milliseconds before its tap: fetch meanwhile.
    pressed: (m) => void cache.get(m.key).catch(() => {}),
  });

  function reveal(range: Range) {
    const r = range.getBoundingClientRect();
    if (r.top >= 0 && r.bottom <= win.innerHeight) return;
    const still = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: still ? 'instant' : 'smooth' });
  }

  function focusMention(m: Mention, position: number, total: number) {
    // Stepping from inside the card: the reader stays in the (new) card.
    const inside = opts.focusInside();
    focused = m;
    mark.show(m.range);
    reveal(m.range);
    open(m, 'keyboard', win.performance.now());
    intent.pin(m);
    state.announcement = { kind: 'mention', name: m.range.toString(), entityKind: m.kind, position, total };
    state.announceId++;
    emit();
    if (inside) opts.cardElement()?.focus({ preventScroll: true });
  }

  /** Where a first step starts: the first mention at or below the top of the viewport. */
  function startIndex(list: readonly Mention[], direction: 1 | -1): number {
    if (direction === 1) {
      const i = list.findIndex((m) => m.range.getBoundingClientRect().bottom >= 0);
      return i < 0 ? 0 : i;
    }
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.range.getBoundingClientRect().top <= win.innerHeight) return i;
    return list.length - 1;
  }

  const controller: CardController = {
    setMentions(mentions) {
      index.set(mentions);
      if (cardMention && !index.find(cardMention)) close();
      const resting = intent.pending();
      if (state.next && (!resting || !index.find(resting))) {
        state.next = null;
        emit();
      }
      if (focused) {
        focused = index.find(focused);
        if (focused) mark.show(focused.range);
        else mark.clear();
      }
    },
    step(direction, relayed = false) {
      if (relayed && win.performance.now() - lastKeyStep < 200) return;
      const list = index.all();
      if (!list.length) {
        state.announcement = { kind: 'none' };
        state.announceId++;
        emit();
        return;
      }
      const at = focused ? list.indexOf(focused) : -1;
      const i = at < 0 ? startIndex(list, direction) : (at + direction + list.length) % list.length;
      focusMention(list[i]!, i + 1, list.length);
    },
    showEntity(key) {
      const list = index.all();
      const i = list.findIndex((m) => m.key === key);
      if (i < 0) return false;
      focusMention(list[i]!, i + 1, list.length);
      return true;
    },
    turnTo(key) {
      if (!state.card || state.card.trail.at(-1) === key) return;
      show([...state.card.trail, key]);
    },
    back() {
      if (!state.card || state.card.trail.length < 2) return;
      show(state.card.trail.slice(0, -1));
    },
    close: () => close(),
    say(text) {
      state.announcement = { kind: 'said', text };
      state.announceId++;
      emit();
    },
    setNotice(notice) {
      state.notice = notice;
      if (notice) {
        state.announcement = { kind: 'cited', titles: notice.briefs.map((b) => b.open.title) };
        state.announceId++;
      }
      emit();
    },
    dismissNotice() {
      if (!state.notice) return;
      opts.onDismissNotice(state.notice.page);
      state.notice = null;
      emit();
    },
    refresh() {
      cache.clear();
      state.next = null;
      const key = state.card?.trail.at(-1);
      if (!state.card || !key) return;
      state.card = { ...state.card, data: undefined };
      emit();
      load(key);
    },
  };

  doc.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted) return;
      const direction = stepOf(e);
      if (direction) {
        // Handled here, the browser does not also run the command (Firefox); Chrome runs only the command.
        e.preventDefault();
        lastKeyStep = win.performance.now();
        controller.step(direction);
      } else if (e.key === 'Escape' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        if (opts.editingInside?.()) return;
        if (state.card) close();
        else if (focused) {
          focused = null;
          mark.clear();
        }
      } else if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
        // A card reached by keyboard is the next stop for Tab, wherever the page's focus is.
        if (state.card?.mode !== 'keyboard' || opts.focusInside()) return;
        const el = opts.cardElement();
        if (!el) return;
        e.preventDefault();
        returnTo = doc.activeElement;
        el.focus({ preventScroll: true });
      }
    },
    { capture: true, signal },
  );
  // A click elsewhere closes the card (and goes on to do what it does on the page). A finger
  // is left to the tap controller: it may be starting a scroll, or a second tap on a linked name.
  doc.addEventListener('pointerdown', (e) => e.isTrusted && e.pointerType !== 'touch' && state.card && !opts.isOwn(e.target) && close(false), {
    capture: true,
    passive: true,
    signal,
  });
  signal.addEventListener('abort', () => {
    intent.reset();
    mark.clear();
  });
  return controller;
}
