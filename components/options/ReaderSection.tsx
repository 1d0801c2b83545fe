import { useEffect, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { t } from '@/lib/i18n';
import { uiClient } from '@/lib/messaging/browser-clients';
import type { CorrectionView } from '@/lib/messaging/reader-data-calls';
import { formatBytes } from '@/lib/options/storage-size';
import { EVERYWHERE } from '@/lib/reader/limits';
import { LOCAL_STATUS_KEY, type ReaderSyncStatus } from '@/lib/reader/sync-status';
import { readerRevisionItem } from '@/lib/reader/reader-revision';
import type { SettingsSectionProps } from './LanguagesSection';

const statusItem = storage.defineItem<ReaderSyncStatus | null>(`local:${LOCAL_STATUS_KEY}`, { fallback: null });

function syncWords(s: ReaderSyncStatus, locale: string): string {
  switch (s.state) {
    case 'synced':
      return t('optionsSyncSynced', [formatBytes(s.bytes, locale), formatBytes(s.quota, locale)]);
    case 'pending':
      return t('optionsSyncPending');
    case 'waiting':
      return t('optionsSyncWaiting');
    case 'full':
      return t('optionsSyncFull', String(s.unsynced));
    default:
      return t('optionsSyncUnavailable');
  }
}

/** Where a card shows the reader's note, the names they hid (each undone here), and how sync stands. */
export function ReaderSection({ settings, update, locale }: SettingsSectionProps) {
  const [corrections, setCorrections] = useState<CorrectionView[] | null>(null);
  const [notes, setNotes] = useState(0);
  const [status, setStatus] = useState<ReaderSyncStatus | null>(null);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const client = uiClient();
    const [list, records, sync] = await Promise.all([client.call('listCorrections', {}), client.call('readerRecords', {}), client.call('readerSyncStatus', {})]);
    if (list.ok) setCorrections(list.value);
    else setError(list.error);
    if (records.ok) setNotes(records.value.filter((r) => r.type === 'note').length);
    if (sync.ok) setStatus(sync.value);
  };
  useEffect(() => {
    void load();
    // Corrections made in a card, or arriving from another browser, show here at once.
    const unwatch = [readerRevisionItem.watch(() => void load()), statusItem.watch((s) => s && setStatus(s))];
    return () => unwatch.forEach((u) => u());
  }, []);

  async function undo(c: CorrectionView) {
    setError(null);
    const answer = await uiClient().call('undoCorrection', { id: c.id });
    if (!answer.ok) return setError(answer.error);
    setSaid(t('optionsCorrectionUndone', c.name));
    await load();
    requestAnimationFrame(() => document.getElementById('corrections-title')?.focus());
  }

  return (
    <section aria-labelledby="reader-title" data-testid="reader">
      <h2 id="reader-title">{t('optionsReaderTitle')}</h2>
      <fieldset class="choices">
        <legend>{t('optionsNotePlaceLegend')}</legend>
        {(['top', 'bottom'] as const).map((place) => (
          <label key={place}>
            <input type="radio" name="notePlace" value={place} checked={settings.notePlace === place} onChange={() => void update({ notePlace: place })} />
            {t(place === 'top' ? 'optionsNotePlaceTop' : 'optionsNotePlaceBottom')}
          </label>
        ))}
      </fieldset>
      <p class="muted" data-testid="reader-counts">
        {t('optionsReaderCounts', [String(notes), String(corrections?.length ?? 0)])}
      </p>
      {status && (
        <p class={status.state === 'full' ? 'problem' : 'muted'} data-testid="reader-sync" role={status.state === 'full' ? 'alert' : undefined}>
          {syncWords(status, locale)}
        </p>
      )}
      <h3 id="corrections-title" tabIndex={-1}>
        {t('optionsCorrectionsTitle')}
      </h3>
      {corrections && corrections.length === 0 && <p class="muted">{t('optionsCorrectionsEmpty')}</p>}
      {corrections && corrections.length > 0 && (
        <ul class="corrections" aria-labelledby="corrections-title" data-testid="corrections">
          {corrections.map((c) => (
            <li key={c.id} data-testid="correction-row">
              <span>{t('optionsCorrectionRow', [c.name, c.entity, c.site === EVERYWHERE ? t('optionsCorrectionEverywhere') : t('optionsCorrectionSite', c.site)])}</span>{' '}
              <button type="button" data-testid="undo-correction" aria-label={t('optionsCorrectionUndoLabel', [c.name, c.entity])} onClick={() => void undo(c)}>
                {t('optionsCorrectionUndo')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      <p class="sr-only" role="status" aria-live="polite" data-testid="reader-status">
        {said}
      </p>
    </section>
  );
}
