/** Local days via Intl, cached per UTC day: exact across DST changes and in odd zones. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFor, dateOfDay, dayOfDate, LocalCalendar } from '../../../lib/metrics/calendar';
import { local } from './helpers';

const intlDate = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

describe('LocalCalendar', () => {
  it.each([
    ['America/Los_Angeles', '2026-03-08'], // 02:00 → 03:00, a 23-hour day
    ['America/Los_Angeles', '2026-11-01'], // 02:00 → 01:00, a 25-hour day
    ['Europe/Berlin', '2026-03-29'],
    ['Europe/Berlin', '2026-10-25'],
    ['Asia/Tokyo', '2026-06-30'],
    ['Australia/Sydney', '2026-04-05'],
    ['Africa/Cairo', '2026-10-29'], // summer time ends at 24:00: the local date steps back
    ['Africa/Cairo', '2026-04-24'], // summer time starts at 00:00: the day begins at 01:00
  ])('%s around %s: every 15 minutes agrees with Intl', (zone, date) => {
    const calendar = new LocalCalendar(zone);
    const start = Date.parse(`${date}T00:00:00Z`) - 36 * 3_600_000;
    for (let t = start; t < start + 72 * 3_600_000; t += 15 * 60_000) {
      for (const instant of [t, t - 1, t + 1]) expect(dateOfDay(calendar.dayOf(instant))).toBe(intlDate(instant, zone));
    }
  });

  it('puts both 01:30s of the Los Angeles fall-back day on 11-01, and 23:59:59.999 on the day before', () => {
    const calendar = calendarFor('America/Los_Angeles');
    const firstOneThirty = local('2026-11-01T01:30', 'America/Los_Angeles');
    expect(dateOfDay(calendar.dayOf(firstOneThirty))).toBe('2026-11-01');
    expect(dateOfDay(calendar.dayOf(firstOneThirty + 3_600_000))).toBe('2026-11-01'); // the repeated hour
    const midnight = local('2026-11-01T00:00', 'America/Los_Angeles');
    expect(dateOfDay(calendar.dayOf(midnight - 1))).toBe('2026-10-31');
    expect(dateOfDay(calendar.dayOf(midnight))).toBe('2026-11-01');
  });

  it('Tokyo (+9, no DST): 00:30 JST is the previous UTC day but the next local day', () => {
    const calendar = calendarFor('Asia/Tokyo');
    const t = local('2026-06-30T00:30', 'Asia/Tokyo');
    expect(new Date(t).toISOString().slice(0, 10)).toBe('2026-06-29');
    expect(dateOfDay(calendar.dayOf(t))).toBe('2026-06-30');
  });

  it('agrees with Intl on random instants in every marketplace zone', () => {
    const zones = [
      'America/Los_Angeles',
      'America/Mexico_City',
      'America/Sao_Paulo',
      'Europe/London',
      'Europe/Berlin',
      'Europe/Istanbul',
      'Asia/Dubai',
      'Asia/Kolkata',
      'Asia/Tokyo',
      'Australia/Sydney',
      'Africa/Cairo',
      'Africa/Johannesburg',
      'UTC',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2032, 0, 1) }), (zone, t) => {
        expect(dateOfDay(calendarFor(zone).dayOf(t))).toBe(intlDate(t, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('converts between day indexes and dates', () => {
    expect(dayOfDate('1970-01-01')).toBe(0);
    expect(dateOfDay(dayOfDate('2026-02-28') + 1)).toBe('2026-03-01');
    expect(dateOfDay(dayOfDate('2028-02-28') + 1)).toBe('2028-02-29');
  });

  it('converts far-off instants without growing its cache to match', () => {
    const calendar = new LocalCalendar('Europe/Berlin');
    expect(dateOfDay(calendar.dayOf(Date.UTC(2026, 0, 1, 12)))).toBe('2026-01-01');
    const far = Date.UTC(9000, 5, 1, 23, 30); // 9000-06-02 01:30 in Berlin (summer time)
    expect(dateOfDay(calendar.dayOf(far))).toBe(intlDate(far, 'Europe/Berlin'));
    expect(calendar.dayOf(Number.NaN)).toBeNaN();
  });

  it('rejects an unknown zone rather than counting in the wrong days', () => {
    expect(() => new LocalCalendar('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('business days (spec v2 §1)', () => {
  it('counts Monday to Friday, skipping the given holidays', async () => {
    const { BusinessDays, dayOfDate, dateOfDay, weekdayOf } = await import('../../../lib/metrics/calendar');
    expect(weekdayOf(dayOfDate('2026-11-13'))).toBe(5); // a Friday
    const plain = new BusinessDays();
    expect(dateOfDay(plain.after(dayOfDate('2026-11-13'), 7))).toBe('2026-11-24'); // spec §6
    expect(dateOfDay(plain.after(dayOfDate('2026-11-14'), 1))).toBe('2026-11-16'); // from a Saturday
    const holidays = new BusinessDays(['2026-11-26', '2026-11-27']);
    expect(dateOfDay(holidays.after(dayOfDate('2026-11-25'), 1))).toBe('2026-11-30');
  });

  it('finds the start and end of local days across DST changes', async () => {
    const { calendarFor, dayOfDate } = await import('../../../lib/metrics/calendar');
    const la = calendarFor('America/Los_Angeles');
    expect(new Date(la.startOf(dayOfDate('2026-03-08'))).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(new Date(la.startOf(dayOfDate('2026-03-09'))).toISOString()).toBe('2026-03-09T07:00:00.000Z'); // a 23-hour day before
    expect(new Date(la.endOf(dayOfDate('2026-11-01'))).toISOString()).toBe('2026-11-02T07:59:59.999Z'); // a 25-hour day
    const cairo = calendarFor('Africa/Cairo');
    for (const date of ['2026-04-24', '2026-10-29', '2026-10-30']) {
      const day = dayOfDate(date);
      expect(cairo.dayOf(cairo.startOf(day))).toBe(day);
      expect(cairo.dayOf(cairo.startOf(day) - 1)).toBe(day - 1);
    }
  });
});
