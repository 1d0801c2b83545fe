/**
 * A pack imported from a file has no publisher to update it from. Its subscription row
 * carries a `file:` address named after the pack, which sync knows to leave alone and
 * which cannot collide with a real subscription (those are http(s) only).
 */
const PREFIX = 'file:///gloss-local/';

export const localPackUrl = (pack: string) => `${PREFIX}${pack}`;

export const isLocalPackUrl = (url: string) => url.startsWith(PREFIX);
