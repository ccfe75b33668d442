/**
 * The health report as zod schemas: the popup and storage validate and cache it, so its shape is
 * declared once here and the types are inferred (docs/health-report.md documents every field).
 *
 * Conventions: rates and targets are fractions (0.01 = 1 %) as in Amazon's report; counts are
 * integers; dates are local calendar dates `YYYY-MM-DD` in the marketplace's zone; instants are
 * epoch ms. `null` always means "not known / nothing to compute from", never zero.
 */
import { z } from 'zod';
import { EpochMs, LocalDate, MetricUnit, RATE_METRICS, TargetCondition } from '../model';

export const RateMetricKeySchema = z.enum(RATE_METRICS);

/** `insufficient`: too few orders, packages or units seen to judge (spec v2 §3); neutral, never red. */
export const MetricStatus = z.enum(['ok', 'warning', 'breach', 'unknown', 'insufficient']);
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

/** One row of a breakdown: a SKU (with its ASIN), category, carrier or shipping service; `''` = not known. */
export const BreakdownRow = z.object({ key: z.string(), asin: z.string().nullable(), bad: Count, total: Count });
export type BreakdownRow = z.infer<typeof BreakdownRow>;

/** Worst first, at most 10 rows with a bad event; `more`: further keys with bad events not listed. */
export const BreakdownList = z.object({ rows: z.array(BreakdownRow), more: Count });

/** Spec v2 §3.1: the metric's bad events (local, over its window) by listing, category, carrier and service. */
export const Breakdown = z.object({ bySku: BreakdownList, byCategory: BreakdownList, byCarrier: BreakdownList, byShippingService: BreakdownList });
export type Breakdown = z.infer<typeof Breakdown>;

/** VTR per product category (spec v2 §2, local figures over the window); `''` = uncategorised. */
export const CategoryFigures = z.object({
  category: z.string(),
  numerator: Count,
  denominator: Count,
  rate: Fraction.nullable(),
  margin: Margin,
  status: MetricStatus,
});
export type CategoryFigures = z.infer<typeof CategoryFigures>;

/** Amazon's status word, normalised: `GOOD` → ok, `FAIR`/`AT RISK` → warning, `POOR`/`BAD` → breach. */
export const AmazonStatus = z.enum(['ok', 'warning', 'breach']);
export type AmazonStatus = z.infer<typeof AmazonStatus>;

/**
 * Why Redline's status is worse than Amazon's own for the metric (spec v2: never contradict Amazon
 * silently). `sinceReading`: `count` bad events entered the window after Amazon's reading;
 * `category`: one product category fails though the account passes (VTR is enforced per category);
 * `followsAmazon`: Redline's own count would be worse, but nothing explains it, so the status is
 * Amazon's (Amazon may apply rules Redline cannot see, such as a volume floor).
 */
export const StatusExplanation = z.object({
  reason: z.enum(['sinceReading', 'category', 'followsAmazon']),
  amazonStatus: AmazonStatus,
  /** The status Redline's own counts give, before following Amazon. */
  ownStatus: MetricStatus,
  count: Count.nullable(),
  category: z.string().nullable(),
});
export type StatusExplanation = z.infer<typeof StatusExplanation>;

/** Where the target comes from: the seller's options, Amazon's reading, or the marketplace table (targets-table.ts). */
export const TargetSource = z.enum(['settings', 'amazon', 'marketplace']);

export const MetricReport = z.object({
  key: RateMetricKeySchema,
  /** What numerator and denominator count, for the UI ("3 of 200 orders", "of 50 units"). */
  unit: MetricUnit,
  /** Projected figures (spec §4). Bad events for `lt` metrics, good events for `gt` metrics. */
  numerator: Count,
  denominator: Count,
  rate: Fraction.nullable(),
  target: Fraction,
  targetBasisPoints: z.number().int().min(0).max(10000),
  targetSource: TargetSource,
  condition: TargetCondition,
  margin: Margin,
  /** Bad events that would have to go away to pass again (−margin when failing, else 0; null when den = 0). */
  badEventsToRecover: Count.nullable(),
  status: MetricStatus,
  /** No penalty attached today (OTDR outside the US, UK and DE; a rule before it is enforced; spec v2 §1.1). */
  advisory: z.boolean(),
  /** Amazon's rule in this marketplace: enforced, since when, and whether the spec has it from Amazon or a third party. */
  enforcement: z.object({ enforced: z.boolean(), since: LocalDate.nullable(), evidence: z.enum(['amazon', 'thirdParty']) }),
  window: DayWindow,
  /** Days between the window's last day and today (the metric's delay, e.g. ODR 14). */
  lagDays: z.number().int().min(0),
  /** Amazon's own status for the metric, normalised; null without a reading that gives one. */
  amazonStatus: AmazonStatus.nullable(),
  /** Set when Redline's own counts are worse than Amazon's status (see StatusExplanation). */
  explanation: StatusExplanation.nullable(),
  /** VTR only: per product category, worst first; null for other metrics. */
  categories: z.array(CategoryFigures).nullable(),
  /** LSR, VTR, OTDR: bad events by listing, category, carrier and service; null for other metrics. */
  breakdown: Breakdown.nullable(),
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

/**
 * A figure Amazon reports that Redline only reads: Amazon's 30-day on-time delivery of **packages**
 * (`onTimeDeliveryRate`), shown beside the local unit OTDR, never compared with it (spec v2 §4).
 */
export const ReadingOnlyReport = z.object({
  key: z.literal('otdr.30d'),
  unit: z.literal('packages'),
  amazon: AmazonFigures.nullable(),
  amazonStatus: AmazonStatus.nullable(),
});
export type ReadingOnlyReport = z.infer<typeof ReadingOnlyReport>;

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

/** A policy category is over the line with any violation (target 0); `unknown`: Amazon gave no count. */
export const PolicyStatus = z.enum(['ok', 'breach', 'unknown']);
export type PolicyStatus = z.infer<typeof PolicyStatus>;

/**
 * One of Amazon's policy categories as its latest reading gives it, and how it changed since the reading
 * before (metrics-spec v2 §2.2). `category` is the SP-API name, or a new category's own name.
 */
export const PolicyComplianceEntry = z.object({
  category: z.string().min(1),
  /** The page's own words for a category Redline does not know; null for the known ones. */
  label: z.string().nullable(),
  /** Violations; null: unknown (the reading gave no count), never 0. */
  count: Count.nullable(),
  target: Count,
  status: PolicyStatus,
  /** Amazon's own word for it (`GOOD`, `BAD`, `NONE`), untranslated. */
  amazonStatus: z.string().nullable(),
  observedAt: EpochMs,
  source: z.string(),
  window: DayWindow.nullable(),
  /** The reading before the latest: its count (null: none, or no count) and when. */
  previousCount: Count.nullable(),
  previousObservedAt: EpochMs.nullable(),
  /** count − previousCount; null when either is unknown. A rise is a new violation. */
  change: z.number().int().nullable(),
});
export type PolicyComplianceEntry = z.infer<typeof PolicyComplianceEntry>;

/**
 * Account Health Assurance (metrics-spec v2 §2.2): an AHR of 250 or more for six months with at most
 * 10 days below 250, from the stored history of Amazon's AHR readings.
 * `notEnoughHistory`: the readings start less than 180 days ago (and show at most 10 days below yet).
 */
export const AssuranceStatus = z.enum(['eligible', 'notEligible', 'notEnoughHistory', 'unknown']);
export type AssuranceStatus = z.infer<typeof AssuranceStatus>;

export const AccountHealthAssurance = z.object({
  status: AssuranceStatus,
  /** Days below 250 among the last 180 that the history covers; null without any reading. */
  daysBelow250: Count.nullable(),
  /** Days of the last 180 the history covers (from the first reading on). */
  daysCovered: Count,
  /** The day of the first AHR reading Redline has; null without any. */
  since: LocalDate.nullable(),
  /** The 180 days looked at. */
  window: DayWindow,
});
export type AccountHealthAssurance = z.infer<typeof AccountHealthAssurance>;

export const RiskKind = z.enum([
  'lateShipment',
  'autoCancel',
  'missingTracking',
  'buyerCancelRequest',
  'openClaim',
  'openChargeback',
  'negativeFeedback',
  /** The seller's own 72-hour rule (spec v2 §5): not one of Amazon's metrics, so `metric` is null. */
  'dispatchRule',
]);
export type RiskKind = z.infer<typeof RiskKind>;

/** One risk of one order on one metric (spec §3 "order impact", §5). */
export const OrderRisk = z.object({
  kind: RiskKind,
  /** When the bad event happens or can no longer be prevented; null when the source does not say. */
  deadline: EpochMs.nullable(),
  /** The metric it hurts; null for the seller's own dispatch rule, which is no metric of Amazon's. */
  metric: RateMetricKeySchema.nullable(),
  /** The metric's rate with this bad event counted (null with no metric). */
  rateIfHappens: Fraction.nullable(),
  marginIfHappens: z.number().int().nullable(),
  /** This event alone decides the breach: the metric passes without it and fails with it. */
  breaches: z.boolean(),
  /** The bad event is already in the figures (open claim, missing tracking): it can still be undone. */
  alreadyCounted: z.boolean(),
});
export type OrderRisk = z.infer<typeof OrderRisk>;

export const AtRiskOrder = z.object({ orderId: z.string().min(1), risks: z.array(OrderRisk).min(1) });
export type AtRiskOrder = z.infer<typeof AtRiskOrder>;

export const HealthReport = z.object({
  /** 2: the v2 rules (units, packages, categories, auto-cancel, per-marketplace targets). */
  version: z.literal(2),
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
    /** Only in the marketplaces that have it (UK, DE, FR, IT, ES). */
    'idr.7d': MetricReport.optional(),
    'otdr.30d': ReadingOnlyReport,
    ahr: AhrReport,
  }),
  /** Soonest deadline first; risks without a deadline last. */
  atRiskOrders: z.array(AtRiskOrder),
  /** Every policy category Amazon reported for the marketplace: over the line first, then unknown, then clear. */
  policyCompliance: z.array(PolicyComplianceEntry),
  accountHealthAssurance: AccountHealthAssurance,
  /** The seller's own dispatch rule in force (hours after payment; null: off), the `dispatchRule` risks' rule. */
  dispatchRuleHours: z.number().int().min(1).nullable(),
});
export type HealthReport = z.infer<typeof HealthReport>;
