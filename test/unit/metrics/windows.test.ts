/** Windows as local calendar days (metrics-spec §1–§2): edges, DST changes, a +9 zone, empty windows. */
import { describe, expect, it } from 'vitest';
import { computeHealthReport, HealthReport } from '../../../lib/metrics';
import type { Order } from '../../../lib/model';
import { DEFAULT_SETTINGS, RATE_METRICS } from '../../../lib/model';
import { DE, HOUR, JP, local, NO_DATA, order, shipped, US } from './helpers';

/** CR counts MFN orders by order date: one seller-cancelled order per instant makes num = den. */
function cancelRate(marketplaceId: string, asOf: string, orderTimes: string[]) {
  const orders: Order[] = orderTimes.map((t) =>
    order({ marketplaceId, orderDate: local(t, marketplaceId), status: 'cancelled', cancellation: { by: 'SELLER', buyerRequested: false } }),
  );
  return computeHealthReport({ orders, defects: [], readings: [] }, local(asOf, marketplaceId), DEFAULT_SETTINGS, marketplaceId).metrics['cr.7d'];
}

describe('window edges', () => {
  it('counts the first local millisecond of the window and not the last one before it', () => {
    const edge = local('2026-03-04T00:00', US);
    const orders = [edge, edge - 1].map((orderDate) => order({ orderDate, status: 'unshipped' }));
    const report = computeHealthReport({ orders, defects: [], readings: [] }, local('2026-03-10T12:00', US), DEFAULT_SETTINGS, US);
    expect(report.metrics['cr.7d'].window).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(report.metrics['cr.7d'].denominator).toBe(1);
  });

  it('ODR lags 14 days over 60 (today−73 … today−14); OTDR 14 over today−20 … today−7; VTR 30 over today−43 … today−14; IDR today−14 … today−8; LSR ends today', () => {
    const report = computeHealthReport(NO_DATA, local('2026-11-26T12:00', US), DEFAULT_SETTINGS, US);
    expect(report.today).toBe('2026-11-26');
    expect(report.metrics['odr.mfn'].window).toEqual({ from: '2026-09-14', to: '2026-11-12' });
    expect(report.metrics['otdr.14d'].window).toEqual({ from: '2026-11-06', to: '2026-11-19' });
    expect(report.metrics['lsr.30d'].window).toEqual({ from: '2026-10-28', to: '2026-11-26' });
    expect(report.metrics['vtr.30d'].window).toEqual({ from: '2026-10-14', to: '2026-11-12' });
    const de = computeHealthReport(NO_DATA, local('2026-11-26T12:00', 'Europe/Berlin'), DEFAULT_SETTINGS, 'A1PA6795UKMFR9');
    expect(de.metrics['idr.7d']!.window).toEqual({ from: '2026-11-12', to: '2026-11-18' });
  });
});

describe('DST changes', () => {
  it('Los Angeles 2026-03-08 (23-hour day): orders on both sides of the gap are on 03-08', () => {
    const cr = cancelRate(US, '2026-03-08T12:00', ['2026-03-08T00:30', '2026-03-08T03:30', '2026-03-02T00:00', '2026-03-01T23:59']);
    expect(cr.window).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect([cr.numerator, cr.denominator]).toEqual([3, 3]);
  });

  it('Los Angeles 2026-11-01 (25-hour day): both 01:30s count on 11-01; the window moves at local midnight', () => {
    const firstOneThirty = local('2026-11-01T01:30', US);
    const orders = [firstOneThirty, firstOneThirty + HOUR, local('2026-10-31T23:59', US)].map((orderDate) =>
      order({ orderDate, status: 'cancelled', cancellation: { by: 'SELLER', buyerRequested: false } }),
    );
    // As of 11-07, the window is 11-01 … 11-07: the two 01:30 orders are in, 10-31 23:59 is out.
    const report = computeHealthReport({ orders, defects: [], readings: [] }, local('2026-11-07T00:00', US), DEFAULT_SETTINGS, US);
    expect(report.metrics['cr.7d'].window.from).toBe('2026-11-01');
    expect(report.metrics['cr.7d'].denominator).toBe(2);
    // One millisecond earlier (still 11-06 locally), 10-31 is in as well.
    const before = computeHealthReport({ orders, defects: [], readings: [] }, local('2026-11-07T00:00', US) - 1, DEFAULT_SETTINGS, US);
    expect(before.metrics['cr.7d'].denominator).toBe(3);
  });

  it('Berlin 2026-03-29 and 2026-10-25: late shipments are windowed by local ship-by day', () => {
    for (const [asOf, inside, outside] of [
      ['2026-04-07T12:00', '2026-03-29T00:30', '2026-03-28T23:30'],
      ['2026-11-03T12:00', '2026-10-25T02:30', '2026-10-24T23:59'],
    ] as const) {
      const orders = [inside, outside].map((t) => {
        const due = local(t, DE);
        return shipped(due - 24 * HOUR, due, due + HOUR, { marketplaceId: DE }); // confirmed an hour late
      });
      const lsr = computeHealthReport({ orders, defects: [], readings: [] }, local(asOf, DE), DEFAULT_SETTINGS, DE).metrics['lsr.10d'];
      expect(lsr.window.from).toBe(inside.slice(0, 10));
      expect([lsr.numerator, lsr.denominator]).toEqual([1, 1]);
    }
  });

  it('a late confirmation across the spring-forward gap is late by the instant, not the wall clock', () => {
    // Due 01:59 PST; confirmed 03:01 PDT = 2 minutes later in real time.
    const due = local('2026-03-08T01:59', US);
    const confirmed = local('2026-03-08T03:01', US);
    expect(confirmed - due).toBe(2 * 60_000);
    const lsr = computeHealthReport(
      { orders: [shipped(due - 24 * HOUR, due, confirmed)], defects: [], readings: [] },
      local('2026-03-08T12:00', US),
      DEFAULT_SETTINGS,
      US,
    ).metrics['lsr.10d'];
    expect([lsr.numerator, lsr.denominator]).toEqual([1, 1]);
  });
});

describe('a Tokyo seller (+9, no DST)', () => {
  it('counts by Tokyo days, not UTC days', () => {
    // 2026-06-30 00:30 JST is 2026-06-29 15:30 UTC; 06-24 00:00 JST is 06-23 15:00 UTC.
    const cr = cancelRate(JP, '2026-06-30T08:00', ['2026-06-30T00:30', '2026-06-24T00:00', '2026-06-23T23:59']);
    expect(cr.window).toEqual({ from: '2026-06-24', to: '2026-06-30' });
    expect(cr.denominator).toBe(2);
  });
});

describe('empty windows', () => {
  const report = computeHealthReport(NO_DATA, local('2026-11-26T12:00', US), DEFAULT_SETTINGS, US);

  it('give null rates and margins and unknown status: never 0 % or NaN', () => {
    expect(report.metrics['idr.7d']).toBeUndefined(); // a US report: no Invoice Defect Rate
    for (const key of RATE_METRICS) {
      const m = report.metrics[key];
      if (key === 'idr.7d') continue;
      expect(m).toMatchObject({
        numerator: 0,
        denominator: 0,
        rate: null,
        margin: null,
        badEventsToRecover: null,
        status: 'unknown',
        coverage: null,
        amazon: null,
      });
      expect(m!.local).toMatchObject({ rate: null, margin: null });
      expect(m!.projection).toMatchObject({ basis: 'local', estimated: false, breachDate: null, recoveryDate: null });
      expect(m!.projection.timeline).toHaveLength(30);
      for (const day of m!.projection.timeline) expect(day.expected).toEqual({ num: 0, den: 0, rate: null, margin: null, status: 'unknown' });
    }
    expect(report.metrics.ahr).toMatchObject({ score: null, status: 'unknown', amazon: null });
    expect(report.atRiskOrders).toEqual([]);
  });

  it('contain no NaN anywhere and validate', () => {
    const walk = (value: unknown): void => {
      if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(report);
    expect(() => HealthReport.parse(report)).not.toThrow();
  });

  it('ignore other marketplaces’ orders', () => {
    const orders = [order({ marketplaceId: DE, orderDate: local('2026-11-25T10:00', US), status: 'unshipped' })];
    expect(computeHealthReport({ orders, defects: [], readings: [] }, local('2026-11-26T12:00', US), DEFAULT_SETTINGS, US).metrics['cr.7d'].denominator).toBe(
      0,
    );
  });
});
