/** The 30-day timeline, breach and recovery dates (metrics-spec §4). */
import { describe, expect, it } from 'vitest';
import { computeHealthReport } from '../../../lib/metrics';
import type { Order } from '../../../lib/model';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { DAY, HOUR, local, order, shipped, US } from './helpers';

const asOf = local('2026-11-26T12:00', US);
const days = Array.from({ length: 10 }, (_, i) => `2026-11-${17 + i}`); // the lsr.10d window

/** `perDay` on-time orders due at 10:00 on each window day, plus late ones on the given days. */
function history(perDay: number, lateOn: string[]): Order[] {
  const onTime = days.flatMap((day) =>
    Array.from({ length: perDay }, () => {
      const due = local(`${day}T10:00`, US);
      return shipped(due - DAY, due, due - HOUR);
    }),
  );
  const late = lateOn.map((day) => {
    const due = local(`${day}T10:00`, US);
    return shipped(due - DAY, due, due + HOUR);
  });
  return [...onTime, ...late];
}

describe('timeline', () => {
  it('covers the next 30 days, tomorrow first', () => {
    const lsr = computeHealthReport({ orders: history(2, []), defects: [], readings: [] }, asOf, DEFAULT_SETTINGS, US).metrics['lsr.10d'];
    const timeline = lsr.projection.timeline;
    expect(timeline).toHaveLength(30);
    expect(timeline[0]!.date).toBe('2026-11-27');
    expect(timeline[29]!.date).toBe('2026-12-26');
  });

  it('gives a recovery date when an old late order leaves the window', () => {
    // 1 late of 21 (4.8 %) fails today; the late order is due 11-17, the window's first day.
    const lsr = computeHealthReport({ orders: history(2, ['2026-11-17']), defects: [], readings: [] }, asOf, DEFAULT_SETTINGS, US).metrics['lsr.10d'];
    expect(lsr).toMatchObject({ numerator: 1, denominator: 21, status: 'breach', badEventsToRecover: 1 });
    expect(lsr.projection.breachDate).toBe('2026-11-26'); // failing already
    expect(lsr.projection.recoveryDate).toBe('2026-11-27');
    expect(lsr.projection.timeline[0]!.expected).toMatchObject({ num: 0, den: 18, margin: 0, status: 'warning' });
  });

  it('gives no recovery date while the late order stays in the window', () => {
    const lsr30 = computeHealthReport({ orders: history(2, ['2026-11-17']), defects: [], readings: [] }, asOf, DEFAULT_SETTINGS, US).metrics['lsr.30d'];
    expect(lsr30.status).toBe('breach');
    // 30-day window: 11-17 leaves on 12-17, 21 days on; by then new orders at the average volume dilute it.
    expect(lsr30.projection.recoveryDate).not.toBeNull();
    const recovery = lsr30.projection.timeline.find((d) => d.date === lsr30.projection.recoveryDate)!;
    expect(recovery.expected.status === 'ok' || recovery.expected.status === 'warning').toBe(true);
    const dayBefore = lsr30.projection.timeline[lsr30.projection.timeline.indexOf(recovery) - 1];
    if (dayBefore) expect(dayBefore.expected.status).toBe('breach');
  });

  it('gives a breach date when the open risks would fail it (worst case), not in the expected case', () => {
    // 3 late of 103 (warning); 3 unshipped orders due tomorrow 06:00, within the 24 h horizon.
    const dueTomorrow = local('2026-11-27T06:00', US);
    const open = Array.from({ length: 3 }, () => order({ orderDate: asOf - HOUR, latestShipDate: dueTomorrow }));
    const lsr = computeHealthReport(
      { orders: [...history(10, ['2026-11-20', '2026-11-20', '2026-11-20']), ...open], defects: [], readings: [] },
      asOf,
      DEFAULT_SETTINGS,
      US,
    ).metrics['lsr.10d'];
    expect(lsr).toMatchObject({ numerator: 3, denominator: 103, status: 'warning' });
    const tomorrow = lsr.projection.timeline[0]!;
    expect(tomorrow.expected.status).not.toBe('breach');
    expect(tomorrow.worst.num).toBe(tomorrow.expected.num + 3);
    expect(tomorrow.worst.status).toBe('breach');
    expect(lsr.projection.breachDate).toBe('2026-11-27');
    expect(lsr.projection.recoveryDate).toBeNull();
  });

  it('brings new orders at the average daily volume of the last 30 days', () => {
    // 2 orders a day on 10 days = 20 orders in 30 days: 2/3 of an order a day, as whole orders.
    const cr = computeHealthReport({ orders: history(2, []), defects: [], readings: [] }, asOf, DEFAULT_SETTINGS, US).metrics['cr.7d'];
    const last = cr.projection.timeline[29]!.expected; // window 12-20 … 12-26: only new orders
    expect(last.den).toBeGreaterThanOrEqual(4);
    expect(last.den).toBeLessThanOrEqual(5);
    expect(last.num).toBe(0);
  });
});
