/**
 * Schemas of the two records, entity and brief. Unknown fields are dropped by
 * `v.object`, so a newer publisher tool does not lock out older clients.
 */
import * as v from 'valibot';
import { isOrdered } from './dates';
import {
  object,
  dayOrDateTime,
  flag,
  httpUrl,
  idList,
  lang,
  list,
  localized,
  partialDate,
  recordId,
  text,
  SAME_AS_PATTERN,
} from './fields';
import { MAX_CHARS, MAX_ITEMS, MAX_STEM } from './limits';
import { ENTITY_KINDS, type Brief, type Entity } from './types';

const alias = object(
  {
    text: v.pipe(
      text(MAX_CHARS.alias),
      // An alias of punctuation alone would match on every page.
      v.check((s) => /[\p{L}\p{N}]/u.test(s), 'must contain a letter or digit'),
    ),
    lang: v.optional(lang),
    caseSensitive: v.optional(flag),
    afterFull: v.optional(flag),
    needsContext: v.optional(flag),
    stem: v.optional(
      v.pipe(
        v.number('must be a number'),
        v.integer('must be a whole number'),
        v.minValue(0, 'must be 0 or more'),
        v.maxValue(MAX_STEM, `must be at most ${MAX_STEM}`),
      ),
    ),
  });

const fact = object(
  { label: localized(MAX_CHARS.factLabel), value: localized(MAX_CHARS.factValue) });

const link = object(
  { title: v.optional(localized(MAX_CHARS.linkTitle)), url: httpUrl });

const when = v.pipe(
  object({ start: v.optional(partialDate), end: v.optional(partialDate) }),
  v.forward(
    v.check(
      (w) => w.start === undefined || w.end === undefined || isOrdered(w.start, w.end),
      'is before the start',
    ),
    ['end'],
  ),
);

const sameAs = v.pipe(
  v.string('must be text'),
  v.maxLength(MAX_CHARS.sameAs, `is too long (at most ${MAX_CHARS.sameAs} characters)`),
  v.regex(SAME_AS_PATTERN, 'must look like "prefix:identifier", e.g. "wikidata:Q1234567"'),
);

export const entitySchema = object(
  {
    id: recordId,
    kind: v.picklist(ENTITY_KINDS, `must be one of ${ENTITY_KINDS.join(', ')}`),
    name: localized(MAX_CHARS.name, true),
    aliases: v.optional(list(alias, MAX_ITEMS.aliases)),
    description: v.optional(localized(MAX_CHARS.description)),
    summary: v.optional(localized(MAX_CHARS.summary)),
    facts: v.optional(list(fact, MAX_ITEMS.facts)),
    when: v.optional(when),
    where: v.optional(localized(MAX_CHARS.where)),
    participants: v.optional(idList),
    related: v.optional(idList),
    sameAs: v.optional(list(sameAs, MAX_ITEMS.sameAs)),
    links: v.optional(list(link, MAX_ITEMS.links)),
    updated: v.optional(dayOrDateTime),
  });

const translation = object(
  { lang, title: v.optional(text(MAX_CHARS.title)), url: httpUrl });

export const briefSchema = object(
  {
    id: recordId,
    title: text(MAX_CHARS.title),
    url: httpUrl,
    lang,
    published: dayOrDateTime,
    authors: v.optional(list(text(MAX_CHARS.author), MAX_ITEMS.authors)),
    publisher: v.optional(text(MAX_CHARS.author)),
    summary: v.optional(text(MAX_CHARS.summary)),
    about: v.optional(idList),
    cites: v.optional(list(httpUrl, MAX_ITEMS.cites)),
    translations: v.optional(list(translation, MAX_ITEMS.translations)),
  });

// Compile-time guard: the schemas produce exactly the public types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type EntityMatches = Assert<Same<v.InferOutput<typeof entitySchema>, Entity>>;
type BriefMatches = Assert<Same<v.InferOutput<typeof briefSchema>, Brief>>;
