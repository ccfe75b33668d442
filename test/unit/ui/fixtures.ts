/**
 * A health report for UI tests, built to the engine's schema (lib/metrics/report-schema.ts) and
 * validated against it, so the UI is tested on the real shape.
 */
import { HealthReport, type MetricReport, type OrderRisk, type PolicyComplianceEntry } from '../../../lib/metrics/report-schema';
import { METRIC_UNITS, type RateMetricKey } from '../../../lib/model/metric-keys';

export const NOW = Date.UTC(2026, 10, 26, 20, 0); // 2026-11-26 12:00 America/Los_Angeles
export const TODAY = '2026-11-26';
const HOUR = 3_600_000;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

type MetricInput = Partial<MetricReport> & { key: RateMetricKey; numerator: number; denominator: number };

const TARGETS: Record<RateMetricKey, [number, 'lt' | 'gt', number, number]> = {
  'odr.mfn': [0.01, 'lt', 60, 14],
  'odr.afn': [0.01, 'lt', 60, 14],
  'lsr.10d': [0.04, 'lt', 10, 0],
  'lsr.30d': [0.04, 'lt', 30, 0],
  'cr.7d': [0.025, 'lt', 7, 0],
  'vtr.30d': [0.95, 'gt', 30, 14],
  'otdr.14d': [0.9, 'gt', 14, 7],
  'idr.7d': [0.05, 'lt', 7, 8],
};

export function metric(input: MetricInput): MetricReport {
  const [target, condition, days, lag] = TARGETS[input.key];
  const bp = Math.round(target * 10000);
  const { numerator: num, denominator: den } = input;
  const margin = den === 0 ? null : condition === 'lt' ? Math.ceil((bp * den - 10000 * num) / 10000) - 1 : Math.ceil((10000 * num - bp * den) / 10000) - 1;
  const rate = den === 0 ? null : num / den;
  const status = den === 0 ? 'unknown' : margin! < 0 ? 'breach' : margin! <= 1 ? 'warning' : 'ok';
  const window = { from: addDays(TODAY, -(lag + days - 1)), to: addDays(TODAY, -lag) };
  const day = (i: number, r: number | null) => ({ num: num, den, rate: r, margin, status });
  const timeline = Array.from({ length: 30 }, (_, i) => ({
    date: addDays(TODAY, i + 1),
    expected: day(i, rate === null ? null : condition === 'lt' ? Math.max(0, rate - i * 0.0002) : Math.min(1, rate + i * 0.0002)),
    worst: day(i, rate === null ? null : condition === 'lt' ? rate + 0.002 + i * 0.0001 : rate - 0.004 - i * 0.0001),
  }));
  return {
    unit: METRIC_UNITS[input.key],
    rate,
    target,
    targetBasisPoints: bp,
    targetSource: 'marketplace',
    condition,
    margin,
    badEventsToRecover: margin === null ? null : Math.max(0, -margin),
    status,
    advisory: false,
    enforcement: { enforced: true, since: input.key === 'otdr.14d' ? '2024-09-25' : null, evidence: 'amazon' },
    window,
    lagDays: lag,
    amazonStatus: null,
    explanation: null,
    categories: input.key === 'vtr.30d' ? [] : null,
    breakdown: null,
    amazon: null,
    local: { numerator: num, denominator: den, rate, margin, window, unknown: 0 },
    coverage: null,
    projection: { basis: 'local', estimated: false, timeline, breachDate: null, recoveryDate: null },
    ...input,
  } as MetricReport;
}

export function risk(partial: Partial<OrderRisk> & Pick<OrderRisk, 'kind' | 'metric'>): OrderRisk {
  return { deadline: NOW + 3 * HOUR, rateIfHappens: 0.043, marginIfHappens: -1, breaches: true, alreadyCounted: false, ...partial };
}

export function sampleReport(overrides: Partial<HealthReport> = {}): HealthReport {
  const odr = metric({
    key: 'odr.mfn',
    numerator: 8,
    denominator: 1000,
    amazon: {
      observedAt: NOW - 2 * 24 * HOUR,
      ageMs: 2 * 24 * HOUR,
      source: 'accountHealth',
      rate: 0.008,
      numerator: 8,
      denominator: 1000,
      window: null,
      target: 0.01,
      condition: 'lt',
      status: 'GOOD',
      parts: { negativeFeedback: 5, claims: 2, chargebacks: 1 },
    },
    coverage: 0.62,
  });
  const report = {
    version: 2,
    marketplaceId: 'ATVPDKIKX0DER',
    asOf: NOW,
    timeZone: 'America/Los_Angeles',
    today: TODAY,
    metrics: {
      'odr.mfn': { ...odr, parts: { negativeFeedback: 5, claims: 2, chargebacks: 1 } },
      'odr.afn': { ...metric({ key: 'odr.afn', numerator: 0, denominator: 0 }), parts: { negativeFeedback: 0, claims: 0, chargebacks: 0 } },
      'lsr.10d': metric({
        key: 'lsr.10d',
        numerator: 8,
        denominator: 200,
        projection: { ...metric({ key: 'lsr.10d', numerator: 8, denominator: 200 }).projection, recoveryDate: '2026-12-03' },
      }),
      'lsr.30d': metric({ key: 'lsr.30d', numerator: 12, denominator: 600 }),
      'cr.7d': metric({ key: 'cr.7d', numerator: 2, denominator: 140 }),
      'vtr.30d': metric({ key: 'vtr.30d', numerator: 580, denominator: 600 }),
      'otdr.14d': metric({ key: 'otdr.14d', numerator: 270, denominator: 280 }),
      'otdr.30d': { key: 'otdr.30d', unit: 'packages', amazon: null, amazonStatus: null },
      ahr: {
        key: 'ahr',
        unit: 'points',
        score: 240,
        status: 'healthy',
        window: null,
        amazon: { observedAt: NOW - 2 * 24 * HOUR, ageMs: 2 * 24 * HOUR, source: 'accountHealth', score: 240, status: 'Healthy' },
      },
    },
    atRiskOrders: [
      {
        orderId: '114-1111111-1111111',
        risks: [
          risk({ kind: 'lateShipment', metric: 'lsr.10d', deadline: NOW + 2 * HOUR + 20 * 60_000, rateIfHappens: 9 / 201 }),
          risk({
            kind: 'lateShipment',
            metric: 'lsr.30d',
            deadline: NOW + 2 * HOUR + 20 * 60_000,
            rateIfHappens: 13 / 601,
            marginIfHappens: 10,
            breaches: false,
          }),
        ],
      },
      {
        orderId: '114-2222222-2222222',
        risks: [risk({ kind: 'autoCancel', metric: 'cr.7d', deadline: NOW + 20 * HOUR, rateIfHappens: 3 / 141, marginIfHappens: 0, breaches: false })],
      },
    ],
    policyCompliance: [],
    accountHealthAssurance: {
      status: 'notEnoughHistory',
      daysBelow250: 0,
      daysCovered: 3,
      since: addDays(TODAY, -2),
      window: { from: addDays(TODAY, -179), to: TODAY },
    },
    dispatchRuleHours: 72,
    ...overrides,
  };
  return HealthReport.parse(report);
}

/** One policy category of Amazon's reading; its status and change follow from the counts. */
export function policyEntry(
  category: string,
  count: number | null,
  previousCount: number | null = null,
  extra: Partial<PolicyComplianceEntry> = {},
): PolicyComplianceEntry {
  return {
    category,
    label: null,
    count,
    target: 0,
    status: count === null ? 'unknown' : count > 0 ? 'breach' : 'ok',
    amazonStatus: count ? 'BAD' : 'GOOD',
    observedAt: NOW - 2 * HOUR,
    source: 'performance-api/summary',
    window: { from: '2026-05-31', to: TODAY },
    previousCount,
    previousObservedAt: previousCount === null ? null : Date.UTC(2026, 10, 24, 20),
    change: count !== null && previousCount !== null ? count - previousCount : null,
    ...extra,
  };
}
