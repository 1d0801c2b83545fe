// Intl objects are slow to create (the first one loads locale data), so each is made once.
const formats = new Map<string, Intl.DateTimeFormat>();
const names = new Map<string, Intl.DisplayNames | null>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      f = new Intl.DateTimeFormat('en', options);
    }
    formats.set(key, f);
  }
  return f;
}

const YEAR_MONTH: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', timeZone: 'UTC' };
const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };
const MOMENT: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/**
 * Pack dates in the reader's locale, at the precision they were written: `1950` stays a
 * year, `1950-06` is a month, `1950-06-25` a day. Days are read as UTC, as the format
 * says, so a reader west of Greenwich does not see the day before.
 */
export function formatDate(value: string, locale: string): string {
  if (/^\d{4}$/.test(value)) return value;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return dateFormat(locale, YEAR_MONTH).format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return value;
  return dateFormat(locale, /^\d{4}-\d{2}-\d{2}$/.test(value) ? DAY : MOMENT).format(ms);
}

/** A language's name in the reader's locale (`tr` → "Turkish"), or the code itself. */
export function languageName(code: string, locale: string): string {
  let dn = names.get(locale);
  if (dn === undefined) {
    try {
      dn = new Intl.DisplayNames([locale, 'en'], { type: 'language' });
    } catch {
      dn = null;
    }
    names.set(locale, dn);
  }
  try {
    return dn?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Makes the formatters a card needs ahead of time, so the first card does not wait for locale data. */
export function prepareFormats(locale: string): void {
  formatDate('2000-01-01', locale);
  formatDate('2000-01', locale);
  formatDate('2000-01-01T00:00:00Z', locale);
  languageName('en', locale);
}
