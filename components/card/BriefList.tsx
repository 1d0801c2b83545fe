import { Fragment } from 'preact';
import type { BriefView } from '@/lib/card/types';
import { formatDate, languageName } from '@/lib/card/dates';
import { t } from '@/lib/i18n';
import { ExternalLink } from './ExternalLink';

/**
 * Publisher, date and authors of a brief, on one line. Each name from the pack is its own
 * `<bdi>`, so a right-to-left name or a stray bidirectional override cannot reorder the rest.
 */
export function BriefMeta({ brief, locale }: { brief: BriefView; locale: string }) {
  const parts: string[][] = [];
  if (brief.publisher) parts.push([brief.publisher]);
  const date = formatDate(brief.published, locale);
  if (date) parts.push([date]);
  if (brief.authors.length) parts.push(brief.authors);
  return (
    <div class="meta">
      {parts.map((names, i) => (
        <Fragment key={i}>
          {i > 0 && ' · '}
          {names.map((name, j) => (
            <Fragment key={j}>
              {j > 0 && ', '}
              <bdi>{name}</bdi>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </div>
  );
}

/** A brief's title in the version the reader opens: a link when it has an address. */
export function BriefTitle({ open }: { open: BriefView['open'] }) {
  return open.url ? (
    <ExternalLink href={open.url} class="brief-title" lang={open.lang}>
      {open.title}
    </ExternalLink>
  ) : (
    <span class="brief-title" lang={open.lang} dir="auto">
      {open.title}
    </span>
  );
}

function BriefItem({ brief, locale }: { brief: BriefView; locale: string }) {
  const { open } = brief;
  return (
    <li class="brief" data-brief={brief.key}>
      <BriefTitle open={open} />
      <BriefMeta brief={brief} locale={locale} />
      {brief.versions.length > 1 && (
        <ul class="langs" aria-label={t('cardBriefLanguages')}>
          {brief.versions.map((v) => (
            <li key={v.lang}>
              {v.url ? (
                <ExternalLink href={v.url} lang={v.lang} label={`${languageName(v.lang, locale)}, ${v.lang.toUpperCase()}`} current={v.lang === open.lang}>
                  {v.lang.toUpperCase()}
                </ExternalLink>
              ) : (
                <span lang={v.lang}>{v.lang.toUpperCase()}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The briefs about an entity (or citing a page), newest first, as the shaping left them. */
export function BriefList({ briefs, locale }: { briefs: BriefView[]; locale: string }) {
  return (
    <ol class="briefs">
      {briefs.map((b) => (
        <BriefItem key={b.key} brief={b} locale={locale} />
      ))}
    </ol>
  );
}
