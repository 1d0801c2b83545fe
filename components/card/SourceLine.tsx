import type { SourceView } from '@/lib/card/types';
import { formatDate } from '@/lib/card/dates';
import { t } from '@/lib/i18n';
import { isolate } from '@/lib/card/bidi';

/** Where a card's content came from: each pack, its publisher, and how fresh it is. */
export function SourceLine({ sources, locale }: { sources: SourceView[]; locale: string }) {
  if (!sources.length) return null;
  return (
    <footer class="source">
      {sources.map((s) => (
        <p key={s.sub} data-source={s.sub}>
          <span>{t('cardSourceFrom', isolate(s.title))}</span>
          {s.publisher && (
            <>
              {' · '}
              <bdi>{s.publisher}</bdi>
            </>
          )}
          {s.published && ` · ${t('cardSourceUpdated', formatDate(s.published, locale))}`}
          {s.stale && <span class="stale">{` · ${t('cardSourceStale')}`}</span>}
        </p>
      ))}
    </footer>
  );
}
