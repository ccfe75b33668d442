import { z } from 'zod';

/**
 * The metrics Redline follows, keyed as in metrics-spec §2. `otdr.30d` is Amazon's 30-day on-time
 * delivery of **packages** (`onTimeDeliveryRate`): read and shown, never compared with the local
 * 14-day **unit** figure `otdr.14d` (spec v2 §4).
 */
export const MetricKey = z.enum(['odr.mfn', 'odr.afn', 'lsr.10d', 'lsr.30d', 'cr.7d', 'vtr.30d', 'otdr.14d', 'idr.7d', 'otdr.30d', 'ahr']);
export type MetricKey = z.infer<typeof MetricKey>;

/** Metrics computed from orders (all but the readings-only ones: the Account Health Rating and Amazon's package OTDR). */
export const RATE_METRICS = ['odr.mfn', 'odr.afn', 'lsr.10d', 'lsr.30d', 'cr.7d', 'vtr.30d', 'otdr.14d', 'idr.7d'] as const satisfies readonly MetricKey[];
export type RateMetricKey = (typeof RATE_METRICS)[number];

/** What a metric counts (spec v2 §2): OTDR units, VTR packages, the others orders. */
export const MetricUnit = z.enum(['orders', 'packages', 'units']);
export type MetricUnit = z.infer<typeof MetricUnit>;

export const METRIC_UNITS: Record<RateMetricKey, MetricUnit> = {
  'odr.mfn': 'orders',
  'odr.afn': 'orders',
  'lsr.10d': 'orders',
  'lsr.30d': 'orders',
  'cr.7d': 'orders',
  'vtr.30d': 'packages',
  'otdr.14d': 'units',
  'idr.7d': 'orders',
};

/** `lt`: the rate must stay below the target (bad events). `gt`: above it (good events). */
export const TargetCondition = z.enum(['lt', 'gt']);
export type TargetCondition = z.infer<typeof TargetCondition>;
