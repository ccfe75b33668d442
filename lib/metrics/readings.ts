/**
 * Amazon's own readings (metrics-spec §4): the latest per metric, its window as local days and its
 * counts, read leniently (a reading may carry a rate without counts, or counts without a window).
 */
import type { AmazonReading, MetricKey } from '../model';
import { dateOfDay, DAY_MS, type LocalCalendar } from './calendar';

export interface DayRange {
  from: number;
  to: number;
}

/** A range of day indexes as local dates, as the report shows it. */
export function rangeDates(range: DayRange): { from: string; to: string } {
  return { from: dateOfDay(range.from), to: dateOfDay(range.to) };
}

/**
 * The latest reading of each metric for the marketplace. Readings observed after `asOf` are ignored,
 * so a report for a past instant shows what was known then.
 */
export function latestReadings(readings: readonly AmazonReading[], marketplaceId: string, asOf: number): Map<MetricKey, AmazonReading> {
  const latest = new Map<MetricKey, AmazonReading>();
  for (const reading of readings) {
    if (reading.marketplaceId !== marketplaceId || reading.observedAt > asOf) continue;
    const seen = latest.get(reading.metric);
    if (!seen || reading.observedAt > seen.observedAt) latest.set(reading.metric, reading);
  }
  return latest;
}

/**
 * The reading's `reportingDateRange` as local days. Amazon writes calendar dates as UTC instants
 * (`2026-08-26T00:00:00Z` … `2026-09-24T23:59:59Z`, also `…T23:59Z`) [obs]: read in the marketplace's
 * zone, 2026-08-26T00:00Z would be 08-25 in Los Angeles and the window would slip a day. So
 * [decision] a range that starts on a UTC midnight is read as UTC dates (an end on an exact UTC
 * midnight is taken as exclusive); any other range is read as instants in the marketplace's zone.
 */
export function readingWindowDays(reading: Pick<AmazonReading, 'windowFrom' | 'windowTo'>, calendar: LocalCalendar): DayRange | null {
  const { windowFrom, windowTo } = reading;
  if (windowFrom === undefined || windowTo === undefined || windowTo < windowFrom) return null;
  if (windowFrom % DAY_MS === 0) {
    const from = windowFrom / DAY_MS;
    const to = windowTo % DAY_MS === 0 && windowTo > windowFrom ? windowTo / DAY_MS - 1 : Math.floor(windowTo / DAY_MS);
    return { from, to };
  }
  return { from: calendar.dayOf(windowFrom), to: calendar.dayOf(windowTo) };
}

/**
 * Numerator and denominator of a reading, or null without a denominator (nothing to anchor on).
 * A numerator that is missing is derived from the rate (Amazon's ODR gives `orderCount` and `rate`).
 */
export function readingCounts(reading: AmazonReading): { num: number; den: number } | null {
  const den = reading.denominator;
  if (den === undefined) return null;
  const num = reading.numerator ?? (reading.rate !== undefined ? Math.round(reading.rate * den) : undefined);
  if (num === undefined) return null;
  return { num: Math.min(num, den), den };
}
