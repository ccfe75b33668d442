import { describe, expect, it } from 'vitest';
import type { AmazonReading } from '../../../lib/model';
import { readPerformanceReport, readPerformanceSummary } from '../../../lib/readers';
import { batchOf, DE, expectNotRecognized, fixture, fixtureJson, OBSERVED, US } from './helpers';

const ctx = { observedAt: OBSERVED };
const byMetric = (readings: AmazonReading[]) => Object.fromEntries(readings.map((r) => [r.metric, r]));

describe('GET_V2_SELLER_PERFORMANCE_REPORT, real excerpt (DE, Oct 2026)', () => {
  const readings = byMetric(
    batchOf(readPerformanceReport(fixture('seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json'), ctx)).readings,
  );

  it('reads ODR (both channels), VTR, the 30-day package OTDR, late shipments and the AHR score', () => {
    expect(Object.keys(readings).sort()).toEqual(['ahr', 'lsr.10d', 'lsr.30d', 'odr.afn', 'odr.mfn', 'otdr.30d', 'vtr.30d']);
  });

  it('ODR: rate, order count, target and window in epoch ms', () => {
    expect(readings['odr.mfn']).toEqual({
      marketplaceId: DE,
      metric: 'odr.mfn',
      observedAt: OBSERVED,
      source: 'sp-api/performance-report',
      rate: 0,
      denominator: 11,
      windowFrom: Date.UTC(2026, 7, 26),
      windowTo: Date.UTC(2026, 8, 24, 23, 59, 59),
      targetValue: 0.01,
      targetCondition: 'lt',
      status: 'GOOD',
    });
    expect(readings['odr.afn']!.denominator).toBe(4322);
  });

  it('onTimeDeliveryRate is the 30-day package figure (otdr.30d), never the 14-day unit OTDR; VTR: shipment count', () => {
    expect(readings['otdr.14d']).toBeUndefined();
    expect(readings['otdr.30d']).toMatchObject({ numerator: 3, denominator: 7, targetValue: 0.97, targetCondition: 'gt', status: 'GOOD' });
    expect(readings['vtr.30d']).toMatchObject({ rate: 1, denominator: 7, targetCondition: 'gt' });
    expect(readings['vtr.30d']).not.toHaveProperty('numerator');
  });

  it('AHR: the score and Amazon’s word for it', () => {
    expect(readings.ahr).toMatchObject({ metric: 'ahr', score: 428, status: 'GREAT' });
  });

  it('a one-entry lateShipmentRateList without a range is Amazon’s word on both windows: status, rate, target, no counts, no window', () => {
    for (const key of ['lsr.10d', 'lsr.30d']) {
      expect(readings[key]).toEqual({
        marketplaceId: DE,
        metric: key,
        observedAt: OBSERVED,
        source: 'sp-api/performance-report',
        rate: 0,
        status: 'GOOD',
        targetValue: 0.04,
        targetCondition: 'lt',
      });
    }
  });
});

describe('GET_V2_SELLER_PERFORMANCE_REPORT, Amazon’s example (renamed fields)', () => {
  const readings = byMetric(batchOf(readPerformanceReport(fixture('amazon-sp-api/performance-report.example.json'), ctx)).readings);

  it('reads prefulfillmentCancelRate as cr.7d and the 30-day lateShipmentRate as lsr.30d', () => {
    expect(readings['cr.7d']).toMatchObject({ marketplaceId: US, rate: 0.005, numerator: 551, denominator: 17197, targetValue: 0.01 });
    expect(readings['lsr.30d']).toMatchObject({ numerator: 27896, denominator: 870669, rate: 0.03203973037 });
    expect(readings['lsr.10d']).toBeUndefined();
  });

  it('ODR keeps the three parts as counts', () => {
    expect(readings['odr.mfn']).toMatchObject({ numerator: 1078, denominator: 539000, negativeFeedback: 628, claims: 442, chargebacks: 15 });
  });

  it('a numerator larger than its denominator (Amazon’s example data) is left unknown, not trusted', () => {
    expect(readings['vtr.30d']).toMatchObject({ denominator: 878443 });
    expect(readings['vtr.30d']).not.toHaveProperty('numerator');
    expect(readings['otdr.30d']).not.toHaveProperty('numerator');
  });

  it('unitOnTimeDeliveryRate is the unit OTDR, counted in units', () => {
    expect(readings['otdr.14d']).toMatchObject({ numerator: 146, denominator: 165, rate: 0.8848, targetValue: 0.9, status: 'GOOD' });
  });

  it('invoiceDefectRate with its parts', () => {
    expect(readings['idr.7d']).toMatchObject({
      numerator: 315,
      denominator: 9001,
      missingInvoice: 214,
      lateInvoice: 101,
      targetValue: 0.05,
      targetCondition: 'lt',
    });
  });

  it('AHR with a status but no score', () => {
    expect(readings.ahr).toMatchObject({ status: 'WARNED' });
    expect(readings.ahr).not.toHaveProperty('score');
  });
});

describe('lateShipmentRateList', () => {
  const entry = (from: string, to: string, late: number) => ({
    rate: late / 100,
    orderCount: 100,
    lateShipmentCount: late,
    targetValue: 0.04,
    targetCondition: 'LESS_THAN',
    reportingDateRange: { reportingDateFrom: from, reportingDateTo: to },
  });

  it('tells the 10-day from the 30-day entry by the length of its range, in any order', () => {
    const doc = {
      performanceMetrics: [
        {
          marketplaceId: US,
          lateShipmentRateList: [entry('2026-10-28T00:00:00Z', '2026-11-26T23:59:59Z', 3), entry('2026-11-17T00:00Z', '2026-11-26T23:59Z', 5)],
        },
      ],
    };
    const readings = byMetric(batchOf(readPerformanceReport(doc, ctx)).readings);
    expect(readings['lsr.10d']).toMatchObject({ numerator: 5, windowFrom: Date.UTC(2026, 10, 17) });
    expect(readings['lsr.30d']).toMatchObject({ numerator: 3, windowFrom: Date.UTC(2026, 9, 28) });
  });

  it('a report with several marketplaces gives readings for each', () => {
    const doc = {
      performanceMetrics: [
        { marketplaceId: US, accountHealthRating: { ahrScore: 250 } },
        { marketplaceId: DE, accountHealthRating: { ahrScore: 180 } },
      ],
    };
    expect(batchOf(readPerformanceReport(doc, ctx)).readings.map((r) => [r.marketplaceId, r.score])).toEqual([
      [US, 250],
      [DE, 180],
    ]);
  });
});

describe('performance report: odd input', () => {
  it('a rate outside 0–1 is invalid; a missing marketplace is taken from the context only', () => {
    expectNotRecognized(readPerformanceReport({ performanceMetrics: [{ marketplaceId: US, validTrackingRate: { rate: 95 } }] }, ctx), 'invalid');
    const bare = { performanceMetrics: [{ validTrackingRate: { rate: 0.95 } }] };
    expectNotRecognized(readPerformanceReport(bare, ctx), 'invalid');
    expect(batchOf(readPerformanceReport(bare, { ...ctx, marketplaceId: DE })).readings[0]!.marketplaceId).toBe(DE);
  });

  it('NONE, or a rate of 0 over a zero count, is no reading; a bare or {value} target is read', () => {
    const entry = (m: Record<string, unknown>) => ({ performanceMetrics: [{ marketplaceId: US, validTrackingRate: m }] });
    const read = (m: Record<string, unknown>) => batchOf(readPerformanceReport(entry(m), ctx)).readings;
    expect(read({ status: 'NONE', rate: 0.5, shipmentCount: 10 })).toEqual([]);
    expect(read({ status: 'GOOD', rate: 0, shipmentCount: 0 })).toEqual([]);
    expect(read({ status: 'GOOD', rate: 0, shipmentCount: 3, targetValue: { value: 0.95 } })[0]).toMatchObject({ denominator: 3, targetValue: 0.95 });
    expect(read({ status: 'AT RISK', rate: 0.9, shipmentCount: 30, targetValue: 0.95 })[0]).toMatchObject({ status: 'AT RISK', targetValue: 0.95 });
  });

  it('an empty performanceMetrics list is not a report', () => {
    expectNotRecognized(readPerformanceReport({ performanceMetrics: [] }, ctx), 'invalid');
  });
});

describe('/performance/api/summary (shape of the demo site: the report plus marketplaceId, lastUpdatedDate)', () => {
  it('reads the same readings as the report, under its own source', () => {
    const report = fixtureJson('seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json') as Record<string, unknown>;
    const summary = { ...report, marketplaceId: DE, lastUpdatedDate: '2026-10-04T08:00:00Z' };
    const readings = batchOf(readPerformanceSummary(summary, ctx)).readings;
    expect(readings).toHaveLength(7);
    expect(readings.every((r) => r.source === 'performance-api/summary' && r.marketplaceId === DE)).toBe(true);
  });

  it('accepts one bare performanceMetrics entry, its marketplace from the context', () => {
    const entry = { accountHealthRating: { ahrScore: 240, ahrStatus: 'GOOD' } };
    expect(batchOf(readPerformanceSummary(entry, { ...ctx, marketplaceId: US })).readings).toEqual([
      { marketplaceId: US, metric: 'ahr', observedAt: OBSERVED, source: 'performance-api/summary', score: 240, status: 'GOOD' },
    ]);
    expectNotRecognized(readPerformanceSummary({ hello: 'world' }, ctx), 'invalid');
  });
});

describe('policy compliance (spec v2 §2.2)', () => {
  const policiesOf = (input: unknown, c = ctx) => batchOf(readPerformanceReport(input, c)).policies ?? [];
  const byCategory = (input: unknown) => Object.fromEntries(policiesOf(input).map((p) => [p.category, p]));

  it('the real DE report: its listing policy entry and its warnings count, dated with their window', () => {
    const policies = policiesOf(fixture('seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json'));
    expect(policies).toEqual([
      {
        marketplaceId: DE,
        category: 'listingPolicyViolations',
        observedAt: OBSERVED,
        source: 'sp-api/performance-report',
        count: 0,
        status: 'GOOD',
        targetValue: 0,
        windowFrom: Date.UTC(2026, 7, 26),
        windowTo: Date.UTC(2026, 8, 24, 23, 59, 59),
      },
      {
        marketplaceId: DE,
        category: 'policyViolationWarnings',
        observedAt: OBSERVED,
        source: 'sp-api/performance-report',
        count: 0,
        windowFrom: Date.UTC(2026, 7, 26),
        windowTo: Date.UTC(2026, 8, 24, 23, 59, 59),
      },
    ]);
  });

  it('Amazon’s example: every category with its count and Amazon’s word; `documentRequest` is documentRequests', () => {
    const p = byCategory(fixture('amazon-sp-api/performance-report.example.json'));
    expect(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [v.count, v.status]]))).toEqual({
      productSafetyCustomerComplaints: [165, 'BAD'],
      receivedIntellectualPropertyComplaints: [75, 'BAD'],
      listingPolicyViolations: [86, 'BAD'],
      foodAndProductSafetyIssues: [37, 'BAD'],
      productAuthenticityCustomerComplaints: [212, 'BAD'],
      documentRequests: [8, 'GOOD'],
      productConditionCustomerComplaints: [337, 'BAD'],
      otherPolicyViolations: [86, 'BAD'],
    });
    expect(p.listingPolicyViolations).toMatchObject({
      marketplaceId: US,
      targetValue: 0,
      windowFrom: Date.UTC(2020, 4, 24),
      windowTo: Date.UTC(2020, 10, 19, 23, 59),
    });
    // warningState (account warnings without a count) is not a policy category.
    expect(p).not.toHaveProperty('warningState');
  });

  it('a category Amazon adds is kept under its own name; a missing or unreadable count is unknown, never 0', () => {
    const doc = {
      performanceMetrics: [
        {
          marketplaceId: US,
          counterfeitListingsRemoved: { defectsCount: 2, status: 'BAD', targetValue: 0, targetCondition: 'EQUALS' },
          listingPolicyViolations: { status: 'BAD', targetValue: 0, targetCondition: 'EQUALS' },
          restrictedProductPolicyViolations: { defectsCount: 'many', status: 'BAD' },
          customerProductReviewsPolicyViolations: { defectsCount: { count: 1 }, status: 'BAD' },
          newWarnings: { warningsCount: '3' },
          '<img src=x>': { defectsCount: 9 },
        },
      ],
    };
    const p = byCategory(doc);
    expect(p.counterfeitListingsRemoved).toMatchObject({ count: 2, status: 'BAD', targetValue: 0 });
    expect(p.newWarnings).toMatchObject({ count: 3 });
    expect(p.listingPolicyViolations).not.toHaveProperty('count');
    expect(p.restrictedProductPolicyViolations).not.toHaveProperty('count');
    expect(p.customerProductReviewsPolicyViolations).toMatchObject({ count: 1 });
    // A key that is not a name (markup) is no category.
    expect(Object.keys(p).sort()).toEqual([
      'counterfeitListingsRemoved',
      'customerProductReviewsPolicyViolations',
      'listingPolicyViolations',
      'newWarnings',
      'restrictedProductPolicyViolations',
    ]);
    // The rate metrics of the same entry are unaffected.
    expect(batchOf(readPerformanceReport(doc, ctx)).readings).toEqual([]);
  });

  it('the Account Health summary gives the same categories under its own source', () => {
    const report = fixtureJson('seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json') as Record<string, unknown>;
    const policies = batchOf(readPerformanceSummary({ ...report, marketplaceId: DE }, ctx)).policies ?? [];
    expect(policies.map((p) => [p.category, p.source])).toEqual([
      ['listingPolicyViolations', 'performance-api/summary'],
      ['policyViolationWarnings', 'performance-api/summary'],
    ]);
  });
});
