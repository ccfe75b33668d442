/**
 * Numbers, dates and durations for the seller, through Intl in the seller's locale. Pure: every
 * function takes the locale, so tests pin it. Local dates (`YYYY-MM-DD`, a marketplace's calendar
 * day) are formatted as calendar dates, never shifted through the viewer's time zone.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A rate (fraction) as a percentage with at most two decimals (three for tiny rates), rounded as
 * usual, except that it is never rounded onto or across its target: against "under 4 %" a passing
 * 3.996 % reads 3.99 %, not 4 %; against "over 95 %" a passing 95.004 % reads 95.01 %. Targets have
 * at most two decimals, so the shown figure is then on the same side of the line as the true one.
 */
export function formatRate(rate: number | null, locale: string, condition: 'lt' | 'gt' = 'lt', target?: number): string {
  if (rate === null || !Number.isFinite(rate)) return '–';
  const digits = rate !== 0 && Math.abs(rate) < 0.001 ? 3 : 2;
  const scale = 10 ** (digits + 2);
  let shown = Math.round(rate * scale) / scale;
  if (target !== undefined) {
    const passes = condition === 'lt' ? rate < target : rate > target;
    const shownPasses = condition === 'lt' ? shown < target : shown > target;
    if (passes !== shownPasses) {
      const up = condition === 'lt' ? !passes : passes;
      shown = (up ? Math.ceil(rate * scale - 1e-9) : Math.floor(rate * scale + 1e-9)) / scale;
    }
  }
  // `|| 0` turns −0 (a rounded tiny negative) into 0: "-0 %" is noise.
  return cached(`pct:${locale}:${digits}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits })).format(shown || 0);
}

export function formatCount(n: number, locale: string): string {
  return cached(`num:${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

function parseLocalDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d));
}

/** A marketplace calendar day, e.g. "3 Dec" / "Dec 3" / "12月3日". */
export function formatDay(day: string, locale: string, withYear = false): string {
  const f = cached(
    `day:${locale}:${withYear}`,
    () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC', ...(withYear ? { year: 'numeric' } : {}) }),
  );
  return f.format(parseLocalDate(day));
}

/** An inclusive window of days, e.g. "Sep 12 – Nov 10". */
export function formatWindow(window: { from: string; to: string }, locale: string): string {
  const f = cached<Intl.DateTimeFormat>(`day:${locale}:false`, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }));
  return f.formatRange(parseLocalDate(window.from), parseLocalDate(window.to));
}

/** How long ago, e.g. "3 min ago", "2 days ago"; "now" below a minute. */
export function formatAge(ageMs: number, locale: string): string {
  const rtf = cached<Intl.RelativeTimeFormat>(`rel:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }));
  const age = Math.max(0, ageMs);
  if (age < MINUTE) return rtf.format(0, 'second');
  if (age < HOUR) return rtf.format(-Math.floor(age / MINUTE), 'minute');
  if (age < DAY) return rtf.format(-Math.floor(age / HOUR), 'hour');
  return rtf.format(-Math.floor(age / DAY), 'day');
}

export type Urgency = 'overdue' | 'critical' | 'soon' | 'later' | 'none';

export interface Countdown {
  /** "3 hr 20 min", "2 days 5 hr", "45 min" (short units: CLDR narrow ones are cryptic in Japanese); empty without a deadline. */
  duration: string;
  overdue: boolean;
  urgency: Urgency;
}

function unit(locale: string, unitName: 'day' | 'hour' | 'minute', value: number): string {
  return cached(`unit:${locale}:${unitName}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: unitName, unitDisplay: 'short' })).format(value);
}

/**
 * Time left until a deadline, in at most two units, rounded down (a countdown must never promise
 * more time than there is). Under two hours: "critical".
 */
export function countdown(deadline: number | null, now: number, locale: string): Countdown {
  if (deadline === null) return { duration: '', overdue: false, urgency: 'none' };
  const left = deadline - now;
  const overdue = left < 0;
  const abs = Math.abs(left);
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  const parts =
    days > 0
      ? [unit(locale, 'day', days), ...(hours ? [unit(locale, 'hour', hours)] : [])]
      : hours > 0
        ? [unit(locale, 'hour', hours), ...(minutes ? [unit(locale, 'minute', minutes)] : [])]
        : [unit(locale, 'minute', Math.max(minutes, overdue ? minutes : 1))];
  const urgency: Urgency = overdue ? 'overdue' : left < 2 * HOUR ? 'critical' : left < DAY ? 'soon' : 'later';
  return { duration: parts.join(' '), overdue, urgency };
}

/** An instant's date, e.g. "Nov 26, 2026" (in the viewer's zone unless one is given). */
export function formatDate(epochMs: number, locale: string, timeZone?: string): string {
  return cached(`date:${locale}:${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) })).format(
    epochMs,
  );
}
