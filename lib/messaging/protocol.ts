/**
 * The one message protocol of Gloss: a map of calls per direction. Each call has
 * typed arguments and a typed answer, and every answer travels as a Result.
 */
import type { MatchRequest, MatchResponse } from '../annotate/annotator';
import type { CardData, CitingAnswer } from '../card/types';
import type { PackStatus } from '../sync/status';
import type { ReaderUiCalls, TabCalls } from './reader-calls';
import type { ReaderDataContentCalls, ReaderDataUiCalls } from './reader-data-calls';

export interface HelloAnswer {
  /** The extension's version, from the manifest. */
  version: string;
  /** Whether Gloss should annotate this page. */
  enabled: boolean;
  /** Injected once at the reader's request, on a site Gloss does not otherwise run on. */
  oneOff?: boolean;
}

/** Calls a content script makes to the background. */
export interface ContentCalls extends ReaderDataContentCalls {
  hello(args: { url: string }): HelloAnswer;
  /** Finds the mentions in blocks of page text. */
  match(args: MatchRequest): MatchResponse;
  /** A hover card's content, in the reader's languages; null when the entity is gone. */
  card(args: { key: string; languages: string[] }): CardData | null;
  /** The briefs citing the page at any of its addresses (canonical, location). */
  citing(args: { urls: string[]; languages: string[] }): CitingAnswer | null;
  /** How many entities the page mentions, for the toolbar badge of the sender's tab. */
  pageEntities(args: { count: number }): null;
}

/** What the background relays to a tab's content script: the keyboard commands. */
export interface CommandTabCalls {
  /** Step to the next (1) or previous (-1) mention and open its card. */
  step(args: { direction: 1 | -1 }): null;
}

/** A pack added, or the question whether to replace the key it is pinned to (fingerprints). */
export type AddPackAnswer = { added: PackStatus } | { keyConflict: { sub: number; pinned: string; offered: string } };

/** Calls the extension's own pages (popup, options) make to the background. */
export interface UiCalls extends ReaderUiCalls, ReaderDataUiCalls {
  hello(args: Record<string, never>): HelloAnswer;
  listPacks(args: Record<string, never>): PackStatus[];
  /** Subscribes (or re-adds, pinning the key given); a different pinned key is not replaced without `replaceKey`. */
  addPack(args: { url: string; publicKey?: string; replaceKey?: boolean }): AddPackAnswer;
  removePack(args: { sub: number }): null;
  syncPack(args: { sub: number }): PackStatus;
  /** The options page changed the knowledge base itself (an import): the background reads it again. */
  knowledgeChanged(args: Record<string, never>): null;
}

export type Channel = 'content' | 'ui' | 'tab';
export type CallsOf<C extends Channel> = C extends 'content' ? ContentCalls : C extends 'ui' ? UiCalls : TabCalls & CommandTabCalls;

export type CallName<C extends Channel> = keyof CallsOf<C> & string;
export type ArgsOf<C extends Channel, N extends CallName<C>> = CallsOf<C>[N] extends (
  args: infer A,
) => unknown
  ? A
  : never;
export type AnswerOf<C extends Channel, N extends CallName<C>> = CallsOf<C>[N] extends (
  ...args: never[]
) => infer R
  ? R
  : never;

/** What goes over runtime.sendMessage. The tag keeps other messages out. */
export interface Envelope {
  gloss: 1;
  channel: Channel;
  call: string;
  args: unknown;
}

export function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<Envelope>;
  return m.gloss === 1 && (m.channel === 'content' || m.channel === 'ui' || m.channel === 'tab') && typeof m.call === 'string';
}
