import { useLayoutEffect, useRef } from 'preact/hooks';
import type { OpenCard, PageCardsActions } from '@/lib/hover/card-state';
import { placeNear } from '@/lib/hover/position';
import { t } from '@/lib/i18n';
import { CardBody } from './CardBody';
import { CardHeading } from './CardHeading';
import { kindLabel } from './kind-label';
import { SourceLine } from './SourceLine';

export type CardActions = Pick<PageCardsActions, 'turnTo' | 'back' | 'close' | 'painted'>;

const FOCUSABLE = 'a[href], button:not([disabled])';

/**
 * The hover card. Opened by the pointer it is a tooltip that never takes focus; opened
 * from the keyboard it is a non-modal dialog the reader enters with Tab (focus then
 * cycles inside it until Escape).
 */
export function Card({ card, locale, actions, prepared = false }: { card: OpenCard; locale: string; actions: CardActions; prepared?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef(card);
  latest.current = card;
  const measured = useRef(false);
  const { data } = card;

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
    return placeNear(card.anchor, el, card.pointer, () => {
      el.dataset.placed = '';
      measure();
    });
  }, [card.anchor]);
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
      class={prepared ? 'card prepared' : 'card'}
      // Unseen and out of reach (focus, pointer, screen readers) until shown.
      inert={prepared}
      aria-hidden={prepared ? 'true' : undefined}
      role={card.mode === 'keyboard' ? 'dialog' : 'tooltip'}
      aria-label={name}
      aria-busy={data === undefined && !card.failed ? 'true' : undefined}
      tabIndex={-1}
      data-key={card.trail.at(-1)}
      onKeyDown={onKeyDown}
    >
      <div class="head">
        <div class="bar">
          {card.trail.length > 1 && (
            <button type="button" class="icon" aria-label={t('cardBack')} title={t('cardBack')} onClick={actions.back}>
              ←
            </button>
          )}
          <span class="kind">{data ? kindLabel(data.kind) : ''}</span>
          <button type="button" class="icon" aria-label={t('cardClose')} title={t('cardClose')} onClick={actions.close}>
            ×
          </button>
        </div>
        <CardHeading name={name} data={data} />
      </div>
      {data && <CardBody data={data} locale={locale} onOpen={actions.turnTo} />}
      {data && <SourceLine sources={data.sources} locale={locale} />}
    </div>
  );
}
