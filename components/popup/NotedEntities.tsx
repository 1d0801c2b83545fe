import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { uiClient } from '@/lib/messaging/browser-clients';
import type { PageEntity } from '@/lib/messaging/reader-calls';

/** Which of the page's entities carry the reader's note. */
export function useNotedKeys(entities: PageEntity[] | undefined): Set<string> {
  const [noted, setNoted] = useState<Set<string>>(new Set());
  const keys = entities?.map((e) => e.key) ?? [];
  useEffect(() => {
    if (!keys.length) return setNoted(new Set());
    let live = true;
    void uiClient()
      .call('notedKeys', { keys })
      .then((r) => live && r.ok && setNoted(new Set(r.value)));
    return () => {
      live = false;
    };
  }, [keys.join('\n')]);
  return noted;
}

/** The page's entities that carry the reader's note; choosing one shows it on the page. */
export function NotedEntities({ entities, noted, onChoose }: { entities: PageEntity[]; noted: Set<string>; onChoose: (key: string) => void }) {
  const list = entities.filter((e) => noted.has(e.key));
  if (!list.length) return null;
  return (
    <section class="entities noted" aria-labelledby="noted-title" data-testid="noted-entities">
      <h2 id="noted-title">{t('popupNotedTitle')}</h2>
      <p class="muted">{t('popupNotedHelp')}</p>
      <ul aria-labelledby="noted-title">
        {list.map((e) => (
          <li key={e.key}>
            <button type="button" class="entity" data-key={e.key} onClick={() => onChoose(e.key)}>
              <span class="name" lang={e.name.lang} dir="auto">
                {e.name.text}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
