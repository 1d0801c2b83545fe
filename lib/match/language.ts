/** Page language for `lang`-restricted aliases: declared when the page says, else guessed. */

/** Primary subtag of a BCP 47 tag, lowercased: `en-US` → `en`, `tr_TR` → `tr`. */
export function primarySubtag(tag: string): string {
  const t = tag.trim().toLowerCase();
  const cut = t.search(/[-_]/);
  return cut < 0 ? t : t.slice(0, cut);
}

// How much of the sample to look at: enough letters to decide, bounded for a long page.
const SAMPLE_LIMIT = 20000;

/**
 * The page's language as a primary subtag. `htmlLang` (the `<html lang>` attribute) wins when it
 * names a language; otherwise the script of `sampleText` decides: mostly Cyrillic → `ru`, Latin
 * with enough Turkish-only letters (ğ ş ı İ) → `tr`, else `en`.
 */
export function pageLanguage(htmlLang: string | null | undefined, sampleText: string): string {
  if (htmlLang) {
    const primary = primarySubtag(htmlLang);
    // `und` is "undetermined" and `x-...`/`i-...` are private or grandfathered: not a language.
    if (/^[a-z]{2,8}$/.test(primary) && primary !== 'und') return primary;
  }
  let latin = 0;
  let cyrillic = 0;
  let turkish = 0;
  const end = Math.min(sampleText.length, SAMPLE_LIMIT);
  for (let i = 0; i < end; i++) {
    const c = sampleText.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) {
      latin++;
      // ğ Ğ ş Ş ı İ
      if (c === 0x11f || c === 0x11e || c === 0x15f || c === 0x15e || c === 0x131 || c === 0x130) turkish++;
    } else if (c >= 0x400 && c <= 0x4ff) {
      cyrillic++;
    }
  }
  if (cyrillic > latin) return 'ru';
  // A threshold, so an English article quoting "Erdoğan" stays English: in Turkish prose these
  // letters are about 8% of all letters (ı alone is about 5%).
  if (turkish > 0 && turkish * 100 >= latin * 3) return 'tr';
  return 'en';
}

/** Whether an alias restricted to `aliasLang` applies on a page in `pageLang` (no restriction: yes). */
export function langMatches(aliasLang: string | null | undefined, pageLang: string): boolean {
  if (!aliasLang) return true;
  return primarySubtag(aliasLang) === primarySubtag(pageLang);
}
