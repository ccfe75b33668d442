/** Amazon's readings (metrics-spec §4): target and window precedence, coverage, projection from them. */
import { describe, expect, it } from 'vitest';
import { computeHealthReport } from '../../../lib/metrics';
import type { AmazonReading, Order } from '../../../lib/model';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { DAY, DE, HOUR, local, NO_DATA, order, reading, settings, US } from './helpers';

const utcDate = (date: string) => Date.parse(`${date}T00:00:00Z`);
const utcEnd = (date: string) => Date.parse(`${date}T23:59:59Z`);

describe('target precedence', () => {
  const asOf = local('2026-11-26T12:00', US);
  it('uses the reading’s target and condition over settings', () => {
    const withReading = computeHealthReport(
      { ...NO_DATA, readings: [reading({ metric: 'lsr.10d', observedAt: asOf - HOUR, targetValue: 0.03, targetCondition: 'lt' })] },
      asOf,
      settings((s) => (s.metrics['lsr.10d'].target = { basisPoints: 500, condition: 'lt' })),
      US,
    ).metrics['lsr.10d'];
    expect(withReading).toMatchObject({ target: 0.03, targetBasisPoints: 300, targetSource: 'amazon', condition: 'lt' });
  });
  it('falls back to the seller’s own target without a reading target, else to the marketplace’s', () => {
    const m = computeHealthReport(
      NO_DATA,
      asOf,
      settings((s) => (s.metrics['lsr.10d'].target = { basisPoints: 500, condition: 'lt' })),
      US,
    ).metrics['lsr.10d'];
    expect(m).toMatchObject({ target: 0.05, targetBasisPoints: 500, targetSource: 'settings' });
    expect(computeHealthReport(NO_DATA, asOf, DEFAULT_SETTINGS, US).metrics['lsr.10d']).toMatchObject({ targetBasisPoints: 400, targetSource: 'marketplace' });
  });
  it('ignores readings observed after asOf, and takes the latest before it', () => {
    const readings = [
      reading({ metric: 'cr.7d', observedAt: asOf - 2 * DAY, targetValue: 0.02 }),
      reading({ metric: 'cr.7d', observedAt: asOf - DAY, targetValue: 0.03 }),
      reading({ metric: 'cr.7d', observedAt: asOf + DAY, targetValue: 0.01 }),
    ];
    const m = computeHealthReport({ ...NO_DATA, readings }, asOf, DEFAULT_SETTINGS, US).metrics['cr.7d'];
    expect(m.targetBasisPoints).toBe(300);
    expect(m.amazon?.ageMs).toBe(DAY);
  });
});

describe('the reading’s window (reportingDateRange)', () => {
  // The real DE excerpt: observed 2026-10-04, range 2026-08-26T00:00:00Z … 2026-09-24T23:59:59Z.
  const observedAt = local('2026-10-04T10:00', DE);
  const vtr: AmazonReading = reading({
    marketplaceId: DE,
    metric: 'vtr.30d',
    observedAt,
    rate: 1,
    numerator: 7,
    denominator: 7,
    windowFrom: utcDate('2026-08-26'),
    windowTo: utcEnd('2026-09-24'),
    targetValue: 0.95,
    targetCondition: 'gt',
    status: 'GOOD',
  });

  it('reads UTC-written dates as dates, and sets the window’s length and lag', () => {
    const m = computeHealthReport({ ...NO_DATA, readings: [vtr] }, observedAt, DEFAULT_SETTINGS, DE).metrics['vtr.30d'];
    expect(m.amazon?.window).toEqual({ from: '2026-08-26', to: '2026-09-24' });
    expect(m.window).toEqual({ from: '2026-08-26', to: '2026-09-24' });
    expect(m.amazon).toMatchObject({ rate: 1, numerator: 7, denominator: 7, status: 'GOOD', target: 0.95, condition: 'gt', ageMs: 0 });
    // On the day of the reading, the projection is Amazon's figures: 7 of 7 passes, 6 of 7 would not.
    expect(m).toMatchObject({ numerator: 7, denominator: 7, rate: 1, margin: 0, status: 'warning' });
  });

  it('moves with the days since the reading', () => {
    const m = computeHealthReport({ ...NO_DATA, readings: [vtr] }, observedAt + 3 * DAY, DEFAULT_SETTINGS, DE).metrics['vtr.30d'];
    expect(m.window).toEqual({ from: '2026-08-29', to: '2026-09-27' });
  });
});

describe('coverage and the projection from Amazon’s counts', () => {
  // CR as of 11-26 12:00 (LA); Amazon read it on 11-24 over 11-18 … 11-24: 2 of 100.
  const asOf = local('2026-11-26T12:00', US);
  const observedAt = local('2026-11-24T12:00', US);
  const amazon = reading({
    metric: 'cr.7d',
    observedAt,
    numerator: 2,
    denominator: 100,
    rate: 0.02,
    windowFrom: utcDate('2026-11-18'),
    windowTo: utcEnd('2026-11-24'),
  });
  const perDay: [string, number, number][] = [
    // [day, orders, of which seller-cancelled]
    ['2026-11-18', 10, 0],
    ['2026-11-19', 10, 0],
    ['2026-11-20', 12, 0],
    ['2026-11-21', 12, 0],
    ['2026-11-22', 12, 1],
    ['2026-11-23', 12, 0],
    ['2026-11-24', 12, 0],
    ['2026-11-25', 5, 1],
    ['2026-11-26', 5, 0],
  ];
  const orders: Order[] = perDay.flatMap(([day, n, bad]) =>
    Array.from({ length: n }, (_, i) =>
      order({
        orderDate: local(`${day}T09:00`, US),
        status: i < bad ? 'cancelled' : 'shipped',
        cancellation: i < bad ? { by: 'SELLER', buyerRequested: false } : undefined,
      }),
    ),
  );

  it('coverage = local den ÷ Amazon den over Amazon’s window', () => {
    const m = computeHealthReport({ orders, defects: [], readings: [amazon] }, asOf, DEFAULT_SETTINGS, US).metrics['cr.7d'];
    expect(m.coverage).toBe(0.8); // 80 of Amazon's 100
  });

  it('on the reading’s day, the projection is Amazon’s counts', () => {
    const m = computeHealthReport({ orders, defects: [], readings: [amazon] }, observedAt, DEFAULT_SETTINGS, US).metrics['cr.7d'];
    expect(m).toMatchObject({ numerator: 2, denominator: 100, projection: { basis: 'amazon', estimated: false } });
  });

  it('two days later: adds what entered, removes what left, and estimates what left unseen', () => {
    const m = computeHealthReport({ orders, defects: [], readings: [amazon] }, asOf, DEFAULT_SETTINGS, US).metrics['cr.7d'];
    // Entered 11-25, 11-26: 10 orders, 1 bad. Left 11-18, 11-19: 20 orders seen, 0 bad, plus the
    // unseen share: (100 − 80) · 2/7 ≈ 6 orders and (2 − 1) · 2/7 ≈ 0 bad.
    expect(m).toMatchObject({ numerator: 3, denominator: 84, projection: { basis: 'amazon', estimated: true } });
    expect(m.local).toMatchObject({ numerator: 2, denominator: 70, window: { from: '2026-11-20', to: '2026-11-26' } });
  });

  it('without a denominator in the reading, projects from local data alone', () => {
    const rateOnly = { ...amazon, numerator: undefined, denominator: undefined };
    const m = computeHealthReport({ orders, defects: [], readings: [rateOnly] }, asOf, DEFAULT_SETTINGS, US).metrics['cr.7d'];
    expect(m).toMatchObject({ numerator: 2, denominator: 70, coverage: null, projection: { basis: 'local' } });
    expect(m.amazon?.rate).toBe(0.02);
  });

  it('derives the numerator from rate × count when the reading has no numerator (ODR orderCount)', () => {
    const odr = reading({ metric: 'odr.mfn', observedAt: asOf, denominator: 4322, rate: 0.0025 });
    const m = computeHealthReport({ ...NO_DATA, readings: [odr] }, asOf, DEFAULT_SETTINGS, US).metrics['odr.mfn'];
    expect([m.numerator, m.denominator]).toEqual([11, 4322]);
  });
});

describe('Account Health Rating', () => {
  it.each([
    [428, 'healthy'],
    [200, 'healthy'],
    [199, 'atRisk'],
    [100, 'atRisk'],
    [99, 'unhealthy'],
    [0, 'unhealthy'],
  ])('score %i is %s', (score, status) => {
    const asOf = local('2026-11-26T12:00', US);
    const ahr = computeHealthReport(
      { ...NO_DATA, readings: [reading({ metric: 'ahr', observedAt: asOf - HOUR, score, status: 'GREAT' })] },
      asOf,
      DEFAULT_SETTINGS,
      US,
    ).metrics.ahr;
    expect(ahr).toMatchObject({ score, status, unit: 'points', window: { from: '2026-05-31', to: '2026-11-26' } });
    expect(ahr.amazon).toMatchObject({ score, status: 'GREAT', ageMs: HOUR });
  });
});
