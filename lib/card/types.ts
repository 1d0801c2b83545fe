import type { EntityKind, When } from '../pack/types';

/** A text picked from a localized field, with the language it is in (for `lang` attributes). */
export interface TextView {
  text: string;
  lang: string;
}

/** An entity a card names (a participant or a related entity): a link that turns the card. */
export interface EntityLink {
  key: string;
  name: TextView;
  kind: EntityKind;
}

export interface FactView {
  label: TextView;
  value: TextView;
}

/** An outside link; `url` is always http(s). */
export interface LinkView {
  title: string;
  url: string;
}

/** One language a brief exists in. */
export interface BriefVersion {
  lang: string;
  title: string;
  /** Absent when the pack's address for it is not an http(s) link. */
  url?: string;
}

export interface BriefView {
  /** `sub:id`. */
  key: string;
  /** The version to open: the reader's preferred language among those the brief exists in. */
  open: BriefVersion;
  /** The original first, then each translation once. */
  versions: BriefVersion[];
  /** Who published the brief: its own `publisher`, else the pack's. */
  publisher?: string;
  published: string;
  authors: string[];
  summary?: string;
  /** The title of the pack it came from. */
  pack: string;
}

/** One pack's briefs on a card, under that pack's name. */
export interface BriefGroup {
  sub: number;
  /** The pack's title. */
  pack: string;
  /** Built in, or signed by the key the reader pinned. */
  trusted: boolean;
  /** Newest first, at most MERGE_LIMITS.briefsPerPack; the card shows the first few at once. */
  briefs: BriefView[];
  /** How many briefs of this pack are about the entity, listed or not. */
  total: number;
}

/** A pack the card's content came from, and how fresh it is. */
export interface SourceView {
  sub: number;
  title: string;
  publisher?: string;
  version?: number;
  /** When the held version was released. */
  published?: string;
  /** Past its `expires`: the publisher no longer refreshes it. */
  stale: boolean;
}

/** Everything a hover card shows, with every string already chosen for the reader. */
export interface CardData {
  key: string;
  kind: EntityKind;
  name: TextView;
  description?: TextView;
  summary?: TextView;
  facts: FactView[];
  when?: When;
  where?: TextView;
  participants: EntityLink[];
  related: EntityLink[];
  links: LinkView[];
  /** Each pack's briefs, the packs in the order of MERGE rules (lib/card/merge-rules.ts). */
  briefGroups: BriefGroup[];
  sources: SourceView[];
}

/** What the cited-page notice shows. */
export interface CitingAnswer {
  /** The page's address in the form it matched (see normalizeUrl); the key for dismissals. */
  page: string;
  briefs: BriefView[];
}
