import { describe, expect, it } from 'vitest';
import { isDate, isDateTime, isOrdered, isPartialDate, toEpochMs } from '@/lib/pack/dates';

describe('dates', () => {
  it('knows the calendar', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDate('2000-02-29')).toBe(true);
    expect(isDate('1900-02-29')).toBe(false);
    expect(isDate('2023-04-31')).toBe(false);
    expect(isDate('2023-4-1')).toBe(false);
  });

  it('wants a time zone on a date-time', () => {
    expect(isDateTime('2026-11-30T08:00:00Z')).toBe(true);
    expect(isDateTime('2026-11-30T08:00+03:00')).toBe(true);
    expect(isDateTime('2026-11-30T08:00:00.123Z')).toBe(true);
    expect(isDateTime('2026-11-30T08:00:00')).toBe(false);
    expect(isDateTime('2026-11-30T24:00:00Z')).toBe(false);
    expect(isDateTime('2026-11-30 08:00:00Z')).toBe(false);
  });

  it('accepts a year or a month for events', () => {
    expect(isPartialDate('1950')).toBe(true);
    expect(isPartialDate('1950-06')).toBe(true);
    expect(isPartialDate('1950-13')).toBe(false);
    expect(isPartialDate('50')).toBe(false);
  });

  it('orders partial dates at their common precision', () => {
    expect(isOrdered('2023', '2023-09-13')).toBe(true);
    expect(isOrdered('2023-09-13', '2023-09')).toBe(true);
    expect(isOrdered('2023-09-14', '2023-09-13')).toBe(false);
  });

  it('reads a plain day as midnight UTC', () => {
    expect(toEpochMs('2027-01-30')).toBe(Date.UTC(2027, 0, 30));
    expect(toEpochMs('2027-01-30T03:00:00+03:00')).toBe(Date.UTC(2027, 0, 30));
  });
});
