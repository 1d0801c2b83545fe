import type { BriefRow, EntityRow, PackRow } from '../kb/db';
import { refKey } from '../kb/rows';
import { pickLocalized } from '../pack/localized';
import { normalizeUrl } from '../pack/normalize-url';
import type { LocalizedString } from '../pack/types';
import { shapeBriefs } from './brief-view';
import { isTrusted, MERGE_LIMITS, rankEntities, rankPacks } from './merge-rules';
import { hostOf, safeHref } from './safe-link';
import type { BriefGroup, CardData, EntityLink, FactView, LinkView, SourceView, TextView } from './types';

export interface CardInput {
  /** The key the card was asked for. */
  key: string;
  /** The entity and every entity merged with it, the asked-for one first. */
  entities: EntityRow[];
  /** Briefs about any of them. */
  briefs: BriefRow[];
  packs: PackRow[];
  /** The entities their `participants` and `related` name, from any pack. */
  refs: EntityRow[];
  /** The reader's languages, most preferred first. */
  languages: readonly string[];
  now: number;
}

/**
 * One localized text from several packs' versions of an entity: each language from the
 * first pack that has it, the asked-for entity's pack first. A reader of Russian gets
 * the Russian name even when only the second pack has one.
 */
export function mergeLocalized(texts: (LocalizedString | undefined)[]): LocalizedString | undefined {
  const out: LocalizedString = {};
  for (const ls of texts) {
    for (const [lang, text] of Object.entries(ls ?? {})) {
      if (!(lang in out) && typeof text === 'string' && text.trim() !== '') out[lang] = text;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

const pick = (ls: LocalizedString | undefined, languages: readonly string[]): TextView | undefined =>
  pickLocalized(ls, languages) ?? undefined;

const dedupeKey = (...parts: string[]) => parts.map((p) => p.trim().toLowerCase()).join('\u0000');

function facts(entities: EntityRow[], languages: readonly string[]): FactView[] {
  const seen = new Set<string>();
  const out: FactView[] = [];
  for (const fact of entities.flatMap((e) => e.record.facts ?? [])) {
    const label = pick(fact.label, languages);
    const value = pick(fact.value, languages);
    if (!label || !value) continue;
    const k = dedupeKey(label.text, value.text);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ label, value });
    if (out.length === MERGE_LIMITS.facts) break;
  }
  return out;
}

function links(entities: EntityRow[], languages: readonly string[]): LinkView[] {
  const seen = new Set<string>();
  const out: LinkView[] = [];
  for (const link of entities.flatMap((e) => e.record.links ?? [])) {
    const url = safeHref(link.url);
    if (!url) continue;
    const same = normalizeUrl(url) ?? url;
    if (seen.has(same)) continue;
    seen.add(same);
    out.push({ url, title: pick(link.title, languages)?.text ?? hostOf(url) });
    if (out.length === MERGE_LIMITS.links) break;
  }
  return out;
}

/**
 * Entities named by one field across the merged records, each once. An entity that is
 * itself part of the merge is left out, and so is one that shares a `sameAs` with an
 * entity already listed: to the reader they are the same.
 */
function entityLinks(
  entities: EntityRow[],
  field: 'participants' | 'related',
  refs: Map<string, EntityRow>,
  languages: readonly string[],
): EntityLink[] {
  const self = new Set(entities.map((e) => refKey(e.sub, e.id)));
  const selfSameAs = new Set(entities.flatMap((e) => e.sameAs));
  const listedSameAs = new Set<string>();
  const listed = new Set<string>();
  const out: EntityLink[] = [];
  for (const e of entities) {
    for (const id of e.record[field] ?? []) {
      const key = refKey(e.sub, id);
      const row = refs.get(key);
      if (!row || self.has(key) || listed.has(key)) continue;
      if (row.sameAs.some((s) => selfSameAs.has(s) || listedSameAs.has(s))) continue;
      const name = pick(mergeLocalized([row.record.name]), languages);
      if (!name) continue;
      listed.add(key);
      row.sameAs.forEach((s) => listedSameAs.add(s));
      out.push({ key, name, kind: row.record.kind });
      if (out.length === MERGE_LIMITS.entityLinks) return out;
    }
  }
  return out;
}

function sources(subs: number[], packs: Map<number, PackRow>, now: number): SourceView[] {
  const out: SourceView[] = [];
  // In the packs' rank order, which `subs` already follows.
  for (const sub of [...new Set(subs)]) {
    const p = packs.get(sub);
    if (!p) continue;
    const expires = p.expires ? Date.parse(p.expires) : NaN;
    out.push({
      sub,
      title: p.title ?? p.pack ?? p.url,
      publisher: p.publisher?.name,
      version: p.version,
      published: p.published,
      stale: Number.isFinite(expires) && expires < now,
    });
  }
  return out;
}

/**
 * Each ranked pack's briefs under its own name: newest first, a brief that a higher-ranked
 * pack carries too (the same address) listed there only, at most MERGE_LIMITS.briefsPerPack.
 */
function briefGroups(input: CardInput, order: number[], packs: Map<number, PackRow>): BriefGroup[] {
  const groups: BriefGroup[] = [];
  const seen = new Set<string>();
  for (const sub of order) {
    const rows = input.briefs.filter((b) => b.sub === sub);
    if (!rows.length) continue;
    const views = shapeBriefs(rows, packs, input.languages, seen);
    if (!views.length) continue;
    const pack = packs.get(sub)!;
    groups.push({
      sub,
      pack: pack.title ?? pack.pack ?? pack.url,
      trusted: isTrusted(pack),
      briefs: views.slice(0, MERGE_LIMITS.briefsPerPack),
      total: views.length,
    });
  }
  return groups;
}

/** The card a reader sees for a (possibly merged) entity; null when there is nothing to show. */
export function shapeCard(input: CardInput): CardData | null {
  const { languages } = input;
  const asked = input.entities[0];
  if (!asked) return null;
  const packs = new Map(input.packs.filter((p) => p.sub !== undefined).map((p) => [p.sub!, p]));
  // A pack speaks for its own records only, in its rank: see lib/card/merge-rules.ts.
  const order = rankPacks([...input.entities.map((e) => e.sub), ...input.briefs.map((b) => b.sub)], packs, asked.sub);
  const entities = rankEntities(input.entities, order);
  const first = entities[0];
  if (!first) return null;
  const field = (get: (e: EntityRow) => LocalizedString | undefined) => pick(mergeLocalized(entities.map(get)), languages);
  const name = field((e) => e.record.name);
  if (!name) return null;
  const refs = new Map(input.refs.map((r) => [refKey(r.sub, r.id), r]));
  const groups = briefGroups(input, order, packs);
  return {
    key: input.key,
    kind: first.record.kind,
    name,
    description: field((e) => e.record.description),
    summary: field((e) => e.record.summary),
    facts: facts(entities, languages),
    // Dates and place belong to one record; the asked-for one wins, else the first that has them.
    when: entities.find((e) => e.record.when)?.record.when,
    where: field((e) => e.record.where),
    participants: entityLinks(entities, 'participants', refs, languages),
    related: entityLinks(entities, 'related', refs, languages),
    links: links(entities, languages),
    briefGroups: groups,
    sources: sources([...entities.map((e) => e.sub), ...groups.map((g) => g.sub)], packs, input.now),
  };
}
