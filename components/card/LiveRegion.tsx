import type { Announcement } from '@/lib/hover/card-state';
import { t } from '@/lib/i18n';
import { kindLabel } from './kind-label';

function words(a: Announcement | null): string {
  if (!a) return '';
  if (a.kind === 'none') return t('cardNoMentions');
  if (a.kind === 'cited') return t('noticeAnnounce', a.titles.join('; '));
  if (a.kind === 'said') return a.text;
  return t('cardMentionAnnounce', [a.name, kindLabel(a.entityKind), String(a.position), String(a.total)]);
}

/**
 * A polite live region: what the keyboard reached, and the cited-page notice. A
 * no-break space alternates at the end so the same words are spoken again.
 */
export function LiveRegion({ announcement, id }: { announcement: Announcement | null; id: number }) {
  return (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
      {words(announcement) + (id % 2 ? '\u00a0' : '')}
    </div>
  );
}
