/**
 * Calendar days in a marketplace's time zone (metrics-spec §1: a day is a local calendar day; use Intl,
 * not fixed offsets). A "day number" is the count of local days since 1970-01-01, so windows are
 * plain integer ranges.
 */
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const partFormatters = new Map<string, Intl.DateTimeFormat>();
const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function partFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, f);
  }
  return f;
}

const QUARTER_HOUR = 900_000;
const offsetCache = new Map<string, number>();

/** Local time minus UTC at instant `ms`, in ms (e.g. −28,800,000 for PST). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  // Zones change offset only on quarter hours, so one Intl call per quarter hour is enough (Intl is slow).
  const quarter = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${timeZone}|${quarter}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const p: Record<string, number> = {};
    for (const { type, value } of partFormatter(timeZone).formatToParts(quarter)) p[type] = Number(value);
    offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - quarter;
    offsetCache.set(key, offset);
  }
  return offset;
}

export function localDay(ms: number, timeZone: string): number {
  return Math.floor((ms + zoneOffsetMs(ms, timeZone)) / DAY);
}

/** The instant local day `day` begins (its midnight). */
export function startOfLocalDay(day: number, timeZone: string): number {
  const guess = day * DAY;
  const first = guess - zoneOffsetMs(guess, timeZone);
  return guess - zoneOffsetMs(first, timeZone);
}

/** 23:59:59 local on `day`: how Amazon writes ship-by and deliver-by deadlines (…2399E9 in real JSON). */
export function endOfLocalDay(day: number, timeZone: string): number {
  return startOfLocalDay(day + 1, timeZone) - 1000;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** "PST" / "PDT": what Seller Central puts in `timeZoneDetailsMap[*].shortenedTzString`. */
export function shortZoneName(ms: number, timeZone: string): string {
  let f = nameFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    nameFormatters.set(timeZone, f);
  }
  return f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'UTC';
}

/**
 * The `n`th business day (Monday–Friday) after local day `day`: Amazon auto-cancels an unconfirmed
 * order at the end of the 7th business day after its ship-by date (metrics-spec v2 §2). The demo keeps
 * no holidays.
 */
export function businessDayAfter(day: number, n: number): number {
  let d = day;
  for (let counted = 0; counted < n;) {
    d += 1;
    const weekday = new Date(d * DAY).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return d;
}

/** A window of days as Amazon's reports write it (account-health.ts, policy-compliance.ts). */
export interface ReportingDateRange {
  reportingDateFrom: string;
  reportingDateTo: string;
}
