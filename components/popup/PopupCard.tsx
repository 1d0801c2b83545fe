import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CardBody } from '@/components/card/CardBody';
import { CardHeading } from '@/components/card/CardHeading';
import { kindLabel } from '@/components/card/kind-label';
import { SourceLine } from '@/components/card/SourceLine';
import { NoteSection } from '@/components/card/NoteSection';
import { uiReaderCalls } from '@/components/card/reader-calls';
import { useReaderExtras } from '@/components/card/use-reader-extras';
import type { CardData } from '@/lib/card/types';
import { t } from '@/lib/i18n';
import { uiClient } from '@/lib/messaging/browser-clients';

export interface PopupCardProps {
  /** The entities opened, the one shown last; related entities add to it. */
  trail: string[];
  languages: string[];
  locale: string;
  onTrail: (trail: string[]) => void;
}

/**
 * An entity's card inside the popup, for a search result: the same content as a hover
 * card (the same data and body), laid out for the popup instead of floating on a page.
 */
export function PopupCard({ trail, languages, locale, onTrail }: PopupCardProps) {
  const key = trail.at(-1)!;
  const [data, setData] = useState<CardData | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const calls = useMemo(uiReaderCalls, []);
  const { extras, place, setExtras } = useReaderExtras(data ? key : undefined, calls);
  const note = data && extras && (
    <NoteSection key={key} entityKey={key} label={data.name.text} extras={extras} calls={calls} onChange={(n) => setExtras({ ...extras, note: n })} />
  );

  useEffect(() => {
    let live = true;
    setData(undefined);
    void uiClient()
      .call('entityCard', { key, languages })
      .then((r) => {
        if (!live) return;
        setData(r.ok ? r.value : null);
        setError(r.ok ? null : r.error);
      });
    return () => {
      live = false;
    };
  }, [key, languages.join(',')]);

  // The reader lands on the card's name, so a screen reader says what opened.
  useEffect(() => heading.current?.focus(), [data === undefined, key]);

  const name = data ? data.name.text : t(error ? 'cardError' : data === null ? 'cardMissing' : 'cardLoading');
  return (
    <article class="entity-card" data-testid="popup-card" data-key={key} aria-busy={data === undefined}>
      <div class="bar">
        <button type="button" class="back" onClick={() => onTrail(trail.slice(0, -1))}>
          ← {t('cardBack')}
        </button>
        <span class="kind">{data ? kindLabel(data.kind) : ''}</span>
      </div>
      <CardHeading name={name} data={data} headingRef={heading} />
      {error && <p class="problem" role="alert">{error}</p>}
      {place === 'top' && note}
      {data && <CardBody data={data} locale={locale} onOpen={(next) => onTrail([...trail, next])} />}
      {place === 'bottom' && note}
      {data && <SourceLine sources={data.sources} locale={locale} />}
    </article>
  );
}
