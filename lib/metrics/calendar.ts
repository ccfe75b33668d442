/**
 * Calendar days in a marketplace's time zone (metrics-spec §1: "a day is a calendar day in the
 * marketplace's time zone; use Intl, not fixed offsets").
 *
 * A day is handled as a *day index*: the number of days from 1970-01-01 to the local calendar date.
 * Day indexes are plain integers, so windows are integer ranges and `today − 73` is subtraction, and
 * the index of a date is the same whatever the zone (2026-11-26 is one index everywhere), which lets
 * Amazon's UTC-written date ranges be compared with local days directly.
 *
 * Speed: the engine converts a few hundred thousand instants per report. Calling Intl per instant
 * costs microseconds each, so the zone's UTC offset is cached per UTC day: Intl is asked once for the
 * offset at each UTC midnight met; when two consecutive midnights differ, the transition instant
 * between them is found once by bisection (to the minute). After that, `dayOf` is two array reads and
 * a division, and agrees with Intl exactly, also in zones whose local date steps back at a transition
 * (Africa/Cairo ends summer time at 24:00).
 */

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** The cache spans at most this many UTC days (about 27 years); instants beyond are converted directly. */
const MAX_CACHED_DAYS = 10_000;

export class LocalCalendar {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat;
  /** Cache over UTC days `base … base + length − 1`: offset in ms at the UTC midnight (NaN = not asked yet). */
  private base = 0;
  private offsetAtStart: Float64Array = new Float64Array(0);
  /** First instant of the UTC day with the next UTC day's offset (+∞ when the offset does not change that day). */
  private transitionAt: Float64Array = new Float64Array(0);
  /** Offset from `transitionAt` on (NaN = this UTC day is not resolved yet). */
  private offsetAfter: Float64Array = new Float64Array(0);

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    // Throws RangeError for an unknown zone: better than silently counting in the wrong days.
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The local day index of an instant (NaN for NaN or ±∞). */
  dayOf(epochMs: number): number {
    const utcDay = Math.floor(epochMs / DAY_MS);
    let i = utcDay - this.base;
    if (i < 0 || i >= this.offsetAfter.length || Number.isNaN(this.offsetAfter[i]!)) {
      if (!Number.isFinite(epochMs)) return Number.NaN;
      // A stray far-off instant (a corrupt date) must not grow the cache to millions of days.
      if (this.offsetAfter.length > 0 && Math.max(this.base + this.offsetAfter.length, utcDay + 1) - Math.min(this.base, utcDay) > MAX_CACHED_DAYS) {
        return Math.floor((epochMs + this.offsetAt(epochMs)) / DAY_MS);
      }
      this.fill(utcDay);
      i = utcDay - this.base;
    }
    const offset = epochMs < this.transitionAt[i]! ? this.offsetAtStart[i]! : this.offsetAfter[i]!;
    return Math.floor((epochMs + offset) / DAY_MS);
  }

  /**
   * The first instant of a local day. Found by bisection on whole minutes between the bounds every
   * zone's offset keeps (±15 h), so a day that starts at 01:00 because 00:00 was skipped (a DST change
   * at midnight) starts at the change.
   */
  startOf(day: number): number {
    let lo = day * DAY_MS - 15 * 3_600_000; // still the day before, in every zone
    let hi = day * DAY_MS + 15 * 3_600_000; // already this day or later
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (this.dayOf(mid) >= day) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** The last millisecond of a local day (Amazon's deadlines are "23:59:59" local). */
  endOf(day: number): number {
    return this.startOf(day + 1) - 1;
  }

  /** `YYYY-MM-DD` of a day index. */
  dateOf(day: number): string {
    return dateOfDay(day);
  }

  /** The zone's UTC offset at an instant in ms (local wall time − UTC), straight from Intl. */
  offsetAt(epochMs: number): number {
    const t = Math.floor(epochMs / 1000) * 1000;
    let y = 0;
    let mo = 0;
    let d = 0;
    let h = 0;
    let mi = 0;
    let s = 0;
    for (const part of this.format.formatToParts(t)) {
      switch (part.type) {
        case 'year':
          y = Number(part.value);
          break;
        case 'month':
          mo = Number(part.value);
          break;
        case 'day':
          d = Number(part.value);
          break;
        case 'hour':
          h = Number(part.value);
          break;
        case 'minute':
          mi = Number(part.value);
          break;
        case 'second':
          s = Number(part.value);
          break;
        default:
          break;
      }
    }
    return Date.UTC(y, mo - 1, d, h, mi, s) - t;
  }

  private fill(utcDay: number): void {
    this.ensureCapacity(utcDay);
    const i = utcDay - this.base;
    const start = utcDay * DAY_MS;
    const before = this.offsetAtStart[i]!;
    const atStart = Number.isNaN(before) ? this.offsetAt(start) : before;
    const next = i + 1 < this.offsetAtStart.length ? this.offsetAtStart[i + 1]! : Number.NaN;
    const atNextStart = Number.isNaN(next) ? this.offsetAt(start + DAY_MS) : next;
    this.offsetAtStart[i] = atStart;
    if (i + 1 < this.offsetAtStart.length) this.offsetAtStart[i + 1] = atNextStart; // the next day starts there
    this.offsetAfter[i] = atNextStart;
    if (atStart === atNextStart) {
      this.transitionAt[i] = Number.POSITIVE_INFINITY;
    } else {
      // Bisection on whole minutes: offsets change on minute boundaries in every zone in use.
      let lo = start; // offset here is atStart
      let hi = start + DAY_MS; // offset here is atNextStart
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (this.offsetAt(mid) === atStart) lo = mid;
        else hi = mid;
      }
      this.transitionAt[i] = hi;
    }
  }

  /** Grows the cache so that it covers `utcDay`, with room around it (a report spans months). */
  private ensureCapacity(utcDay: number): void {
    const len = this.offsetAtStart.length;
    if (len > 0 && utcDay >= this.base && utcDay < this.base + len) return;
    const lo = len === 0 ? utcDay - 200 : Math.min(this.base, utcDay - 200);
    const hi = len === 0 ? utcDay + 200 : Math.max(this.base + len, utcDay + 200);
    const size = hi - lo + 1;
    const grow = (old: Float64Array, empty: number): Float64Array => {
      const next = new Float64Array(size).fill(empty);
      if (old.length > 0) next.set(old, this.base - lo);
      return next;
    };
    this.offsetAtStart = grow(this.offsetAtStart, Number.NaN);
    this.transitionAt = grow(this.transitionAt, Number.POSITIVE_INFINITY);
    this.offsetAfter = grow(this.offsetAfter, Number.NaN);
    this.base = lo;
  }
}

const calendars = new Map<string, LocalCalendar>();

/** One calendar per zone for the life of the page: its offset cache is what makes it fast. */
export function calendarFor(timeZone: string): LocalCalendar {
  let calendar = calendars.get(timeZone);
  if (!calendar) {
    calendar = new LocalCalendar(timeZone);
    calendars.set(timeZone, calendar);
  }
  return calendar;
}

/** `YYYY-MM-DD` of a day index (the date is the same in every zone, so no zone is needed). */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day index of a `YYYY-MM-DD` date. */
export function dayOfDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** Day of the week of a day index: 0 Sunday … 6 Saturday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Business days, Monday to Friday, less a marketplace's public holidays (metrics-spec §1: the auto-cancel
 * deadline skips national holidays too; the list is a setting, empty by default).
 */
export class BusinessDays {
  private readonly holidays: ReadonlySet<number>;
  constructor(holidays: readonly string[] = []) {
    this.holidays = new Set(holidays.map(dayOfDate));
  }

  isBusinessDay(day: number): boolean {
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(day);
  }

  /** The `n`th business day after `day` (not counting `day` itself). */
  after(day: number, n: number): number {
    let d = day;
    for (let counted = 0; counted < n;) {
      d += 1;
      if (this.isBusinessDay(d)) counted += 1;
    }
    return d;
  }
}
