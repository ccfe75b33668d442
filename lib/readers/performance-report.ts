import { z } from 'zod';
import type { AmazonReading, MetricKey, PolicyReading, TargetCondition } from '../model';
import { jsonReader, mapAll } from './input';
import { defined } from './order-fields';
import { policyReadingsOf } from './policy-entries';
import type { ReadContext, Reader } from './result';
import { count, instant, maybe } from './schemas';

/**
 * Amazon's own readings: the SP-API `GET_V2_SELLER_PERFORMANCE_REPORT` document
 * (`{accountStatuses, performanceMetrics: [entry per marketplace]}`), parsed leniently
 * (metrics-spec v2 §4): real reports carry fields the schema lacks (`ahrScore`,
 * `lateShipmentRateList`, `policyViolationWarnings`) and Amazon's example renames others
 * (`prefulfillmentCancelRate` for `preFulfillmentCancellationRate`, `warningState`,
 * `documentRequest`).
 * - `unitOnTimeDeliveryRate` is the 14-day **unit** OTDR (`otdr.14d`); `onTimeDeliveryRate` is a
 *   30-day **package** figure, kept as `otdr.30d` and never compared with the local unit figure.
 * - `NONE`, or a rate of 0 over a zero count, is no reading at all, not 0 % (spec v2 §4 [obs]).
 * - `targetValue` is a bare number [obs]; `{value}` is accepted too.
 * - Policy compliance: every category of the entry, known or new (policy-entries.ts), kept as it is:
 *   the entry's other fields pass through its schema for that alone.
 */

const DAY_MS = 86_400_000;

const Range = maybe(z.object({ reportingDateFrom: maybe(instant), reportingDateTo: maybe(instant) }));
const Counted = maybe(z.object({ count: maybe(count) })).transform((c) => c?.count);

/** `0.04` [obs], or `{value: 0.04}`. */
const TargetValue = maybe(z.union([z.number(), z.object({ value: maybe(z.number()) }).transform((t) => t.value)]));

/** Every rate metric in one lenient shape: each metric uses some of these counts. */
const Metric = z.object({
  rate: maybe(z.number()),
  status: maybe(z.string()),
  targetValue: TargetValue,
  targetCondition: maybe(z.string()),
  reportingDateRange: Range,
  orderCount: maybe(count),
  orderWithDefects: Counted,
  negativeFeedback: Counted,
  claims: Counted,
  chargebacks: Counted,
  lateShipmentCount: maybe(count),
  cancellationCount: maybe(count),
  shipmentCount: maybe(count),
  validTrackingCount: maybe(count),
  onTimeDeliveryCount: maybe(count),
  shipmentCountWithValidTracking: maybe(count),
  unitOnTimeDeliveryCount: maybe(count),
  totalUnitCount: maybe(count),
  invoiceDefect: Counted,
  missingInvoice: Counted,
  lateInvoice: Counted,
});
type Metric = z.infer<typeof Metric>;

export const PerformanceEntry = z
  .object({
    marketplaceId: maybe(z.string()),
    orderDefectRate: maybe(z.object({ mfn: maybe(Metric), afn: maybe(Metric) })),
    lateShipmentRate: maybe(Metric),
    lateShipmentRateList: maybe(z.array(Metric)),
    preFulfillmentCancellationRate: maybe(Metric),
    prefulfillmentCancelRate: maybe(Metric),
    validTrackingRate: maybe(Metric),
    onTimeDeliveryRate: maybe(Metric),
    unitOnTimeDeliveryRate: maybe(Metric),
    invoiceDefectRate: maybe(Metric),
    accountHealthRating: maybe(z.object({ ahrScore: maybe(z.number()), ahrStatus: maybe(z.string()), reportingDateRange: Range })),
  })
  .catchall(z.unknown());
export type PerformanceEntry = z.infer<typeof PerformanceEntry>;

const CONDITIONS: Record<string, TargetCondition> = { LESS_THAN: 'lt', GREATER_THAN: 'gt' };

/** Which counts are each metric's numerator and denominator (good events for `gt` metrics). */
const COUNTS: Record<Exclude<MetricKey, 'ahr'>, (m: Metric) => [number | undefined, number | undefined]> = {
  'odr.mfn': (m) => [m.orderWithDefects, m.orderCount],
  'odr.afn': (m) => [m.orderWithDefects, m.orderCount],
  'lsr.10d': (m) => [m.lateShipmentCount, m.orderCount],
  'lsr.30d': (m) => [m.lateShipmentCount, m.orderCount],
  'cr.7d': (m) => [m.cancellationCount, m.orderCount],
  'vtr.30d': (m) => [m.validTrackingCount, m.shipmentCount],
  'otdr.14d': (m) => [m.unitOnTimeDeliveryCount, m.totalUnitCount],
  'otdr.30d': (m) => [m.onTimeDeliveryCount, m.shipmentCountWithValidTracking],
  'idr.7d': (m) => [m.invoiceDefect, m.orderCount],
};

/** Spec v2 §4: `NONE` [obs], or a rate of 0 with a zero count, says Amazon has nothing to report. */
function isNoReading(m: Metric, den: number | undefined): boolean {
  if (m.status !== undefined && m.status.trim().toUpperCase() === 'NONE') return true;
  return (m.rate === undefined || m.rate === 0) && den === 0;
}

function rateReading(metric: Exclude<MetricKey, 'ahr'>, m: Metric, base: Base): AmazonReading | null {
  const [num, den] = COUNTS[metric](m);
  if (isNoReading(m, den)) return null;
  return defined({
    ...base,
    metric,
    rate: m.rate,
    // Amazon's own example has more good events than shipments: such a numerator is unusable,
    // and is left unknown rather than trusted.
    numerator: num !== undefined && den !== undefined && num > den ? undefined : num,
    denominator: den,
    windowFrom: m.reportingDateRange?.reportingDateFrom,
    windowTo: m.reportingDateRange?.reportingDateTo,
    targetValue: m.targetValue,
    targetCondition: m.targetCondition ? CONDITIONS[m.targetCondition] : undefined,
    status: m.status,
    negativeFeedback: m.negativeFeedback,
    claims: m.claims,
    chargebacks: m.chargebacks,
    missingInvoice: m.missingInvoice,
    lateInvoice: m.lateInvoice,
  });
}

/**
 * The late shipment rate comes as one `lateShipmentRate` (schema: the 30-day one) or as
 * `lateShipmentRateList` (real reports, 10- and 30-day entries). Which is which is decided by the
 * length of its `reportingDateRange`: up to 15 days → `lsr.10d`, longer → `lsr.30d`; the top-level
 * entry without a range is the 30-day one (spec v2 §4). A low-volume list can hold one entry with no
 * range [obs, the real DE report of 2026-10]: [decision] it is Amazon's word on late shipments for
 * both windows (status, rate and target, no counts and no window), so Redline never shows a worse
 * status than it without saying why. Other entries without a range cannot be told apart and are left
 * out. The first entry per key wins.
 */
function lateShipmentReadings(e: PerformanceEntry, base: Base): AmazonReading[] {
  const byKey = new Map<'lsr.10d' | 'lsr.30d', AmazonReading>();
  const put = (key: 'lsr.10d' | 'lsr.30d', m: Metric) => {
    const reading = byKey.has(key) ? null : rateReading(key, m, base);
    if (reading) byKey.set(key, reading);
  };
  const list = e.lateShipmentRateList ?? [];
  for (const m of list) {
    const from = m.reportingDateRange?.reportingDateFrom;
    const to = m.reportingDateRange?.reportingDateTo;
    if (from === undefined || to === undefined || to <= from) continue;
    put(Math.round((to - from) / DAY_MS) <= 15 ? 'lsr.10d' : 'lsr.30d', m);
  }
  if (e.lateShipmentRate) put('lsr.30d', e.lateShipmentRate);
  const [only] = list;
  if (list.length === 1 && only && !only.reportingDateRange) {
    put('lsr.10d', only);
    put('lsr.30d', only);
  }
  return [...byKey.values()];
}

function ahrReading(e: PerformanceEntry, base: Base): AmazonReading[] {
  const ahr = e.accountHealthRating;
  if (!ahr || (ahr.ahrScore === undefined && ahr.ahrStatus === undefined)) return [];
  return [
    defined({
      ...base,
      metric: 'ahr' as const,
      score: ahr.ahrScore,
      status: ahr.ahrStatus,
      windowFrom: ahr.reportingDateRange?.reportingDateFrom,
      windowTo: ahr.reportingDateRange?.reportingDateTo,
    }),
  ];
}

type Base = Pick<AmazonReading, 'marketplaceId' | 'observedAt' | 'source'>;

/** One `performanceMetrics` entry → the readings of the metrics Redline follows, and its policy categories. */
export function readingsOfEntry(e: PerformanceEntry, ctx: ReadContext, source: string): { readings: AmazonReading[]; policies: PolicyReading[] } | string {
  const marketplaceId = e.marketplaceId ?? ctx.marketplaceId;
  if (!marketplaceId) return 'a performance entry names no marketplace';
  const base: Base = { marketplaceId, observedAt: ctx.observedAt, source };
  const cancel = e.preFulfillmentCancellationRate ?? e.prefulfillmentCancelRate;
  const optional: [Exclude<MetricKey, 'ahr'>, Metric | undefined][] = [
    ['odr.mfn', e.orderDefectRate?.mfn],
    ['odr.afn', e.orderDefectRate?.afn],
    ['cr.7d', cancel],
    ['vtr.30d', e.validTrackingRate],
    ['otdr.14d', e.unitOnTimeDeliveryRate],
    ['otdr.30d', e.onTimeDeliveryRate],
    ['idr.7d', e.invoiceDefectRate],
  ];
  const readings = [
    ...optional.flatMap(([key, m]) => {
      const reading = m ? rateReading(key, m, base) : null;
      return reading ? [reading] : [];
    }),
    ...lateShipmentReadings(e, base),
    ...ahrReading(e, base),
  ];
  return { readings, policies: policyReadingsOf(e, base) };
}

/** Readings of every entry, or why one cannot be read. */
export function readingsOfEntries(entries: PerformanceEntry[], ctx: ReadContext, source: string) {
  const perEntry = mapAll(entries, (e) => readingsOfEntry(e, ctx, source));
  if (typeof perEntry === 'string') return perEntry;
  return { readings: perEntry.flatMap((e) => e.readings), policies: perEntry.flatMap((e) => e.policies) };
}

const FORMAT = 'sp-api/performance-report';

/** `GET_V2_SELLER_PERFORMANCE_REPORT` document → readings for every marketplace it covers. */
export const readPerformanceReport: Reader = jsonReader(FORMAT, z.object({ performanceMetrics: z.array(PerformanceEntry).min(1) }), (doc, ctx) =>
  readingsOfEntries(doc.performanceMetrics, ctx, FORMAT),
);
