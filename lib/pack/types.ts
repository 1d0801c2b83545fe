/**
 * The shapes of `gloss-pack/1`, as the rest of Gloss sees them after parsing.
 * Optional fields are absent (never `undefined`-valued) in parsed output, except
 * where a parser fills a documented default (delta `put`/`remove`, manifest `deltas`).
 */

export const PACK_FORMAT = 'gloss-pack/1';
export type PackFormat = typeof PACK_FORMAT;

/** Language code (BCP 47) → text. Keys keep the publisher's spelling and order. */
export type LocalizedString = Record<string, string>;

export const ENTITY_KINDS = [
  'person',
  'state',
  'organization',
  'group',
  'place',
  'event',
  'agreement',
  'topic',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface Alias {
  text: string;
  /** Only match on pages in this language. */
  lang?: string;
  /** When absent, short all-capital aliases are case-sensitive (decided by the matcher). */
  caseSensitive?: boolean;
  /** Only after a full mention of the same entity earlier on the page. */
  afterFull?: boolean;
  /** How many extra letters the matched word may carry. */
  stem?: number;
  /** Only on a page that also names the entity, a related entity or a participant. */
  needsContext?: boolean;
}

export interface Fact {
  label: LocalizedString;
  value: LocalizedString;
}

export interface Link {
  /** Absent: the client shows the link's host. */
  title?: LocalizedString;
  url: string;
}

/** A date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; either end may be absent. */
export interface When {
  start?: string;
  end?: string;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: LocalizedString;
  aliases?: Alias[];
  description?: LocalizedString;
  summary?: LocalizedString;
  facts?: Fact[];
  when?: When;
  where?: LocalizedString;
  participants?: string[];
  related?: string[];
  sameAs?: string[];
  links?: Link[];
  updated?: string;
}

export interface Translation {
  lang: string;
  /** Absent: the client shows the brief's own title. */
  title?: string;
  url: string;
}

export interface Brief {
  id: string;
  title: string;
  url: string;
  lang: string;
  published: string;
  authors?: string[];
  /** Who published the brief, when it is not the pack's publisher (a pack may gather several). */
  publisher?: string;
  summary?: string;
  about?: string[];
  cites?: string[];
  translations?: Translation[];
}

export interface Publisher {
  name: string;
  url?: string;
  /**
   * An https address where readers may tell the publisher that a name was highlighted wrongly;
   * Gloss opens it, with `entity` and `page` query parameters, only when the reader clicks.
   */
  feedback?: string;
}

/** Where a file is and what it must be: the manifest's promise about it. */
export interface FileEntry {
  path: string;
  /** Lowercase hex. */
  sha256: string;
  bytes: number;
}

export interface DeltaEntry extends FileEntry {
  from: number;
}

export interface Manifest {
  format: PackFormat;
  pack: string;
  title: string;
  publisher?: Publisher;
  version: number;
  published: string;
  expires?: string;
  snapshot: FileEntry;
  /** Empty when the manifest lists none. */
  deltas: DeltaEntry[];
  /**
   * The publisher's next public key (base64, 32 bytes). Readers who pinned the key that
   * signed this manifest move their pin to it once a manifest signed by it arrives.
   */
  nextKey?: string;
}

/** The records of a pack, without its envelope. */
export interface PackRecords {
  entities: Entity[];
  briefs: Brief[];
}

export interface Snapshot extends PackRecords {
  format: PackFormat;
  pack: string;
  version: number;
}

export interface RemovedIds {
  entities: string[];
  briefs: string[];
}

export interface Delta {
  format: PackFormat;
  pack: string;
  from: number;
  version: number;
  /** Both lists present, possibly empty. */
  put: PackRecords;
  remove: RemovedIds;
}

/** What describes a pack apart from its records and version. */
export interface PackMeta {
  pack: string;
  title: string;
  publisher?: Publisher;
  /** Announced in pack.json for key rotation (see Manifest.nextKey). */
  nextKey?: string;
}
