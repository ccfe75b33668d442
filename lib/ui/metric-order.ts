import type { HealthReport, MetricReport } from '../metrics/report-schema';
import type { RateMetricKey } from '../model/metric-keys';

/**
 * The order the popup shows the metrics in (customer metrics first, then shipping, then invoices). The
 * same keys as the model's RATE_METRICS (a unit test holds them equal), declared here so the popup does
 * not load zod just for a list of names: it must paint fast.
 */
export const METRIC_ORDER = ['odr.mfn', 'odr.afn', 'lsr.10d', 'lsr.30d', 'cr.7d', 'vtr.30d', 'otdr.14d', 'idr.7d'] as const satisfies readonly RateMetricKey[];

/** The rate metrics a report has, in display order: the Invoice Defect Rate exists in five marketplaces only. */
export function rateMetricsOf(report: Pick<HealthReport, 'metrics'>): MetricReport[] {
  const out: MetricReport[] = [];
  for (const key of METRIC_ORDER) {
    const metric = report.metrics[key];
    if (metric) out.push(metric);
  }
  return out;
}
