import { readFileSync } from 'node:fs';

/**
 * Gloss's one version number lives in the repository's package.json; WXT writes it into
 * the extension's manifest and the tool reports it, so a release changes one line.
 */
export const GLOSS_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
