import type { BriefRow, PackRow } from '../kb/db';
import { refKey } from '../kb/rows';
import { normalizeUrl } from '../pack/normalize-url';
import { pickLocalized } from '../pack/localized';
import type { BriefVersion, BriefView } from './types';
import { safeHref } from './safe-link';
import { MERGE_LIMITS } from './merge-rules';

/** The languages a brief exists in: the original, then each translation once. */
function versionsOf(row: BriefRow): BriefVersion[] {
  const b = row.record;
  const out: BriefVersion[] = [{ lang: b.lang, title: b.title, url: safeHref(b.url) }];
  for (const tr of b.translations ?? []) {
    if (out.length === MERGE_LIMITS.briefVersions) break;
    if (out.some((v) => v.lang.toLowerCase() === tr.lang.toLowerCase())) continue;
    out.push({ lang: tr.lang, title: tr.title ?? b.title, url: safeHref(tr.url) });
  }
  return out;
}

/** The version in the reader's language, by the same rule as any localized text. */
function preferredVersion(versions: BriefVersion[], languages: readonly string[]): BriefVersion {
  const linked = versions.filter((v) => v.url);
  const byLang = Object.fromEntries(linked.map((v) => [v.lang, v.lang]));
  const picked = pickLocalized(byLang, languages);
  return linked.find((v) => v.lang === picked?.lang) ?? versions[0]!;
}

const time = (date: string) => {
  const ms = Date.parse(date);
  return Number.isFinite(ms) ? ms : -Infinity;
};

/**
 * Briefs as a card lists them: newest first, and one entry for a brief that several
 * packs carry (the same address, compared as pages are). `seen` carries the addresses
 * already listed, across calls.
 */
export function shapeBriefs(
  rows: BriefRow[],
  packs: Map<number, PackRow>,
  languages: readonly string[],
  seen = new Set<string>(),
): BriefView[] {
  const sorted = [...rows].sort(
    (a, b) =>
      time(b.record.published) - time(a.record.published) ||
      a.record.title.localeCompare(b.record.title) ||
      a.sub - b.sub ||
      a.id.localeCompare(b.id),
  );
  const out: BriefView[] = [];
  for (const row of sorted) {
    const same = normalizeUrl(row.record.url) ?? refKey(row.sub, row.id);
    if (seen.has(same)) continue;
    seen.add(same);
    const pack = packs.get(row.sub);
    const versions = versionsOf(row);
    out.push({
      key: refKey(row.sub, row.id),
      open: preferredVersion(versions, languages),
      versions,
      publisher: row.record.publisher ?? pack?.publisher?.name,
      published: row.record.published,
      authors: (row.record.authors ?? []).slice(0, MERGE_LIMITS.briefAuthors),
      summary: row.record.summary,
      pack: pack?.title ?? pack?.pack ?? '',
    });
  }
  return out;
}
