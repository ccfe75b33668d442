/**
 * "Which orders make this" (lib/metrics/explain.ts) against the report itself: on random histories
 * (every marketplace's zone, DST days, readings that move the windows, settings, defects of every
 * kind, orders known only from their defects) the listed orders add up to the report's local figures,
 * lie in its window, and leave it on the day the window passes them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeHealthReport } from '../../../lib/metrics';
import { dayOfDate } from '../../../lib/metrics/calendar';
import { EXPLAIN_LIMIT, explainMetric, LEAVING_LIMIT } from '../../../lib/metrics/explain';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { rateMetricsOf } from '../../../lib/ui/metric-order';
import { history } from './arbitraries';
import { DAY, HOUR, local, shipped, US } from './helpers';

describe('explainMetric: the orders behind a figure', () => {
  it('adds up to the report’s local figures on random histories', () => {
    let listed = 0;
    let withBad = 0;
    fc.assert(
      fc.property(history, ({ s, orders, defects, readings, settings }) => {
        const data = { orders, defects, readings };
        const report = computeHealthReport(data, s.asOf, settings, s.marketplaceId);
        for (const metric of rateMetricsOf(report)) {
          const e = explainMetric(data, s.asOf, settings, s.marketplaceId, metric.key)!;
          const { local } = metric;
          const badInReport = metric.condition === 'lt' ? local.numerator : local.denominator - local.numerator;
          expect(e.window, metric.key).toEqual(metric.window);
          expect(e.counted, metric.key).toEqual({ bad: badInReport, total: local.denominator, unknown: local.unknown });
          expect(e.unit).toBe(metric.unit);
          if (e.bad.length < EXPLAIN_LIMIT)
            expect(
              e.bad.reduce((n, o) => n + o.bad, 0),
              metric.key,
            ).toBe(badInReport);
          const today = dayOfDate(report.today);
          for (const o of [...e.bad, ...e.leaving]) {
            expect(o.day >= metric.window.from && o.day <= metric.window.to, `${metric.key} ${o.day}`).toBe(true);
            // Leaves once the window, moving with today, starts after the order's day.
            const leaves = dayOfDate(o.leavesOn);
            expect(leaves).toBeGreaterThan(today);
            expect(leaves - metric.lagDays - (dayOfDate(metric.window.to) - dayOfDate(metric.window.from))).toBe(dayOfDate(o.day) + 1);
          }
          if (metric.unit === 'orders') expect(e.leaving.length).toBe(Math.min(LEAVING_LIMIT, local.denominator));
          for (let i = 1; i < e.leaving.length; i++) expect(e.leaving[i - 1]!.leavesOn <= e.leaving[i]!.leavesOn).toBe(true);
          listed += e.leaving.length;
          if (badInReport > 0) withBad++;
        }
      }),
      { numRuns: 300 },
    );
    // Not vacuous: orders were listed, and many metrics had bad events to explain.
    expect(listed).toBeGreaterThan(500);
    expect(withBad).toBeGreaterThan(50);
  }, 60_000);

  it('lists a late shipment with its day and the day it leaves the 10-day window', () => {
    const asOf = local('2026-11-26T12:00', US);
    const late = shipped(asOf - 3 * DAY, local('2026-11-24T23:59', US), local('2026-11-25T10:00', US));
    const onTime = Array.from({ length: 12 }, (_, i) => shipped(asOf - (i + 2) * DAY, asOf - (i + 1) * DAY + HOUR, asOf - (i + 1) * DAY));
    const data = { orders: [late, ...onTime], defects: [], readings: [] };
    const e = explainMetric(data, asOf, DEFAULT_SETTINGS, US, 'lsr.10d')!;
    expect(e.bad).toEqual([{ orderId: late.orderId, day: '2026-11-24', weight: 1, bad: 1, leavesOn: '2026-12-04' }]);
    const report = computeHealthReport(data, asOf, DEFAULT_SETTINGS, US);
    expect(e.counted.total).toBe(report.metrics['lsr.10d'].denominator);
    // The oldest in the window leave first: the window starts on Nov 17, so that day's order leaves on Nov 27.
    expect(e.leaving[0]).toMatchObject({ day: '2026-11-17', leavesOn: '2026-11-27', bad: 0 });
    expect(e.leaving.map((o) => o.day)).toEqual([...e.leaving.map((o) => o.day)].sort());
  });

  it('is null for a metric the marketplace does not have', () => {
    expect(explainMetric({ orders: [], defects: [], readings: [] }, Date.now(), DEFAULT_SETTINGS, US, 'idr.7d')).toBeNull();
  });
});
