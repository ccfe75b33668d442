import type { RateMetricKey } from '../model/metric-keys';

/**
 * The order the popup shows the metrics in (customer metrics first, then shipping). The same keys
 * as the model's RATE_METRICS (a unit test holds them equal), declared here so the popup does not
 * load zod just for a list of names: it must paint fast.
 */
export const METRIC_ORDER = ['odr.mfn', 'odr.afn', 'lsr.10d', 'lsr.30d', 'cr.7d', 'vtr.30d', 'otdr.14d'] as const satisfies readonly RateMetricKey[];
