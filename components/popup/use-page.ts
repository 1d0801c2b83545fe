import { useEffect, useRef, useState } from 'preact/hooks';
import { tabClient, uiClient } from '@/lib/messaging/browser-clients';
import type { PageOverview } from '@/lib/messaging/reader-calls';
import type { PageSummary } from '@/lib/page/page-summary';

export interface PageState {
  /** undefined while asked; null when no Gloss content script answers in the tab. */
  summary: PageSummary | null | undefined;
  overview: PageOverview | null;
  error: string | null;
}

const POLL_MS = 800;

/**
 * What the tab's page names, kept current while the popup is open: the page may still be
 * read, or be turned on or off from the popup, so it is asked again every moment and
 * the background is asked for names and briefs only when the page's entities changed.
 */
export function usePage(tabId: number | undefined, languages: string[] | undefined): PageState {
  const [state, setState] = useState<PageState>({ summary: undefined, overview: null, error: null });
  const last = useRef('');
  useEffect(() => {
    if (tabId === undefined || !languages) return;
    let live = true;
    last.current = '';
    const ask = async () => {
      const answer = await tabClient(tabId).call('pageSummary', {});
      if (!live) return;
      if (!answer.ok) return setState({ summary: null, overview: null, error: null });
      const summary = answer.value;
      const seen = JSON.stringify([summary.entities, summary.urls]);
      if (seen === last.current) return setState((s) => ({ ...s, summary }));
      last.current = seen;
      const overview = await uiClient().call('pageOverview', { entities: summary.entities, urls: summary.urls, languages });
      if (!live) return;
      setState({ summary, overview: overview.ok ? overview.value : null, error: overview.ok ? null : overview.error });
    };
    void ask();
    const timer = setInterval(() => void ask(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tabId, languages?.join(',')]);
  return state;
}
