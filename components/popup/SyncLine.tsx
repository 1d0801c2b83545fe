import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { uiClient } from '@/lib/messaging/browser-clients';
import { summarizeSync, type SyncSummary } from '@/lib/popup/sync-line';

function describe(s: SyncSummary, locale: string): string {
  if (s.packs === 0) return t('popupSyncEmpty');
  const when = s.lastUpdate
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(s.lastUpdate)
    : t('packNever');
  const line = t('popupSyncLine', [String(s.packs), when]);
  return s.problems ? `${line} · ${t('popupSyncProblems', String(s.problems))}` : line;
}

/** The packs' state in one line, and the way to the options page. */
export function SyncLine({ locale }: { locale: string }) {
  const [summary, setSummary] = useState<SyncSummary | null>(null);
  useEffect(() => {
    void uiClient()
      .call('listPacks', {})
      .then((r) => r.ok && setSummary(summarizeSync(r.value)));
  }, []);
  return (
    <footer class="sync">
      <p data-testid="sync-line" class={summary?.problems ? 'warn' : 'muted'}>
        {summary ? describe(summary, locale) : t('loading')}
      </p>
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('openOptions')}
      </button>
    </footer>
  );
}
