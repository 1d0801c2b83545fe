/** Matching aliases in page text (docs/pack-format.md, "Matching"). Pure: no DOM, no browser APIs. */
export { fold } from './fold';
export { pageLanguage, langMatches, primarySubtag } from './language';
export { compileMatcher } from './compile';
export { matchBlock } from './find';
export { serializeMatcher, deserializeMatcher, serializedByteLength } from './serialize';
export type { AliasSpec, MatcherEntry, Match, MatchOptions, Matcher, SerializedMatcher } from './types';
export { pageNames, resolveHeld, isCapitalsOnly, type PageNames, type NamedBlock } from './context';
export type { HeldMatch } from './types';
export { matchPage } from './match-page';
