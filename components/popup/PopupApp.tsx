import { useEffect, useState } from 'preact/hooks';
import { useSettings } from '@/components/common/use-settings';
import { uiLocale } from '@/components/common/ui-locale';
import { t } from '@/lib/i18n';
import { tabClient } from '@/lib/messaging/browser-clients';
import { currentTab, isToolbarPopup, type CurrentTab } from '@/lib/popup/current-tab';
import { hostOf } from '@/lib/sites/hosts';
import { siteState } from '@/lib/sites/site-state';
import { NotedEntities, useNotedKeys } from './NotedEntities';
import { NoStory } from './NoStory';
import { PageEntities } from './PageEntities';
import { PopupCard } from './PopupCard';
import { RelatedBriefs } from './RelatedBriefs';
import { SearchPanel } from './SearchPanel';
import { SiteControls } from './SiteControls';
import { SyncLine } from './SyncLine';
import { usePage } from './use-page';

/** The popup for the current tab: what Gloss found, where it runs, search, and the packs' state. */
export function PopupApp({ search }: { search: string }) {
  const [settings, update] = useSettings();
  const [tab, setTab] = useState<CurrentTab | null | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [trail, setTrail] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const locale = uiLocale();
  useEffect(() => void currentTab(search).then(setTab), []);
  const page = usePage(tab?.id, settings?.languages);
  const noted = useNotedKeys(page.overview?.entities);

  if (!settings || tab === undefined) return <p class="muted">{t('loading')}</p>;
  const host = hostOf(tab?.url);
  const active = page.summary?.active ?? false;
  const state = siteState(settings, host);

  /** Leaving the card returns the reader to the search they came from. */
  function turn(next: string[]) {
    setTrail(next);
    if (!next.length) requestAnimationFrame(() => document.getElementById('search-input')?.focus());
  }

  async function show(key: string) {
    if (!tab) return;
    const answer = await tabClient(tab.id).call('focusMention', { key });
    if (!answer.ok || !answer.value) return setProblem(t('popupNotOnPage'));
    // Over the page, the popup would hide the card it just opened.
    if (isToolbarPopup(search)) window.close();
  }

  return (
    <main class="popup">
      <header class="top">
        <h1>{t('popupTitle')}</h1>
        {host && (
          <p class="host" data-testid="host">
            {host}
          </p>
        )}
      </header>
      {tab ? <SiteControls settings={settings} update={update} host={host} tab={tab} active={active} /> : null}
      <SearchPanel languages={settings.languages} query={query} onQuery={setQuery} onChoose={(key) => setTrail([key])} />
      {trail.length > 0 ? (
        <PopupCard trail={trail} languages={settings.languages} locale={locale} onTrail={turn} />
      ) : (
        !query.trim() && (
          <>
            {problem && <p class="problem" role="alert">{problem}</p>}
            {active && page.summary?.reading === 'nothing' && <NoStory onReadWholePage={() => tab && void tabClient(tab.id).call('readWholePage', {})} />}
            {active && page.overview && page.summary?.reading !== 'nothing' && (
              <>
                {page.summary?.capped && (
                  <p class="muted" role="status" data-testid="mention-cap">
                    {t('popupMentionCap', page.summary.capped.toLocaleString(locale))}
                  </p>
                )}
                <NotedEntities entities={page.overview.entities} noted={noted} onChoose={(key) => void show(key)} />
                <PageEntities entities={page.overview.entities} onChoose={(key) => void show(key)} />
                <RelatedBriefs briefs={page.overview.briefs} locale={locale} />
              </>
            )}
            {page.error && <p class="problem" role="alert">{page.error}</p>}
            {state === 'on' && page.summary === null && <p class="muted">{t('popupReload')}</p>}
          </>
        )
      )}
      <SyncLine locale={locale} />
    </main>
  );
}
