import { z } from 'zod';
import { TargetCondition } from './metric-keys';

/** A target as an exact rational: basis points (100 bp = 1 %), so comparisons are integer arithmetic. */
export const MetricTarget = z.object({
  basisPoints: z.number().int().min(0).max(10000),
  condition: TargetCondition,
});
export type MetricTarget = z.infer<typeof MetricTarget>;

export const MetricSettings = z.object({
  target: MetricTarget,
  /** Warn once the rate has used this share of the way from perfect to the target (0–1). */
  warningShare: z.number().min(0).max(1),
  /** Warn when the margin is at most this many events. */
  warningMargin: z.number().int().min(0).max(1000),
  /** Window length in days, and lag (days between its last day and today). */
  windowDays: z.number().int().min(1).max(400),
  lagDays: z.number().int().min(0).max(400),
});
export type MetricSettings = z.infer<typeof MetricSettings>;

const rate = (basisPoints: number, condition: 'lt' | 'gt', windowDays: number, lagDays = 0): MetricSettings => ({
  target: { basisPoints, condition },
  warningShare: 0.75,
  warningMargin: 1,
  windowDays,
  lagDays,
});

/** Amazon's published targets and windows (metrics-spec §2); each one can be changed in options. */
export const DEFAULT_METRIC_SETTINGS = {
  'odr.mfn': rate(100, 'lt', 60, 14),
  'odr.afn': rate(100, 'lt', 60, 14),
  'lsr.10d': rate(400, 'lt', 10),
  'lsr.30d': rate(400, 'lt', 30),
  'cr.7d': rate(250, 'lt', 7),
  'vtr.30d': rate(9500, 'gt', 30),
  // US: > 90 % over days today−20 … today−7 [A]; the options page lets other marketplaces use 97 %.
  'otdr.14d': rate(9000, 'gt', 14, 7),
} as const satisfies Record<string, MetricSettings>;

/**
 * Choices the metrics engine makes where metrics-spec is silent (docs/health-report.md, "Decisions").
 * Optional in Settings: absent means DEFAULT_ENGINE_SETTINGS.
 */
export const EngineSettings = z.object({
  /** A shipment confirmed without valid tracking can still be fixed for this long after confirmation (at-risk deadline). */
  trackingFixHours: z.number().min(1).max(24 * 30),
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
  metrics: z.object({
    'odr.mfn': MetricSettings,
    'odr.afn': MetricSettings,
    'lsr.10d': MetricSettings,
    'lsr.30d': MetricSettings,
    'cr.7d': MetricSettings,
    'vtr.30d': MetricSettings,
    'otdr.14d': MetricSettings,
  }),
  /** How far ahead a deadline makes an order "at risk" (metrics-spec §5). */
  warningHorizonHours: z.number().min(1).max(24 * 14),
  /** Count unconfirmed fraud chargebacks as defects (metrics-spec §2: yes by default). */
  countFraudChargebacks: z.boolean(),
  notifications: z.boolean(),
  /** Days of history kept; older data is pruned. Never less than the longest window needs. */
  retentionDays: z.number().int().min(90).max(3650),
  /** Show a quiet mark on orders that are not at risk. */
  showQuietMarks: z.boolean(),
  /** The engine's choices where the spec is silent; absent = DEFAULT_ENGINE_SETTINGS. */
  engine: EngineSettings.optional(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  metrics: DEFAULT_METRIC_SETTINGS,
  warningHorizonHours: 24,
  countFraudChargebacks: true,
  notifications: true,
  retentionDays: 400,
  showQuietMarks: false,
};
