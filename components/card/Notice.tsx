import type { CitingAnswer } from '@/lib/card/types';
import { t } from '@/lib/i18n';
import { BriefMeta, BriefTitle } from './BriefList';

/** The corner notice on a page that briefs cite: which briefs, with links; dismissable for the page. */
export function Notice({ notice, locale, onDismiss }: { notice: CitingAnswer; locale: string; onDismiss: () => void }) {
  return (
    <section class="notice" role="region" aria-label={t('noticeLabel')}>
      <div class="bar">
        <p class="notice-title">{t('noticeTitle')}</p>
        <button type="button" class="icon" aria-label={t('noticeDismiss')} title={t('noticeDismiss')} onClick={onDismiss}>
          ×
        </button>
      </div>
      <ul>
        {notice.briefs.map((b) => (
          <li key={b.key} data-brief={b.key}>
            <BriefTitle open={b.open} />
            <BriefMeta brief={b} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}
