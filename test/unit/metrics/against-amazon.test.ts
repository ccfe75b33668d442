/**
 * "Never contradict Amazon silently" (metrics-spec v2, issue of the real DE report): with Amazon's own
 * reading for a metric, Redline's status is never worse than Amazon's unless it says why.
 */
import { describe, expect, it } from 'vitest';
import { computeHealthReport, HealthReport } from '../../../lib/metrics';
import type { Order } from '../../../lib/model';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { readPerformanceReport } from '../../../lib/readers';
import { batchOf, fixture } from '../readers/helpers';
import { DAY, DE, HOUR, local, reading, shipped } from './helpers';

// The real excerpt was read on 2026-10-04 (its source note); its windows end 2026-09-24.
const observedAt = Date.UTC(2026, 9, 4, 8);
const deReadings = batchOf(
  readPerformanceReport(fixture('seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json'), { observedAt }),
).readings;
const asOf = local('2026-10-05T12:00', DE);

/** The seller's 7 packages of late September, 4 of them delivered late (Amazon counts 3 of 7 on time). */
function deliveries(): Order[] {
  return Array.from({ length: 7 }, (_, i) => {
    const promised = local(`2026-09-${String(10 + i).padStart(2, '0')}T18:00`, DE);
    return shipped(promised - 4 * DAY, promised - 3 * DAY, promised - 3 * DAY, {
      marketplaceId: DE,
      latestDeliveryDate: promised,
      deliveredAt: i < 3 ? promised - HOUR : promised + DAY,
      items: [{ sku: 'DE-1', quantityOrdered: 1 }],
    });
  });
}

describe('the real DE report of 2026-10', () => {
  const report = computeHealthReport({ orders: deliveries(), defects: [], readings: deReadings }, asOf, DEFAULT_SETTINGS, DE);

  it('does not show On-Time Delivery as a breach: the 30-day package figure is Amazon’s own, shown beside, never compared', () => {
    expect(report.metrics['otdr.30d']).toMatchObject({
      unit: 'packages',
      amazonStatus: 'ok',
      amazon: { rate: 0.42857142857142855, numerator: 3, denominator: 7, status: 'GOOD' },
    });
    const otdr = report.metrics['otdr.14d'];
    expect(otdr.amazon).toBeNull(); // no unit reading in this report
    expect(otdr.status).not.toBe('breach');
    expect(otdr.status).toBe('insufficient'); // a handful of local units, no reading: not judged
  });

  it('keeps the one-entry late shipment list as Amazon’s GOOD for both windows', () => {
    expect(report.metrics['lsr.10d'].amazonStatus).toBe('ok');
    expect(report.metrics['lsr.30d'].amazonStatus).toBe('ok');
  });

  it('validates', () => {
    expect(() => HealthReport.parse(report)).not.toThrow();
  });
});

describe('Redline worse than Amazon', () => {
  const US = 'ATVPDKIKX0DER';
  const now = local('2026-11-26T12:00', US);
  const lateOn = (date: string): Order => {
    const due = local(`${date}T23:59`, US);
    return shipped(due - 2 * DAY, due, due + HOUR);
  };
  const onTime = (date: string): Order => {
    const due = local(`${date}T23:59`, US);
    return shipped(due - 2 * DAY, due, due - HOUR);
  };
  const goodReading = reading({
    metric: 'lsr.10d',
    observedAt: local('2026-11-24T08:00', US),
    status: 'GOOD',
    rate: 0.0,
    targetValue: 0.04,
    targetCondition: 'lt',
  });

  it('says how many late shipments entered the window after Amazon’s reading', () => {
    const orders = [...Array.from({ length: 20 }, () => onTime('2026-11-20')), lateOn('2026-11-25'), lateOn('2026-11-25')];
    const lsr = computeHealthReport({ orders, defects: [], readings: [goodReading] }, now, DEFAULT_SETTINGS, US).metrics['lsr.10d'];
    expect(lsr.status).toBe('breach'); // 2 of 22 = 9 %
    expect(lsr.explanation).toEqual({ reason: 'sinceReading', amazonStatus: 'ok', ownStatus: 'breach', count: 2, category: null });
  });

  it('follows Amazon when nothing local explains the difference, and keeps its own count visible', () => {
    const orders = [...Array.from({ length: 20 }, () => onTime('2026-11-18')), lateOn('2026-11-19'), lateOn('2026-11-19')];
    const lsr = computeHealthReport({ orders, defects: [], readings: [goodReading] }, now, DEFAULT_SETTINGS, US).metrics['lsr.10d'];
    expect(lsr.status).toBe('ok');
    expect(lsr.numerator).toBe(2);
    expect(lsr.explanation).toMatchObject({ reason: 'followsAmazon', amazonStatus: 'ok', ownStatus: 'breach' });
    expect(lsr.projection.breachDate).toBeNull();
  });

  it('with no reading, or a reading that agrees, there is nothing to explain', () => {
    const orders = [...Array.from({ length: 20 }, () => onTime('2026-11-18')), lateOn('2026-11-19')];
    const none = computeHealthReport({ orders, defects: [], readings: [] }, now, DEFAULT_SETTINGS, US).metrics['lsr.10d'];
    expect(none).toMatchObject({ amazonStatus: null, explanation: null });
    const bad = { ...goodReading, status: 'POOR' };
    expect(computeHealthReport({ orders, defects: [], readings: [bad] }, now, DEFAULT_SETTINGS, US).metrics['lsr.10d'].explanation).toBeNull();
  });
});

describe('a reading Redline cannot fully read', () => {
  it('an unknown status word: Amazon’s status is unknown, the figures are still the reading’s', () => {
    const US = 'ATVPDKIKX0DER';
    const now = local('2026-11-26T12:00', US);
    const odd = reading({ metric: 'cr.7d', observedAt: now - HOUR, status: 'SOMETHING_NEW', rate: 0.01, numerator: 1, denominator: 100 });
    const cr = computeHealthReport({ orders: [], defects: [], readings: [odd] }, now, DEFAULT_SETTINGS, US).metrics['cr.7d'];
    expect(cr).toMatchObject({ amazonStatus: null, explanation: null, numerator: 1, denominator: 100, amazon: { status: 'SOMETHING_NEW' } });
  });
});
