import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { EntityExtras } from '@/lib/messaging/reader-data-calls';
import { feedbackHref } from '@/lib/reader/note-text';
import { ExternalLink } from './ExternalLink';
import type { ReaderCalls } from './reader-calls';

export interface CorrectionMenuProps {
  entityKey: string;
  label: string;
  /** The highlighted name the card opened from; null when the card was turned to another entity. */
  mention: string | null;
  /** The page's address and host; null in the popup. */
  page: { url: string; host: string } | null;
  extras: EntityExtras;
  /** The entity's details are still being read: the button waits. */
  pending?: boolean;
  calls: ReaderCalls;
  /** The name is hidden: the words to say (the card closes with the highlight it stood by). */
  onDone?: (text: string) => void;
}

/**
 * "Not this": hides the highlighted name for this entity on this site or everywhere (undone in
 * the options page); and, where the pack gives an address, "Tell the publisher", which opens
 * it only when the reader clicks.
 */
export function CorrectionMenu({ entityKey, label, mention, page, extras, pending = false, calls, onDone }: CorrectionMenuProps) {
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) first.current?.focus();
  }, [asking]);

  const canHide = mention !== null && mention.trim() !== '' && page !== null && calls.hideName !== undefined && extras.canNote;
  const links = page ? extras.feedback.map((f) => ({ ...f, href: feedbackHref(f.url, f.entity, page.url) })).filter((f) => f.href) : [];
  if (!canHide && !links.length) return null;

  async function hide(everywhere: boolean) {
    setError(null);
    const answer = await calls.hideName!(entityKey, label, mention!, everywhere);
    if (!answer.ok) return setError(answer.error);
    setAsking(false);
    const said = t(everywhere ? 'correctionDoneEverywhere' : 'correctionDoneSite', [mention!, page!.host]);
    setDone(said);
    onDone?.(said);
  }

  return (
    <div class="correction" data-testid="correction">
      {canHide && !asking && !done && (
        <button type="button" ref={opener} data-testid="not-this" disabled={pending} aria-expanded="false" onClick={() => setAsking(true)}>
          {t('correctionNotThis')}
        </button>
      )}
      {asking && (
        <div role="group" aria-labelledby="gloss-correction-question" class="correction-ask">
          <p id="gloss-correction-question">{t('correctionQuestion', [mention!, label])}</p>
          <button type="button" ref={first} data-testid="hide-site" onClick={() => void hide(false)}>
            {t('correctionHideSite', page!.host)}
          </button>
          <button type="button" data-testid="hide-everywhere" onClick={() => void hide(true)}>
            {t('correctionHideEverywhere')}
          </button>
          <button
            type="button"
            onClick={() => {
              setAsking(false);
              requestAnimationFrame(() => opener.current?.focus());
            }}
          >
            {t('noteCancel')}
          </button>
        </div>
      )}
      <p aria-live="polite" class={done ? 'correction-done' : 'sr-only'} data-testid="correction-status">
        {done ?? ''}
      </p>
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      {links.map((f) => (
        <ExternalLink key={f.url} href={f.href!} class="feedback" label={t('correctionTellLabel', [f.publisher, label])}>
          {t('correctionTell')}
        </ExternalLink>
      ))}
    </div>
  );
}
