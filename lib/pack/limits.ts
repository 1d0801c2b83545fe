/**
 * Hard limits of the format. They are generous on purpose: they exist so that a
 * broken or hostile pack cannot bloat the store or the hover card, not to police
 * style (the CLI may warn far below them, e.g. a summary over ~600 characters).
 * docs/pack-format.md lists them; keep the two in step.
 */

/** Default size limit for one file, before and after decoding. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Maximum characters (UTF-16 code units) of a text field. */
export const MAX_CHARS = {
  name: 300,
  alias: 200,
  description: 500,
  summary: 2000,
  factLabel: 200,
  factValue: 1000,
  where: 300,
  linkTitle: 300,
  title: 500,
  author: 200,
  publisherName: 200,
  sameAs: 200,
  url: 2048,
  path: 512,
  lang: 35,
} as const;

/** Maximum items of a list inside one record or manifest. */
export const MAX_ITEMS = {
  aliases: 500,
  facts: 100,
  references: 1000,
  sameAs: 100,
  links: 100,
  authors: 50,
  cites: 1000,
  translations: 100,
  languages: 200,
  deltas: 1000,
} as const;

/** `stem` is a count of extra letters; more than this would match unrelated words. */
export const MAX_STEM = 8;
