import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An empty language pack for Firefox, so it can be told to run in `locale`: Debian's
 * Firefox ships English only, and Firefox picks an interface language (and with it the
 * extension's messages) only among the languages it has. The pack holds no strings of
 * its own; Firefox falls back to English for its own interface, which no test reads.
 */
export function emptyLangpack(locale: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gloss-langpack-${locale}-`));
  mkdirSync(join(dir, 'browser'));
  const manifest = {
    manifest_version: 2,
    name: `Language: ${locale} (test)`,
    version: '1.0',
    langpack_id: locale,
    browser_specific_settings: { gecko: { id: `langpack-${locale}@firefox.mozilla.org`, strict_min_version: '128.0', strict_max_version: '*' } },
    languages: { [locale]: { chrome_resources: {}, version: '20260101000000' } },
    sources: { browser: { base_path: 'browser/' } },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/** The preferences that let Firefox take the unsigned pack above and run in its language. */
export const localePrefs = (locale: string) => ({
  'intl.locale.requested': locale,
  'extensions.langpacks.signatures.required': false,
});
