import { z } from 'zod';
import { TargetCondition } from './metric-keys';
import { LocalDate } from './time';
import { MarketplaceId, Money } from './order';

/** A target as an exact rational: basis points (100 bp = 1 %), so comparisons are integer arithmetic. */
export const MetricTarget = z.object({
  basisPoints: z.number().int().min(0).max(10000),
  condition: TargetCondition,
});
export type MetricTarget = z.infer<typeof MetricTarget>;

export const MetricSettings = z.object({
  /**
   * The seller's own target. Absent: Amazon's for the marketplace (targets-table.ts), or the one a
   * reading carries. Settings of version 1 always held one; `migrateSettings` drops those that were
   * only v1's defaults.
   */
  target: MetricTarget.optional(),
  /** Warn once the rate has used this share of the way from perfect to the target (0–1). */
  warningShare: z.number().min(0).max(1),
  /** Warn when the margin is at most this many events. */
  warningMargin: z.number().int().min(0).max(1000),
  /** Window length in days, and lag (days between its last day and today). */
  windowDays: z.number().int().min(1).max(400),
  lagDays: z.number().int().min(0).max(400),
});
export type MetricSettings = z.infer<typeof MetricSettings>;

const windowOf = (windowDays: number, lagDays = 0): MetricSettings => ({ warningShare: 0.75, warningMargin: 1, windowDays, lagDays });

/**
 * Amazon's windows (metrics-spec v2 §2); each can be changed in options. Targets come from the
 * marketplace (targets-table.ts) unless the seller sets one.
 */
export const DEFAULT_METRIC_SETTINGS = {
  'odr.mfn': windowOf(60, 14), // "60 days, with a 14-day delay" [A]
  'odr.afn': windowOf(60, 14),
  'lsr.10d': windowOf(10),
  'lsr.30d': windowOf(30),
  'cr.7d': windowOf(7),
  'vtr.30d': windowOf(30, 14), // by promised delivery, with a two-week latency [A]
  'otdr.14d': windowOf(14, 7), // days today−20 … today−7 [A]
  'idr.7d': windowOf(7, 8), // business orders of days today−14 … today−8 [A]
} as const satisfies Record<string, MetricSettings>;

/**
 * Choices the metrics engine makes where metrics-spec is silent (docs/health-report.md, "Decisions").
 * Optional in Settings: absent means DEFAULT_ENGINE_SETTINGS.
 */
export const EngineSettings = z.object({
  /** A shipment confirmed without valid tracking can still be fixed for this long after confirmation (at-risk deadline). */
  trackingFixHours: z
    .number()
    .min(1)
    .max(24 * 30),
  /** Carrier names (case-insensitive) that make a tracking number "for an unknown carrier" (metrics-spec §5). */
  unknownCarriers: z.array(z.string().max(64)).max(50),
  /** A cancellation by the seller or Amazon that does not say whether the buyer asked for it counts against CR. */
  countCancelsWithUnknownRequester: z.boolean(),
  /** A shipped order with no known confirmation time is placed in VTR on its latestShipDate day, or left unknown. */
  confirmationDayFallback: z.enum(['latestShipDate', 'unknown']),
});
export type EngineSettings = z.infer<typeof EngineSettings>;

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  trackingFixHours: 24,
  unknownCarriers: ['other', 'unknown'],
  countCancelsWithUnknownRequester: true,
  confirmationDayFallback: 'latestShipDate',
};

export const Settings = z.object({
  /** 2 since the v2 rules (spec v2); settings without it are version 1 (settings-migration.ts). */
  version: z.literal(2),
  metrics: z.object({
    'odr.mfn': MetricSettings,
    'odr.afn': MetricSettings,
    'lsr.10d': MetricSettings,
    'lsr.30d': MetricSettings,
    'cr.7d': MetricSettings,
    'vtr.30d': MetricSettings,
    'otdr.14d': MetricSettings,
    'idr.7d': MetricSettings,
  }),
  /** How far ahead a deadline makes an order "at risk" (metrics-spec §5). */
  warningHorizonHours: z
    .number()
    .min(1)
    .max(24 * 14),
  /** Count fraud chargebacks as defects (metrics-spec v2 §2.1: no by default). */
  countFraudChargebacks: z.boolean(),
  /**
   * Below this many orders (packages, units) seen locally, a metric without an Amazon reading is
   * `insufficient`, not judged (spec v2 §3).
   */
  minimumPopulation: z.number().int().min(1).max(10_000),
  /**
   * The seller's own dispatch rule (spec v2 §5, the founding brief): every order out within this many
   * hours of payment (of purchase where payment is unknown); null: off. Never one of Amazon's metrics.
   */
  dispatchRuleHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .nullable(),
  /** Public holidays per marketplace, local dates: not business days for the auto-cancel deadline (spec §1). */
  holidays: z.record(MarketplaceId, z.array(LocalDate).max(60)),
  /** Packages whose items are worth less than this leave VTR, per marketplace (spec §2: JP under ¥1,000). */
  vtrExemptBelow: z.record(MarketplaceId, Money),
  notifications: z.boolean(),
  /** Days of history kept; older data is pruned. Never less than the longest window needs. */
  retentionDays: z.number().int().min(90).max(3650),
  /** Show a quiet mark on orders that are not at risk. */
  showQuietMarks: z.boolean(),
  /** The engine's choices where the spec is silent; absent = DEFAULT_ENGINE_SETTINGS. */
  engine: EngineSettings.optional(),
});
export type Settings = z.infer<typeof Settings>;

/** Amazon.co.jp [A]: packages under ¥1,000 do not count in VTR. */
export const DEFAULT_VTR_EXEMPTIONS: Record<string, Money> = { A1VC38T7YXB528: { amount: 1000, currency: 'JPY' } };

export const DEFAULT_SETTINGS: Settings = {
  version: 2,
  metrics: DEFAULT_METRIC_SETTINGS,
  warningHorizonHours: 24,
  countFraudChargebacks: false,
  minimumPopulation: 10,
  dispatchRuleHours: 72,
  holidays: {},
  vtrExemptBelow: DEFAULT_VTR_EXEMPTIONS,
  notifications: true,
  retentionDays: 400,
  showQuietMarks: false,
};
