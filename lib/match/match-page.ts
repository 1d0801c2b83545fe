import { isCapitalsOnly, pageNames, resolveHeld } from './context';
import { matchBlock } from './find';
import type { HeldMatch, Match, Matcher } from './types';

/**
 * Every mention that counts on a page of blocks, in one go: each block matched in order (so
 * `afterFull` forms unlock), then the held `needsContext` mentions resolved against the whole
 * page. What the content script and the background do together, for tools and tests in Node.
 */
export function matchPage(matcher: Matcher, blocks: readonly string[], lang: string): (Match | HeldMatch)[][] {
  const unlocked = new Set<string>();
  const found = blocks.map((text) => {
    const held: HeldMatch[] = [];
    return { text, free: matchBlock(matcher, text, { lang, unlocked, held }), held };
  });
  const names = pageNames(found.map((b) => ({ keys: b.free.map((m) => m.key), capitalsOnly: isCapitalsOnly(b.text) })));
  return found.map(({ free, held }) => [...free, ...resolveHeld(held, names)].sort((a, b) => a.start - b.start));
}
