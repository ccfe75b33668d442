/** metrics-spec §6, exactly. */
import { describe, expect, it } from 'vitest';
import { computeHealthReport, HealthReport } from '../../../lib/metrics';
import type { Order } from '../../../lib/model';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { DAY, HOUR, local, order, shipped, US } from './helpers';

const asOf = local('2026-11-26T12:00', US);

/** 199 confirmed orders due 11-17 … 11-26 (7 confirmed late), 1 overdue, and 3 due later today. */
function workedExample(): Order[] {
  const orders: Order[] = [];
  for (let day = 17; day <= 23; day++) {
    const due = local(`2026-11-${day}T14:00`, US);
    orders.push(shipped(due - 2 * DAY, due, due + HOUR / 2)); // confirmed 30 minutes late
  }
  for (let i = 0; i < 192; i++) {
    const day = 17 + (i % 10);
    const due = local(`2026-11-${day}T23:59`, US);
    const confirmedAt = day === 26 ? local('2026-11-26T09:00', US) : due - 2 * HOUR;
    orders.push(shipped(due - 2 * DAY, due, confirmedAt));
  }
  orders.push(order({ orderDate: local('2026-11-23T09:00', US), latestShipDate: local('2026-11-25T23:59', US) })); // overdue
  for (let i = 0; i < 3; i++) orders.push(order({ orderDate: local('2026-11-25T10:00', US), latestShipDate: local('2026-11-26T18:00', US) }));
  return orders;
}

describe('worked example (spec §6)', () => {
  const report = computeHealthReport({ orders: workedExample(), defects: [], readings: [] }, asOf, DEFAULT_SETTINGS, US);
  const lsr = report.metrics['lsr.10d'];

  it('counts 8 late of 200 over 11-17 … 11-26', () => {
    expect(lsr.window).toEqual({ from: '2026-11-17', to: '2026-11-26' });
    expect(lsr.numerator).toBe(8);
    expect(lsr.denominator).toBe(200);
    expect(lsr.rate).toBe(0.04);
  });

  it('is a breach with margin −1: one late order fewer would pass', () => {
    expect(lsr.status).toBe('breach');
    expect(lsr.margin).toBe(-1);
    expect(lsr.badEventsToRecover).toBe(1);
    expect(lsr.local).toMatchObject({ numerator: 8, denominator: 200, margin: -1, unknown: 0 });
  });

  it('leaves orders due later today out of the population, and lists them as at risk', () => {
    const dueToday = report.atRiskOrders.filter((o) => o.risks.some((r) => r.kind === 'lateShipment'));
    expect(dueToday).toHaveLength(3);
    const risk = dueToday[0]!.risks.find((r) => r.metric === 'lsr.10d')!;
    expect(risk.rateIfHappens).toBeCloseTo(9 / 201, 12);
    expect(risk.breaches).toBe(false); // already failing: this order alone does not decide it
  });

  it('validates against its schema', () => {
    expect(() => HealthReport.parse(report)).not.toThrow();
  });
});
