import { calendarFor } from '../metrics/calendar';

/**
 * Amazon's instants, converted to UTC epoch milliseconds (metrics-spec §1).
 *
 * - Seller Central's page JSON gives epoch SECONDS as floats (`1.637222399E9`, `1.636992286776E9`).
 *   A number above 1e11 is taken as milliseconds instead: 1e11 seconds is the year 5138, so the two
 *   ranges cannot be confused, and a capture that already holds milliseconds is read right.
 * - The SP-API gives ISO 8601 strings, sometimes without seconds (`2020-11-19T23:59Z`).
 * - Flat files give ISO strings with an offset, and in older files none: those are read in the
 *   marketplace's time zone (`localToEpochMs`, with the engine's zone offsets: lib/metrics/calendar.ts).
 */

const MS_THRESHOLD = 1e11;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

export interface IsoParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Offset east of UTC in minutes; undefined when the string names no zone. */
  offsetMinutes?: number;
  hasTime: boolean;
}

export function parseIsoParts(text: string): IsoParts | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const parts: IsoParts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    ms: frac ? Math.round(Number(`0.${frac}`) * 1000) : 0,
    hasTime: h !== undefined,
  };
  if (zone) parts.offsetMinutes = zoneOffsetMinutes(zone);
  return isValidParts(parts) ? parts : undefined;
}

function zoneOffsetMinutes(zone: string): number {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

function isValidParts(p: IsoParts): boolean {
  // Date.UTC rolls 2021-02-30 over to March: reject instead of silently moving the day.
  const probe = new Date(Date.UTC(p.year, p.month - 1, p.day));
  return (
    probe.getUTCFullYear() === p.year && probe.getUTCMonth() === p.month - 1 && probe.getUTCDate() === p.day && p.hour < 24 && p.minute < 60 && p.second < 61
  );
}

/**
 * A wall-clock time in a time zone → epoch ms (`Intl`, not fixed offsets: metrics-spec §1).
 * Two passes settle the offset across a DST change.
 */
export function localToEpochMs(p: Omit<IsoParts, 'offsetMinutes' | 'hasTime'>, timeZone: string): number {
  const calendar = calendarFor(timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms);
  const guess = wall - calendar.offsetAt(wall);
  return wall - calendar.offsetAt(guess);
}

/** An ISO string with a zone designator → epoch ms; undefined when it has none or is not ISO. */
export function isoToEpochMs(text: string): number | undefined {
  const p = parseIsoParts(text);
  if (!p || p.offsetMinutes === undefined || !p.hasTime) return undefined;
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms) - p.offsetMinutes * 60_000;
}

/** Epoch seconds (float) or milliseconds, or an ISO string with a zone → epoch ms. */
export function toEpochMs(value: number | string): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    return Math.round(value < MS_THRESHOLD ? value * 1000 : value);
  }
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?(e\d+)?$/i.test(trimmed)) return toEpochMs(Number(trimmed));
  return isoToEpochMs(trimmed);
}

/**
 * A flat-file instant. With a zone designator it is exact; without one it is wall-clock time in the
 * marketplace's zone. A date alone means the start of that day, or its last millisecond when
 * `dateOnly` is `'end'` (a promise date given as a day is met until the day is over).
 */
export function flatInstantToEpochMs(text: string, timeZone: string, dateOnly: 'start' | 'end' = 'start'): number | undefined {
  const p = parseIsoParts(text);
  if (!p) return undefined;
  if (p.offsetMinutes !== undefined && p.hasTime) return isoToEpochMs(text);
  if (!p.hasTime && dateOnly === 'end') return localToEpochMs({ ...p, day: p.day + 1 }, timeZone) - 1;
  return localToEpochMs(p, timeZone);
}
