import { Fragment } from 'preact';
import type { CardData } from '@/lib/card/types';
import { formatDate } from '@/lib/card/dates';
import type { When } from '@/lib/pack/types';
import { t } from '@/lib/i18n';
import { BriefGroups } from './BriefGroups';
import { EntityLinks } from './EntityLinks';
import { ExternalLink } from './ExternalLink';

function span(when: When, locale: string): string | null {
  const start = when.start && formatDate(when.start, locale);
  const end = when.end && formatDate(when.end, locale);
  if (start && end && start !== end) return t('cardDateRange', [start, end]);
  if (start) return start;
  return end ? t('cardDateUntil', end) : null;
}

/** The scrolling part of a card: what the entity is, what it is linked to, and the briefs about it. */
export function CardBody({ data, locale, onOpen }: { data: CardData; locale: string; onOpen: (key: string) => void }) {
  const when = data.when && span(data.when, locale);
  return (
    <div class="body">
      {data.summary && (
        <p lang={data.summary.lang} dir="auto">
          {data.summary.text}
        </p>
      )}
      {(when || data.where || data.facts.length > 0) && (
        <dl>
          {when && (
            <>
              <dt>{t('cardWhen')}</dt>
              <dd>{when}</dd>
            </>
          )}
          {data.where && (
            <>
              <dt>{t('cardWhere')}</dt>
              <dd lang={data.where.lang} dir="auto">
                {data.where.text}
              </dd>
            </>
          )}
          {data.facts.map((f, i) => (
            <Fragment key={i}>
              <dt lang={f.label.lang} dir="auto">
                {f.label.text}
              </dt>
              <dd lang={f.value.lang} dir="auto">
                {f.value.text}
              </dd>
            </Fragment>
          ))}
        </dl>
      )}
      <EntityLinks title={t('cardParticipants')} items={data.participants} onOpen={onOpen} />
      <EntityLinks title={t('cardRelated')} items={data.related} onOpen={onOpen} />
      <section>
        <h3>{t('cardBriefs')}</h3>
        {data.briefGroups.length ? <BriefGroups groups={data.briefGroups} locale={locale} /> : <p class="empty">{t('cardNoBriefs')}</p>}
      </section>
      {data.links.length > 0 && (
        <section>
          <h3>{t('cardLinks')}</h3>
          <ul class="chips">
            {data.links.map((l) => (
              <li key={l.url}>
                <ExternalLink href={l.url}>{l.title}</ExternalLink>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
