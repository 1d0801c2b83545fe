/**
 * Pack text set into a sentence of Gloss's own (`From $1`) is wrapped in first-strong
 * isolate marks (U+2068 … U+2069), so right-to-left text, or a bidirectional override a pack
 * slipped in, stays inside its own run and cannot reorder the words around it.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
