/**
 * One Wikidata item → a draft Gloss entity. Claims are simplified with wikibase-sdk; what names
 * other items (facts, related, participants, place) stays as Q-ids until `finish` knows which
 * items the pack holds and what their labels are.
 */
import { getSitelinkUrl, simplifyClaims, type Site } from 'wikibase-sdk';
import type { Alias, Entity, EntityKind, Fact, Link, LocalizedString, When } from '../../lib/pack/types';
import { kindOf } from './kinds';
import type { RawItem } from './raw';
import { FACT_LABELS, pick, SINCE, WIKIPEDIA_TITLE, type FactName } from './words';

interface FactRef {
  name: FactName;
  q: string;
  since?: string;
}

export interface Draft {
  q: string;
  kind: EntityKind;
  /** The entity without id, facts, place and references. */
  entity: Omit<Entity, 'id'>;
  facts: FactRef[];
  related: string[];
  participants: string[];
  where: string[];
}

export type ReadItem = { draft: Draft } | { skipped: string };

type Simple = { value: unknown; qualifiers?: Record<string, unknown[]> };

function values(claims: Record<string, Simple[]>, p: string): Simple[] {
  return claims[p] ?? [];
}

function items(claims: Record<string, Simple[]>, p: string): string[] {
  return values(claims, p)
    .map((c) => c.value)
    .filter((v): v is string => typeof v === 'string' && /^Q\d+$/.test(v));
}

/** `simple-day` gives YYYY, YYYY-MM or YYYY-MM-DD by precision, as the format wants. */
function day(v: unknown): string | undefined {
  return typeof v === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) ? v : undefined;
}

/** The family name in a label written given names first: `Vladimir Putin` → `Putin`. */
function surnameOf(label: string): string | undefined {
  // Russian labels are sometimes written "Surname, Given Names".
  if (label.includes(', ')) return label.slice(0, label.indexOf(', '));
  const parts = label.split(/\s+/);
  return parts.length > 1 ? parts[parts.length - 1] : undefined;
}

/** Names whose family name comes first (East Asian order): the surname is the first word. */
const FAMILY_FIRST = new Set(['Q423', 'Q884', 'Q148', 'Q865']); // North Korea, South Korea, China, Taiwan

export function readItem(raw: RawItem, languages: readonly string[]): ReadItem {
  const claims = simplifyClaims(raw.claims ?? {}, { keepQualifiers: true, timeConverter: 'simple-day' }) as unknown as Record<string, Simple[]>;
  const instanceOf = items(claims, 'P31');
  const kind = kindOf(instanceOf);
  if (!kind) return { skipped: `${raw.id}: its classes (instance of ${instanceOf.join(', ') || 'nothing'}) map to no Gloss kind` };

  const name: LocalizedString = {};
  const description: LocalizedString = {};
  const aliases: Alias[] = [];
  for (const lang of languages) {
    const label = raw.labels?.[lang]?.value;
    if (label) name[lang] = label;
    const d = raw.descriptions?.[lang]?.value;
    if (d) description[lang] = d;
  }
  if (Object.keys(name).length === 0) return { skipped: `${raw.id}: it has no label in ${languages.join(', ')}` };
  const names = new Set(Object.values(name).map((n) => n.toLocaleLowerCase()));
  const seen = new Set<string>();
  const add = (a: Alias) => {
    const key = `${a.lang}\u0000${a.text.toLocaleLowerCase()}`;
    if (seen.has(key) || names.has(a.text.toLocaleLowerCase())) return;
    seen.add(key);
    aliases.push(a);
  };
  for (const lang of languages) {
    for (const a of raw.aliases?.[lang] ?? []) if (a.value.trim()) add({ text: a.value.trim(), lang });
  }
  if (kind === 'person') {
    const familyFirst = items(claims, 'P27').some((c) => FAMILY_FIRST.has(c));
    for (const lang of languages) {
      const label = name[lang];
      if (!label) continue;
      const surname = familyFirst && !label.includes(', ') ? label.split(/\s+/)[0] : surnameOf(label);
      if (surname && surname !== label && [...surname].length > 2) add({ text: surname, lang, afterFull: true });
    }
  }

  const entity: Omit<Entity, 'id'> = { kind, name };
  if (aliases.length > 0) entity.aliases = aliases;
  if (Object.keys(description).length > 0) entity.description = description;
  if (kind === 'event' || kind === 'agreement') {
    const point = day(values(claims, 'P585')[0]?.value);
    const start = day(values(claims, 'P580')[0]?.value) ?? point ?? day(values(claims, 'P571')[0]?.value);
    const end = day(values(claims, 'P582')[0]?.value) ?? point;
    const when: When = {};
    if (start) when.start = start;
    if (end) when.end = end;
    if (when.start || when.end) entity.when = when;
  }
  entity.sameAs = [`wikidata:${raw.id}`];
  const links: Link[] = [];
  for (const lang of languages) {
    const site = `${lang}wiki` as Site;
    const title = raw.sitelinks?.[site]?.title;
    if (!title) continue;
    const link: Link = { url: getSitelinkUrl({ site, title }) };
    const words = WIKIPEDIA_TITLE[lang];
    if (words) link.title = pick(words, languages);
    links.push(link);
  }
  if (links.length > 0) entity.links = links;

  const facts: FactRef[] = [];
  for (const c of values(claims, 'P39')) {
    // Current offices only: an office with an end date is history, not a fact for the card.
    if (typeof c.value !== 'string' || c.qualifiers?.P582?.length) continue;
    const since = day(c.qualifiers?.P580?.[0]);
    facts.push({ name: 'office', q: c.value, ...(since ? { since } : {}) });
  }
  for (const q of items(claims, 'P102').slice(-1)) facts.push({ name: 'party', q });
  const countries = kind === 'person' ? items(claims, 'P27') : kind === 'place' ? items(claims, 'P17') : [];
  for (const q of countries) facts.push({ name: 'country', q });
  for (const q of kind === 'state' ? items(claims, 'P36') : []) facts.push({ name: 'capital', q });

  const related = ['P17', 'P27', 'P102', 'P36', 'P1376', 'P463', 'P6', 'P35', 'P1001'].flatMap((p) => items(claims, p));
  const participants = kind === 'event' || kind === 'agreement' ? [...items(claims, 'P710'), ...items(claims, 'P1891')] : [];
  const where = kind === 'event' ? [...items(claims, 'P276'), ...items(claims, 'P17')] : [];
  return { draft: { q: raw.id, kind, entity, facts, related, participants, where } };
}

/** Ids the draft's facts and place name, for fetching their labels. */
export function namedItems(d: Draft): string[] {
  return [...d.facts.map((f) => f.q), ...d.where];
}

export interface Finished {
  entity: Entity;
  /** Facts left out because their value's label is not known. */
  unlabelled: number;
}

export function finish(
  d: Draft,
  id: string,
  idOfQ: ReadonlyMap<string, string>,
  labels: ReadonlyMap<string, LocalizedString>,
  languages: readonly string[],
): Finished {
  const e: Entity = { id, ...d.entity };
  let unlabelled = 0;
  const facts: Fact[] = [];
  for (const f of d.facts) {
    const label = labels.get(f.q);
    if (!label) {
      unlabelled++;
      continue;
    }
    const value: LocalizedString = {};
    for (const l of languages) {
      const text = label[l];
      if (!text) continue;
      const since = SINCE[l] ?? SINCE.en!;
      value[l] = f.since ? since(text, f.since) : text;
    }
    if (Object.keys(value).length > 0) facts.push({ label: pick(FACT_LABELS[f.name], languages), value });
  }
  if (facts.length > 0) e.facts = facts;
  const where = d.where.map((q) => labels.get(q)).find((l) => l !== undefined);
  if (where) e.where = pick(where, languages);
  const inPack = (qs: string[]) => [...new Set(qs.map((q) => idOfQ.get(q)).filter((x): x is string => x !== undefined && x !== id))];
  const participants = inPack(d.participants);
  const related = inPack(d.related).filter((r) => !participants.includes(r));
  // Keys in the format's usual order: the written files read like hand-written ones.
  const ordered: Entity = { id: e.id, kind: e.kind, name: e.name };
  if (e.aliases) ordered.aliases = e.aliases;
  if (e.description) ordered.description = e.description;
  if (e.facts) ordered.facts = e.facts;
  if (e.when) ordered.when = e.when;
  if (e.where) ordered.where = e.where;
  if (participants.length > 0) ordered.participants = participants;
  if (related.length > 0) ordered.related = related;
  ordered.sameAs = e.sameAs!;
  if (e.links) ordered.links = e.links;
  return { entity: ordered, unlabelled };
}
