import { useEffect, useState } from 'preact/hooks';
import { kindLabel } from '@/components/card/kind-label';
import { t } from '@/lib/i18n';
import { uiClient } from '@/lib/messaging/browser-clients';
import type { EntityItem } from '@/lib/messaging/reader-calls';

export interface SearchPanelProps {
  languages: string[];
  query: string;
  onQuery: (query: string) => void;
  onChoose: (key: string) => void;
}

const DEBOUNCE_MS = 120;

/** Prefix search over the whole knowledge base, in any language; a result opens its card. */
export function SearchPanel({ languages, query, onQuery, onChoose }: SearchPanelProps) {
  const [results, setResults] = useState<EntityItem[] | null>(null);
  // Results found in the reader's notes rather than in names.
  const [inNotes, setInNotes] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!query.trim()) return setResults(null);
    let live = true;
    const timer = setTimeout(() => {
      const client = uiClient();
      void Promise.all([client.call('search', { query, languages }), client.call('searchNotes', { query, languages })]).then(([r, notes]) => {
        if (!live) return;
        const named = r.ok ? r.value : [];
        const extra = notes.ok ? notes.value.filter((n) => !named.some((e) => e.key === n.key)) : [];
        setResults([...named, ...extra]);
        setInNotes(new Set(extra.map((n) => n.key)));
        setError(r.ok ? null : r.error);
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, languages.join(',')]);

  return (
    <section class="search" role="search">
      <label for="search-input" class="label">
        {t('popupSearchLabel')}
      </label>
      <input
        id="search-input"
        type="search"
        value={query}
        placeholder={t('popupSearchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        aria-describedby="search-status"
        onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <p id="search-status" class="sr-only" aria-live="polite">
        {results ? t('popupResultCount', String(results.length)) : ''}
      </p>
      {error && <p class="problem" role="alert">{error}</p>}
      {results && (
        <ul class="results" data-testid="search-results" aria-label={t('popupSearchResults')}>
          {results.length === 0 && <li class="muted">{t('popupNoResults', query.trim())}</li>}
          {results.map((r) => (
            <li key={r.key}>
              <button type="button" class="entity result" data-key={r.key} onClick={() => onChoose(r.key)}>
                <span class="name" lang={r.name.lang} dir="auto">
                  {r.name.text}
                </span>
                <span class="kind-tag">{kindLabel(r.kind)}</span>
                {inNotes.has(r.key) && <span class="kind-tag in-notes">{t('popupSearchNotes')}</span>}
                {r.description && (
                  <span class="description" lang={r.description.lang} dir="auto">
                    {r.description.text}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
