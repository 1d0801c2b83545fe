import { t } from '@/lib/i18n';

export interface NoStoryProps {
  onReadWholePage: () => void;
}

/** On a page with no story (a front page, a search), the way to have the whole page read. */
export function NoStory({ onReadWholePage }: NoStoryProps) {
  return (
    <section class="no-story" data-testid="no-story">
      <p class="muted">{t('popupNoStory')}</p>
      <button type="button" onClick={onReadWholePage}>
        {t('popupReadWholePage')}
      </button>
    </section>
  );
}
