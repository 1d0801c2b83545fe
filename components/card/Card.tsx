import { useLayoutEffect, useRef } from 'preact/hooks';
import type { OpenCard, PageCardsActions } from '@/lib/hover/card-state';
import { placeNear } from '@/lib/hover/position';
import { placeAsSheet } from '@/lib/hover/sheet-position';
import { swipeToClose } from '@/lib/hover/swipe-down';
import { t } from '@/lib/i18n';
import { CardBody } from './CardBody';
import { CardHeading } from './CardHeading';
import { kindLabel } from './kind-label';
import { SourceLine } from './SourceLine';
import { useCardReader } from './use-card-reader';
import { useSheet } from './use-sheet';

export type CardActions = Pick<PageCardsActions, 'turnTo' | 'back' | 'close' | 'painted' | 'say'>;

const FOCUSABLE = 'a[href], button:not([disabled]), textarea';

/**
 * The hover card. Opened by the pointer it is a tooltip that never takes focus; opened
 * from the keyboard or by a tap it is a non-modal dialog the reader enters with Tab (focus
 * then cycles inside it until Escape). On a small screen a card opened by a tap or a key
 * is a bottom sheet (sheet-styles.ts), closed by its button or a swipe down on its header.
 */
export function Card({ card, locale, actions, prepared = false }: { card: OpenCard; locale: string; actions: CardActions; prepared?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef(card);
  latest.current = card;
  const measured = useRef(false);
  const { data } = card;
  const reader = useCardReader(card, actions.say);
  const sheet = useSheet(card.mode);

  const measure = () => {
    const el = ref.current;
    if (measured.current || !el || el.dataset.placed === undefined || latest.current.data === undefined || Number.isNaN(latest.current.openedAt)) return;
    measured.current = true;
    const { openedAt } = latest.current;
    // The frame that shows the card is painted after this callback; a task queued from it runs after the paint.
    requestAnimationFrame(() => setTimeout(() => actions.painted(performance.now() - openedAt)));
  };

  useLayoutEffect(() => {
    const el = ref.current!;
    const placed = () => {
      el.dataset.placed = '';
      measure();
    };
    if (!sheet) return placeNear(card.anchor, el, card.pointer, placed);
    const unplace = placeAsSheet(card.anchor, el, placed);
    const unswipe = swipeToClose(el.querySelector<HTMLElement>('.head')!, el, actions.close);
    return () => {
      unplace();
      unswipe();
      el.style.maxHeight = '';
    };
  }, [card.anchor, sheet]);
  useLayoutEffect(measure, [data, prepared]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items.at(-1);
    const active = (ref.current.getRootNode() as ShadowRoot).activeElement;
    if (!first || !last) return e.preventDefault();
    if (e.shiftKey && (active === first || active === ref.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const name = data ? data.name.text : t(card.failed ? 'cardError' : data === null ? 'cardMissing' : 'cardLoading');
  return (
    <div
      ref={ref}
      class={`card${sheet ? ' sheet' : ''}${card.mode === 'touch' ? ' touch' : ''}${prepared ? ' prepared' : ''}`}
      // A prepared card is unseen and out of reach (focus, pointer, screen readers) until shown.
      inert={prepared}
      aria-hidden={prepared ? 'true' : undefined}
      role={card.mode === 'hover' ? 'tooltip' : 'dialog'}
      aria-label={name}
      aria-busy={data === undefined && !card.failed ? 'true' : undefined}
      tabIndex={-1}
      data-key={card.trail.at(-1)}
      onKeyDown={onKeyDown}
    >
      <div class="head">
        {sheet && <div class="grip" aria-hidden="true" />}
        <div class="bar">
          {card.trail.length > 1 && (
            <button type="button" class="icon" aria-label={t('cardBack')} title={t('cardBack')} onClick={actions.back}>
              ←
            </button>
          )}
          <span class="kind">{data ? kindLabel(data.kind) : ''}</span>
          {card.link && (
            <button type="button" class="open-link" title={card.link.href} onClick={card.link.follow}>
              {t('cardOpenLink')}
            </button>
          )}
          <button type="button" class="icon" aria-label={t('cardClose')} title={t('cardClose')} onClick={actions.close}>
            ×
          </button>
        </div>
        <CardHeading name={name} data={data} />
      </div>
      {reader.top}
      {data && <CardBody data={data} locale={locale} onOpen={actions.turnTo} />}
      {reader.bottom}
      {reader.menu}
      {data && <SourceLine sources={data.sources} locale={locale} />}
    </div>
  );
}
