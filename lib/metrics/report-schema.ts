/**
 * The health report as zod schemas: the popup and storage validate and cache it, so its shape is
 * declared once here and the types are inferred (docs/health-report.md documents every field).
 *
 * Conventions: rates and targets are fractions (0.01 = 1 %) as in Amazon's report; counts are
 * integers; dates are local calendar dates `YYYY-MM-DD` in the marketplace's zone; instants are
 * epoch ms. `null` always means "not known / nothing to compute from", never zero.
 */
import { z } from 'zod';
import { EpochMs, LocalDate, RATE_METRICS, TargetCondition } from '../model';

export const RateMetricKeySchema = z.enum(RATE_METRICS);

export const MetricStatus = z.enum(['ok', 'warning', 'breach', 'unknown']);
export type MetricStatus = z.infer<typeof MetricStatus>;

const Count = z.number().int().min(0);
const Fraction = z.number().min(0).max(1);
const Margin = z.number().int().nullable();

/** Inclusive range of local days. */
export const DayWindow = z.object({ from: LocalDate, to: LocalDate });
export type DayWindow = z.infer<typeof DayWindow>;

/** ODR parts: orders with at least one defect of each kind (one order can be in several). */
export const OdrParts = z.object({ negativeFeedback: Count, claims: Count, chargebacks: Count });
export type OdrParts = z.infer<typeof OdrParts>;

/** ODR parts as Amazon's reading gives them; a part the reading lacks is null. */
export const AmazonOdrParts = z.object({ negativeFeedback: Count.nullable(), claims: Count.nullable(), chargebacks: Count.nullable() });
export type AmazonOdrParts = z.infer<typeof AmazonOdrParts>;

/** The latest Amazon reading of a metric, as read (metrics-spec §4). */
export const AmazonFigures = z.object({
  observedAt: EpochMs,
  /** asOf − observedAt. */
  ageMs: z.number().int().min(0),
  source: z.string(),
  rate: Fraction.nullable(),
  numerator: Count.nullable(),
  denominator: Count.nullable(),
  window: DayWindow.nullable(),
  target: Fraction.nullable(),
  condition: TargetCondition.nullable(),
  /** Amazon's own status word (`GOOD`, `FAIR`, …), untranslated. */
  status: z.string().nullable(),
  /** ODR only; null for other metrics and for ODR readings without any part. */
  parts: AmazonOdrParts.nullable(),
});
export type AmazonFigures = z.infer<typeof AmazonFigures>;

/** The metric computed from local data only, over the report's window. */
export const LocalFigures = z.object({
  numerator: Count,
  denominator: Count,
  rate: Fraction.nullable(),
  margin: Margin,
  window: DayWindow,
  /** Orders in the window left out of numerator and denominator because an input is unknown (spec §7). */
  unknown: Count,
});
export type LocalFigures = z.infer<typeof LocalFigures>;

export const DayFigures = z.object({
  num: Count,
  den: Count,
  rate: Fraction.nullable(),
  margin: Margin,
  status: MetricStatus,
});
export type DayFigures = z.infer<typeof DayFigures>;

export const TimelineDay = z.object({ date: LocalDate, expected: DayFigures, worst: DayFigures });
export type TimelineDay = z.infer<typeof TimelineDay>;

export const Projection = z.object({
  /** `amazon`: Amazon's counts moved forward with local changes; `local`: local data only. */
  basis: z.enum(['amazon', 'local']),
  /** Orders that left Amazon's window but are unknown locally were estimated from its average per day. */
  estimated: z.boolean(),
  /** The next 30 days, tomorrow first. */
  timeline: z.array(TimelineDay),
  breachDate: LocalDate.nullable(),
  recoveryDate: LocalDate.nullable(),
});
export type Projection = z.infer<typeof Projection>;

export const MetricReport = z.object({
  key: RateMetricKeySchema,
  /** What numerator and denominator count, for the UI ("3 of 200 orders"). */
  unit: z.enum(['orders', 'shipments']),
  /** Projected figures (spec §4). Bad events for `lt` metrics, good events for `gt` metrics. */
  numerator: Count,
  denominator: Count,
  rate: Fraction.nullable(),
  target: Fraction,
  targetBasisPoints: z.number().int().min(0).max(10000),
  targetSource: z.enum(['amazon', 'settings']),
  condition: TargetCondition,
  margin: Margin,
  /** Bad events that would have to go away to pass again (−margin when failing, else 0; null when den = 0). */
  badEventsToRecover: Count.nullable(),
  status: MetricStatus,
  /** No penalty attached (OTDR outside the US, spec §2). */
  advisory: z.boolean(),
  window: DayWindow,
  amazon: AmazonFigures.nullable(),
  local: LocalFigures,
  /** Local den ÷ Amazon den over Amazon's window; null without an Amazon denominator. */
  coverage: z.number().min(0).nullable(),
  projection: Projection,
});
export type MetricReport = z.infer<typeof MetricReport>;

export const OdrMetricReport = MetricReport.extend({ parts: OdrParts });
export type OdrMetricReport = z.infer<typeof OdrMetricReport>;

export const AhrStatus = z.enum(['healthy', 'atRisk', 'unhealthy', 'unknown']);
export type AhrStatus = z.infer<typeof AhrStatus>;

export const AhrReport = z.object({
  key: z.literal('ahr'),
  unit: z.literal('points'),
  /** 0–1000, read from Amazon, never computed (spec §2). */
  score: z.number().int().min(0).max(1000).nullable(),
  status: AhrStatus,
  window: DayWindow.nullable(),
  amazon: z
    .object({
      observedAt: EpochMs,
      ageMs: z.number().int().min(0),
      source: z.string(),
      score: z.number().int().min(0).max(1000).nullable(),
      status: z.string().nullable(),
    })
    .nullable(),
});
export type AhrReport = z.infer<typeof AhrReport>;

export const RiskKind = z.enum([
  'lateShipment',
  'autoCancel',
  'missingTracking',
  'buyerCancelRequest',
  'openClaim',
  'openChargeback',
  'negativeFeedback',
]);
export type RiskKind = z.infer<typeof RiskKind>;

/** One risk of one order on one metric (spec §3 "order impact", §5). */
export const OrderRisk = z.object({
  kind: RiskKind,
  /** When the bad event happens or can no longer be prevented; null when the source does not say. */
  deadline: EpochMs.nullable(),
  metric: RateMetricKeySchema,
  /** The metric's rate with this bad event counted. */
  rateIfHappens: Fraction,
  marginIfHappens: z.number().int(),
  /** This event alone decides the breach: the metric passes without it and fails with it. */
  breaches: z.boolean(),
  /** The bad event is already in the figures (open claim, missing tracking): it can still be undone. */
  alreadyCounted: z.boolean(),
});
export type OrderRisk = z.infer<typeof OrderRisk>;

export const AtRiskOrder = z.object({ orderId: z.string().min(1), risks: z.array(OrderRisk).min(1) });
export type AtRiskOrder = z.infer<typeof AtRiskOrder>;

export const HealthReport = z.object({
  version: z.literal(1),
  marketplaceId: z.string().min(1),
  asOf: EpochMs,
  timeZone: z.string().min(1),
  /** The local day of asOf. */
  today: LocalDate,
  metrics: z.object({
    'odr.mfn': OdrMetricReport,
    'odr.afn': OdrMetricReport,
    'lsr.10d': MetricReport,
    'lsr.30d': MetricReport,
    'cr.7d': MetricReport,
    'vtr.30d': MetricReport,
    'otdr.14d': MetricReport,
    ahr: AhrReport,
  }),
  /** Soonest deadline first; risks without a deadline last. */
  atRiskOrders: z.array(AtRiskOrder),
});
export type HealthReport = z.infer<typeof HealthReport>;
