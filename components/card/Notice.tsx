import type { CitingAnswer } from '@/lib/card/types';
import { t } from '@/lib/i18n';
import { briefMeta } from './BriefList';
import { ExternalLink } from './ExternalLink';

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
            {b.open.url ? (
              <ExternalLink href={b.open.url} class="brief-title" lang={b.open.lang}>
                {b.open.title}
              </ExternalLink>
            ) : (
              <span class="brief-title" lang={b.open.lang} dir="auto">
                {b.open.title}
              </span>
            )}
            <div class="meta">{briefMeta(b, locale)}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
