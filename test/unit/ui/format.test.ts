import { describe, expect, it } from 'vitest';
import { countdown, formatAge, formatDay, formatRate, formatWindow } from '../../../lib/ui/format';

const MIN = 60_000;
/** Intl uses thin and no-break spaces; the tests compare words. */
const spaces = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, ' ');
const HOUR = 60 * MIN;

describe('formatRate', () => {
  it.each([
    [0.008, 'en-US', 'lt', '0.8%'],
    [0.043, 'en-US', 'lt', '4.3%'],
    [0.008, 'de-DE', 'lt', '0,8 %'],
    [0.008, 'ja-JP', 'lt', '0.8%'],
    [0.95, 'en-US', 'gt', '95%'],
  ] as const)('%s in %s → %s', (rate, locale, condition, expected) => {
    expect(spaces(formatRate(rate, locale, condition))).toBe(expected);
  });

  it('rounds as usual (as Amazon shows it) away from the line', () => {
    expect(formatRate(2 / 72, 'en-US', 'lt', 0.04)).toBe('2.78%');
    expect(formatRate(0.95996, 'en-US', 'gt', 0.95)).toBe('96%');
  });

  it('never rounds a rate onto or across its target', () => {
    // 3.996 % passes "< 4 %": it must not read 4 %.
    expect(formatRate(0.03996, 'en-US', 'lt', 0.04)).toBe('3.99%');
    // 95.004 % passes "> 95 %": it must not read 95 %.
    expect(formatRate(0.95004, 'en-US', 'gt', 0.95)).toBe('95.01%');
    // a failing rate never reads as passing
    expect(formatRate(0.04, 'en-US', 'lt', 0.04)).toBe('4%');
    expect(formatRate(0.94996, 'en-US', 'gt', 0.95)).toBe('95%');
    expect(formatRate(0.024996, 'en-US', 'lt', 0.025)).toBe('2.49%');
    expect(formatRate(0.0100004, 'en-US', 'lt', 0.01)).toBe('1%'); // 1 % against "under 1 %" reads as failing: true
  });

  it('shows "no rate" as a dash, never 0 % or NaN', () => {
    expect(formatRate(null, 'en-US')).toBe('–');
    expect(formatRate(Number.NaN, 'en-US')).toBe('–');
  });

  it('keeps a third decimal for tiny rates', () => {
    expect(formatRate(0.00045, 'en-US')).toBe('0.045%');
  });
});

describe('countdown', () => {
  const now = Date.UTC(2026, 10, 26, 12);
  it('shows two units at most, rounded down', () => {
    expect(countdown(now + 3 * HOUR + 20 * MIN + 59_000, now, 'en-US')).toMatchObject({ duration: '3 hr 20 min', overdue: false, urgency: 'soon' });
    expect(countdown(now + 50 * HOUR, now, 'en-US')).toMatchObject({ duration: '2 days 2 hr', urgency: 'later' });
    expect(countdown(now + 45 * MIN, now, 'en-US')).toMatchObject({ duration: '45 min', urgency: 'critical' });
  });
  it('never says zero time is left before the deadline', () => {
    expect(countdown(now + 20_000, now, 'en-US').duration).toBe('1 min');
  });
  it('marks overdue deadlines', () => {
    expect(countdown(now - 2 * HOUR, now, 'en-US')).toMatchObject({ duration: '2 hr', overdue: true, urgency: 'overdue' });
  });
  it('has nothing to count without a deadline', () => {
    expect(countdown(null, now, 'en-US')).toEqual({ duration: '', overdue: false, urgency: 'none' });
  });
  it('is localised', () => {
    expect(spaces(countdown(now + 3 * HOUR + 20 * MIN, now, 'ja-JP').duration)).toBe('3 時間 20 分');
    expect(spaces(countdown(now + 3 * HOUR + 20 * MIN, now, 'de-DE').duration)).toBe('3 Std. 20 Min.');
  });
});

describe('dates', () => {
  it('formats a marketplace day as that calendar day, whatever the viewer zone', () => {
    expect(formatDay('2026-12-03', 'en-US')).toBe('Dec 3');
    expect(formatDay('2026-12-03', 'en-GB')).toBe('3 Dec');
    expect(formatDay('2026-12-03', 'de-DE')).toBe('3. Dez.');
    expect(formatDay('2026-12-03', 'ja-JP')).toBe('12月3日');
  });
  it('formats a window as a range', () => {
    expect(spaces(formatWindow({ from: '2026-09-14', to: '2026-11-12' }, 'en-US'))).toBe('Sep 14 – Nov 12');
  });
  it('formats ages relative to now', () => {
    expect(formatAge(3 * MIN + 5_000, 'en-US')).toBe('3 min. ago');
    expect(formatAge(2 * 24 * HOUR, 'en-US')).toBe('2 days ago');
    expect(formatAge(10_000, 'en-US')).toBe('now');
    expect(formatAge(2 * 24 * HOUR, 'de-DE')).toBe('vorgestern');
  });
});

describe('formatRate edge values', () => {
  it('never shows minus zero', () => {
    expect(formatRate(0, 'en-US', 'gt', 0.95)).toBe('0%');
    expect(formatRate(-0, 'en-US')).toBe('0%');
  });
});
