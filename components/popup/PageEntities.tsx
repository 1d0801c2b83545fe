import { kindLabels } from '@/components/common/kind-names';
import { t } from '@/lib/i18n';
import type { PageEntity } from '@/lib/messaging/reader-calls';
import { groupByKind } from '@/lib/popup/group-by-kind';

export interface PageEntitiesProps {
  entities: PageEntity[];
  onChoose: (key: string) => void;
}

/** The entities the page names, by kind, each with how often; choosing one shows it on the page. */
export function PageEntities({ entities, onChoose }: PageEntitiesProps) {
  return (
    <section class="entities" aria-labelledby="entities-title" data-testid="page-entities">
      <h2 id="entities-title">{t('popupEntitiesTitle')}</h2>
      {entities.length === 0 ? (
        <p class="muted">{t('popupNoEntities')}</p>
      ) : (
        groupByKind(entities).map((group) => (
          <div class="kind-group" key={group.kind}>
            <h3 id={`kind-${group.kind}`}>{kindLabels(group.kind)}</h3>
            <ul aria-labelledby={`kind-${group.kind}`}>
              {group.items.map((e) => (
                <li key={e.key}>
                  <button type="button" class="entity" data-key={e.key} onClick={() => onChoose(e.key)}>
                    <span class="name" lang={e.name.lang} dir="auto">
                      {e.name.text}
                    </span>
                    <span class="count" aria-hidden="true">
                      {e.count}
                    </span>
                    <span class="sr-only">{t('popupMentionCount', String(e.count))}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
