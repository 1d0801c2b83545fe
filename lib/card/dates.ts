/**
 * Pack dates in the reader's locale, at the precision they were written: `1950` stays a
 * year, `1950-06` is a month, `1950-06-25` a day. Days are read as UTC, as the format
 * says, so a reader west of Greenwich does not see the day before.
 */
export function formatDate(value: string, locale: string): string {
  const fmt = (options: Intl.DateTimeFormatOptions, ms: number) => {
    try {
      return new Intl.DateTimeFormat(locale, options).format(ms);
    } catch {
      return new Intl.DateTimeFormat('en', options).format(ms);
    }
  };
  if (/^\d{4}$/.test(value)) return value;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return fmt({ year: 'numeric', month: 'long', timeZone: 'UTC' }, Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return value;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return fmt({ dateStyle: 'medium', ...(dayOnly ? { timeZone: 'UTC' } : {}) }, ms);
}

/** A language's name in the reader's locale (`tr` → "Turkish"), or the code itself. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
