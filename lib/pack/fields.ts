/**
 * Schemas of single fields, shared by records and files. Every message is
 * written to follow "<file>: <record>: <field>: " (see issues.ts), and the
 * offending value is appended there, so messages here do not repeat it.
 */
import * as v from 'valibot';
import { decodeBase64 } from './bytes';
import { isDayOrDateTime, isPartialDate } from './dates';
import { httpUrlProblem } from './http-url';
import { MAX_CHARS, MAX_ITEMS } from './limits';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,127}$/;
export const PACK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** BCP 47 in its common shape (`en`, `pt-BR`, `zh-Hant-TW`); full grammar is not needed to pick a text. */
export const LANG_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
/** `prefix:value`, e.g. `wikidata:Q1234567`. */
export const SAME_AS_PATTERN = /^[a-z][a-z0-9-]*:\S+$/;

/**
 * Refuses a list where an object belongs; `v.object` and `v.record` alone
 * accept arrays, which would then surface as confusing missing-field errors.
 */
export function notList<T extends v.GenericSchema>(schema: T) {
  return v.pipe(
    v.unknown(),
    v.check((x) => !Array.isArray(x), 'must be an object, not a list'),
    schema,
  );
}

/** An object of known fields; unknown fields are dropped, not refused. */
export function object<const E extends v.ObjectEntries>(entries: E) {
  return notList(v.object(entries, 'must be an object'));
}

export const recordId = v.pipe(
  v.string('must be text'),
  v.regex(
    ID_PATTERN,
    'must be 1 to 128 lowercase letters (a-z), digits and hyphens, not starting with a hyphen',
  ),
);

export const packId = v.pipe(
  v.string('must be text'),
  v.regex(
    PACK_ID_PATTERN,
    'must be 1 to 64 lowercase letters (a-z), digits and hyphens, not starting with a hyphen',
  ),
);

export const lang = v.pipe(
  v.string('must be a language code such as "en"'),
  v.maxLength(MAX_CHARS.lang, `is too long for a language code`),
  v.regex(LANG_PATTERN, 'is not a language code such as "en" or "pt-BR"'),
);

/** Visible text: not blank, bounded. */
export function text(max: number) {
  return v.pipe(
    v.string('must be text'),
    v.check((s) => s.trim() !== '', 'must not be empty'),
    v.maxLength(max, `is too long (at most ${max} characters)`),
  );
}

/** A localized string; `required` also demands at least one language. */
export function localized(max: number, required = false) {
  const base = v.record(
    v.pipe(v.string(), v.regex(LANG_PATTERN, 'has a key that is not a language code')),
    text(max),
    'must be an object from language code to text, such as {"en": "..."}',
  );
  return v.pipe(
    notList(base),
    v.check(
      (o) => Object.keys(o).length <= MAX_ITEMS.languages,
      `has too many languages (at most ${MAX_ITEMS.languages})`,
    ),
    v.check(
      (o) => !required || Object.keys(o).length > 0,
      'needs text in at least one language',
    ),
  );
}

export const httpUrl = v.pipe(
  v.string('must be a URL'),
  v.check(
    (s) => httpUrlProblem(s) === null,
    (issue) => httpUrlProblem(String(issue.input)) ?? 'is not a valid link',
  ),
);

/** An https link only: a reader's report about a page must not travel in clear text. */
export const httpsUrl = v.pipe(
  httpUrl,
  v.check((s) => s.startsWith('https://'), 'must be an https address'),
);

export const dayOrDateTime = v.pipe(
  v.string('must be a date such as "2023-10-30"'),
  v.check(
    isDayOrDateTime,
    'is not a date (YYYY-MM-DD) or a date-time with a time zone (2026-11-30T08:00:00Z)',
  ),
);

export const partialDate = v.pipe(
  v.string('must be a date such as "2023-09-13"'),
  v.check(isPartialDate, 'is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD'),
);

export const positiveInt = v.pipe(
  v.number('must be a number'),
  v.safeInteger('must be a whole number'),
  v.minValue(1, 'must be 1 or more'),
);

export const flag = v.boolean('must be true or false');

/** A bounded list. */
export function list<T extends v.GenericSchema>(item: T, max: number) {
  return v.pipe(
    v.array(item, 'must be a list'),
    v.maxLength(max, `has too many items (at most ${max})`),
  );
}

export const idList = list(recordId, MAX_ITEMS.references);

/** An Ed25519 public key as readers pin it: base64 of the raw 32 bytes. */
export function isPublicKeyText(s: string): boolean {
  return s.length <= 64 && decodeBase64(s)?.length === 32;
}

export const publicKeyText = v.pipe(
  v.string('must be a public key'),
  v.check(isPublicKeyText, 'must be an Ed25519 public key: base64 of 32 bytes'),
);
