/**
 * Policy compliance and Account Health Assurance in the report (metrics-spec v2 §2.2): read from
 * Amazon, never computed; counts compared with the reading before; the AHR's history over 180 days.
 */
import { describe, expect, it } from 'vitest';
import { computeHealthReport, HealthReport } from '../../../lib/metrics';
import { DEFAULT_SETTINGS, type AmazonReading, type PolicyReading } from '../../../lib/model';
import { readPerformanceReport } from '../../../lib/readers';
import { batchOf, fixture } from '../readers/helpers';
import { DAY, DE, local, US } from './helpers';

const AS_OF = local('2026-11-26T12:00', US);

function policy(category: string, count: number | undefined, observedAt: number, extra: Partial<PolicyReading> = {}): PolicyReading {
  return { marketplaceId: US, category, observedAt, source: 'sp-api/performance-report', ...(count === undefined ? {} : { count }), targetValue: 0, ...extra };
}

const report = (policies: PolicyReading[], readings: AmazonReading[] = [], asOf = AS_OF, marketplaceId = US) =>
  HealthReport.parse(computeHealthReport({ orders: [], defects: [], readings, policies }, asOf, DEFAULT_SETTINGS, marketplaceId));

describe('policy compliance', () => {
  it('Amazon’s example report: every category over its target of 0 is a breach, documentRequests too, whatever Amazon’s word', () => {
    const batch = batchOf(readPerformanceReport(fixture('amazon-sp-api/performance-report.example.json'), { observedAt: AS_OF }));
    const entries = report(batch.policies ?? [], batch.readings).policyCompliance;
    expect(entries.map((e) => [e.category, e.count, e.status])).toEqual([
      ['listingPolicyViolations', 86, 'breach'],
      ['receivedIntellectualPropertyComplaints', 75, 'breach'],
      ['productAuthenticityCustomerComplaints', 212, 'breach'],
      ['productConditionCustomerComplaints', 337, 'breach'],
      ['productSafetyCustomerComplaints', 165, 'breach'],
      ['foodAndProductSafetyIssues', 37, 'breach'],
      ['otherPolicyViolations', 86, 'breach'],
      ['documentRequests', 8, 'breach'],
    ]);
    expect(entries.find((e) => e.category === 'documentRequests')).toMatchObject({ amazonStatus: 'GOOD', target: 0, previousCount: null, change: null });
    // A range that ends before it starts (Amazon's example) gives no window.
    expect(entries.find((e) => e.category === 'documentRequests')!.window).toBeNull();
    expect(entries[0]!.window).toEqual({ from: '2020-05-24', to: '2020-11-19' });
  });

  it('the real DE report: all clear, counts of 0', () => {
    const batch = batchOf(
      readPerformanceReport(fixture('seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json'), { observedAt: AS_OF }),
    );
    const entries = report(batch.policies ?? [], batch.readings, AS_OF, DE).policyCompliance;
    expect(entries.map((e) => [e.category, e.count, e.status, e.amazonStatus])).toEqual([
      ['listingPolicyViolations', 0, 'ok', 'GOOD'],
      ['policyViolationWarnings', 0, 'ok', null],
    ]);
  });

  it('the latest reading per category, with the one before it and the change; breaches first, then unknown', () => {
    const entries = report([
      policy('listingPolicyViolations', 0, AS_OF - 3 * DAY),
      policy('listingPolicyViolations', 1, AS_OF - DAY),
      policy('receivedIntellectualPropertyComplaints', 2, AS_OF - 2 * DAY),
      policy('receivedIntellectualPropertyComplaints', 0, AS_OF - DAY),
      policy('documentRequests', undefined, AS_OF - DAY),
      policy('listingPolicyViolations', 5, AS_OF + DAY), // after asOf: not known then
      { ...policy('listingPolicyViolations', 9, AS_OF - DAY), marketplaceId: DE },
    ]).policyCompliance;
    expect(entries.map((e) => [e.category, e.status, e.count, e.previousCount, e.change])).toEqual([
      ['listingPolicyViolations', 'breach', 1, 0, 1],
      ['documentRequests', 'unknown', null, null, null],
      ['receivedIntellectualPropertyComplaints', 'ok', 0, 2, -2],
    ]);
    expect(entries[0]).toMatchObject({ observedAt: AS_OF - DAY, previousObservedAt: AS_OF - 3 * DAY });
  });

  it('a category Redline does not know is shown under its own name, with the page’s label; a count under its target is clear', () => {
    const entries = report([
      policy('policies-brand-new-row', 3, AS_OF - DAY, { source: 'dom/account-health', label: 'Brand New Violations' }),
      policy('otherPolicyViolations', 1, AS_OF - DAY, { targetValue: 1 }),
    ]).policyCompliance;
    expect(entries).toMatchObject([
      { category: 'policies-brand-new-row', label: 'Brand New Violations', count: 3, status: 'breach' },
      { category: 'otherPolicyViolations', label: null, count: 1, target: 1, status: 'ok' },
    ]);
  });

  it('no policy reading: an empty list, not "all clear"', () => {
    expect(report([]).policyCompliance).toEqual([]);
  });
});

describe('Account Health Assurance (250 or more for 180 days, at most 10 days below)', () => {
  const ahr = (score: number, daysAgo: number, marketplaceId = US): AmazonReading => ({
    marketplaceId,
    metric: 'ahr',
    observedAt: AS_OF - daysAgo * DAY,
    source: 'dom/account-health',
    score,
  });
  const assurance = (readings: AmazonReading[]) => report([], readings).accountHealthAssurance;

  it('no rating read: unknown', () => {
    expect(assurance([])).toEqual({ status: 'unknown', daysBelow250: null, daysCovered: 0, since: null, window: { from: '2026-05-31', to: '2026-11-26' } });
  });

  it('fewer than 180 days of history: not enough history yet, since the first reading', () => {
    expect(assurance([ahr(300, 20), ahr(240, 5), ahr(280, 2)])).toMatchObject({
      status: 'notEnoughHistory',
      daysBelow250: 3,
      daysCovered: 21,
      since: '2026-11-06',
    });
  });

  it('a score holds until the next reading: 10 days below is still eligible, 11 is not', () => {
    const ten = [ahr(400, 200), ahr(240, 30), ahr(260, 20)];
    expect(assurance(ten)).toMatchObject({ status: 'eligible', daysBelow250: 10, daysCovered: 180, since: '2026-05-10' });
    const eleven = [ahr(400, 200), ahr(240, 30), ahr(260, 19)];
    expect(assurance(eleven)).toMatchObject({ status: 'notEligible', daysBelow250: 11 });
  });

  it('exactly 250 is not below; the score in force before the window counts from its first day', () => {
    expect(assurance([ahr(249, 400), ahr(250, 169)])).toMatchObject({ status: 'eligible', daysBelow250: 10 });
    expect(assurance([ahr(249, 400), ahr(250, 168)])).toMatchObject({ status: 'notEligible', daysBelow250: 11 });
  });

  it('more than 10 days below is known before 180 days of history', () => {
    expect(assurance([ahr(200, 15)])).toMatchObject({ status: 'notEligible', daysBelow250: 16, since: '2026-11-11' });
  });

  it('the day’s latest reading counts; other marketplaces and later readings do not', () => {
    const sameDay = { ...ahr(100, 30), observedAt: AS_OF - 30 * DAY - 1000 };
    expect(assurance([ahr(400, 200), sameDay, ahr(300, 30), ahr(100, 20, DE), ahr(100, -1)])).toMatchObject({ status: 'eligible', daysBelow250: 0 });
  });
});

describe('Invoice Defect Rate: Amazon’s reading, in the five marketplaces that have it', () => {
  const EU_FIVE = { UK: 'A1F83G8C2ARO7P', DE, FR: 'A13V1IB3VIYZZH', IT: 'APJ6JRA9NG5V4', ES: 'A1RKKUPIHCS9HS' };
  const elsewhere = { US, JP: 'A1VC38T7YXB528', CA: 'A2EUQ1WTGCTBG2' };
  /** The schema's example entry, read as a report of `marketplaceId`. */
  function exampleAs(marketplaceId: string) {
    const doc = JSON.parse(fixture('amazon-sp-api/performance-report.example.json')) as { performanceMetrics: Record<string, unknown>[] };
    const entry = { ...doc.performanceMetrics[0]!, marketplaceId };
    // Its window as of a day after it ended, so the reading is current.
    const asOf = Date.UTC(2020, 10, 28, 12);
    const batch = batchOf(readPerformanceReport({ performanceMetrics: [entry] }, { observedAt: asOf }));
    return computeHealthReport({ orders: [], defects: [], readings: batch.readings, policies: batch.policies ?? [] }, asOf, DEFAULT_SETTINGS, marketplaceId);
  }

  it.each(Object.entries(EU_FIVE))('%s: idr.7d from invoiceDefectRate, with Amazon’s counts, its 5 %% target and window', (_country, marketplaceId) => {
    const idr = exampleAs(marketplaceId).metrics['idr.7d']!;
    expect(idr).toMatchObject({ numerator: 315, denominator: 9001, target: 0.05, targetSource: 'amazon', condition: 'lt', status: 'ok', unit: 'orders' });
    expect(idr.amazon).toMatchObject({ numerator: 315, denominator: 9001, rate: 0.03499611, status: 'GOOD', window: { from: '2020-10-21', to: '2020-10-27' } });
  });

  it.each(Object.entries(elsewhere))('%s: no Invoice Defect Rate, though the report carries one', (_country, marketplaceId) => {
    expect(exampleAs(marketplaceId).metrics['idr.7d']).toBeUndefined();
  });
});
