import { z } from 'zod';

/** The metrics Redline follows, keyed as in metrics-spec §2. */
export const MetricKey = z.enum(['odr.mfn', 'odr.afn', 'lsr.10d', 'lsr.30d', 'cr.7d', 'vtr.30d', 'otdr.14d', 'ahr']);
export type MetricKey = z.infer<typeof MetricKey>;

/** Metrics computed from orders (all but the Account Health Rating, which is only ever read). */
export const RATE_METRICS = ['odr.mfn', 'odr.afn', 'lsr.10d', 'lsr.30d', 'cr.7d', 'vtr.30d', 'otdr.14d'] as const satisfies readonly MetricKey[];
export type RateMetricKey = (typeof RATE_METRICS)[number];

/** `lt`: the rate must stay below the target (bad events). `gt`: above it (good events). */
export const TargetCondition = z.enum(['lt', 'gt']);
export type TargetCondition = z.infer<typeof TargetCondition>;
