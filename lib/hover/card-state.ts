import type { CardData, CitingAnswer } from '../card/types';

export type CardMode = 'hover' | 'keyboard' | 'touch';

/** The page's link around a tapped name: the card offers to follow it (lib/hover/tap-controller.ts). */
export interface LinkOut {
  href: string;
  follow(): void;
}

/** The card on screen. */
export interface OpenCard {
  /** The mention the card stands by. */
  anchor: Range;
  mode: CardMode;
  /** Where the pointer (or the finger) was when it opened (null from the keyboard). */
  pointer: { x: number; y: number } | null;
  /** A tapped name inside a link: the link the first tap held back. */
  link?: LinkOut | null;
  /** Keys of the entities shown, the current one last: related entities turn the card. */
  trail: string[];
  /** Undefined while it loads; null when the knowledge base no longer has the entity. */
  data: CardData | null | undefined;
  failed: boolean;
  /** When it was asked for (the hover delay ended, the key was pressed, the name was tapped); NaN while prepared. */
  openedAt: number;
  /** Stays the same from preparing to showing, so the drawn card is kept, not drawn again. */
  id: number;
}

/** What the live region says after a step through the mentions. */
export type Announcement =
  | { kind: 'mention'; name: string; entityKind: string; position: number; total: number }
  | { kind: 'none' }
  /** The page is cited by briefs: said at once, since the notice itself is not focused. */
  | { kind: 'cited'; titles: string[] }
  /** Words from the card that must outlive it ("Not this" closes the card with its highlight). */
  | { kind: 'said'; text: string };

/** Everything Gloss shows on a page, besides the highlights. */
export interface PageCardsState {
  card: OpenCard | null;
  /**
   * The card of the mention the pointer rests on, drawn and placed but not shown while
   * the hover delay runs: when the delay ends, showing it is one style change.
   */
  next?: OpenCard | null;
  notice: CitingAnswer | null;
  announcement: Announcement | null;
  /** Changes with each announcement, so the same words are spoken again. */
  announceId: number;
}

/** What the reader can do in Gloss's interface. */
export interface PageCardsActions {
  turnTo(key: string): void;
  back(): void;
  close(): void;
  dismissNotice(): void;
  /** The card's content was painted this long after it was asked for. */
  painted(ms: number): void;
  /** Says `text` in the page's live region, which stays when the card closes. */
  say(text: string): void;
}
