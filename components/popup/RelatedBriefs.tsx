import { BriefMeta, BriefTitle } from '@/components/card/BriefList';
import { t } from '@/lib/i18n';
import type { RelatedBrief } from '@/lib/messaging/reader-calls';

/** The briefs most related to the page, those citing it first. */
export function RelatedBriefs({ briefs, locale }: { briefs: RelatedBrief[]; locale: string }) {
  return (
    <section class="related" aria-labelledby="briefs-title" data-testid="related-briefs">
      <h2 id="briefs-title">{t('popupBriefsTitle')}</h2>
      {briefs.length === 0 ? (
        <p class="muted">{t('popupNoBriefs')}</p>
      ) : (
        <ol class="briefs">
          {briefs.map((b) => (
            <li key={b.key} class="brief" data-brief={b.key}>
              <BriefTitle open={b.open} />
              {b.citesPage && <span class="tag cites">{t('popupCitesPage')}</span>}
              <BriefMeta brief={b} locale={locale} />
              {b.aboutCount > 0 && <div class="meta">{t('popupAboutCount', String(b.aboutCount))}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
