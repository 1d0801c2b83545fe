/**
 * Date forms of the format. Checked by hand rather than with `Date.parse`, which
 * accepts many forms and rolls 2023-02-30 over into March.
 */

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

/** `YYYY-MM-DD`, a real calendar day. */
export function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: events are often known only to the month or year. */
export function isPartialDate(text: string): boolean {
  if (/^\d{4}$/.test(text)) return true;
  const m = /^\d{4}-(\d{2})$/.exec(text);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12;
  return isDate(text);
}

/** RFC 3339 date-time with `Z` or a numeric offset, e.g. `2026-11-30T08:00:00Z`. */
export function isDateTime(text: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/.exec(
    text,
  );
  if (!m || !isDate(m[1] ?? '')) return false;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[5] !== 'Z' && (Number(m[6]) > 23 || Number(m[7]) > 59)) return false;
  return true;
}

/** A day or an instant: `YYYY-MM-DD` (midnight UTC) or an RFC 3339 date-time. */
export function isDayOrDateTime(text: string): boolean {
  return isDate(text) || isDateTime(text);
}

/** Milliseconds since the epoch of a day or date-time accepted above. */
export function toEpochMs(text: string): number {
  return Date.parse(isDate(text) ? `${text}T00:00:00Z` : text);
}

/**
 * Whether partial date `end` is not before `start`, compared at the precision
 * both have (`2023` vs `2023-09-13` compare as years).
 */
export function isOrdered(start: string, end: string): boolean {
  const n = Math.min(start.length, end.length);
  return start.slice(0, n) <= end.slice(0, n);
}
