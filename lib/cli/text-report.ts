import { marketplaceById } from '../marketplaces';
import type { HealthReport, MetricReport } from '../metrics';
import type { RateMetricKey } from '../model';

/** `--format text`: a short summary a seller reads in a terminal. */

const LABELS: Record<RateMetricKey | 'ahr', string> = {
  'odr.mfn': 'Order defect rate (seller-fulfilled)',
  'odr.afn': 'Order defect rate (FBA)',
  'lsr.10d': 'Late shipment rate, 10 days',
  'lsr.30d': 'Late shipment rate, 30 days',
  'cr.7d': 'Pre-fulfilment cancel rate, 7 days',
  'vtr.30d': 'Valid tracking rate, 30 days',
  'otdr.14d': 'On-time delivery rate',
  ahr: 'Account health rating',
};

const percent = (fraction: number | null) =>
  fraction === null ? 'n/a' : `${(fraction * 100).toFixed(2).replace(/\.?0+$/, '')} %`;

const formats = new Map<string, Intl.DateTimeFormat>();
/** `2026-11-26 12:00` in the marketplace's zone. */
export function localDateTime(epochMs: number, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(epochMs).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

function metricLine(m: MetricReport): string {
  const target = `${m.condition === 'lt' ? '<' : '>'} ${percent(m.target)}`;
  const margin = m.margin === null ? 'n/a' : String(m.margin);
  const counts = `${m.numerator} of ${m.denominator} ${m.unit}`;
  const advisory = m.advisory ? ', advisory' : '';
  return `  ${LABELS[m.key].padEnd(38)} ${percent(m.rate).padStart(8)}  target ${target.padEnd(8)}  margin ${margin.padStart(4)}  ${m.status.toUpperCase().padEnd(7)}  (${counts}, ${m.window.from} … ${m.window.to}${advisory})`;
}

function riskLines(report: HealthReport): string[] {
  if (report.atRiskOrders.length === 0) return ['  At-risk orders: none'];
  return [
    `  At-risk orders (${report.atRiskOrders.length}):`,
    ...report.atRiskOrders.flatMap((order) =>
      order.risks.map((r) => {
        const deadline = r.deadline === null ? 'no deadline known' : `by ${localDateTime(r.deadline, report.timeZone)}`;
        const effect = `${r.metric} → ${percent(r.rateIfHappens)}${r.breaches ? ', BREACH' : ''}`;
        return `    ${order.orderId}  ${r.kind.padEnd(18)} ${deadline.padEnd(20)} ${effect}`;
      }),
    ),
  ];
}

export function textReport(report: HealthReport): string {
  const country = marketplaceById(report.marketplaceId)?.country ?? '?';
  const ahr = report.metrics.ahr;
  const rates = (Object.keys(report.metrics) as (keyof HealthReport['metrics'])[])
    .filter((k): k is RateMetricKey => k !== 'ahr')
    .map((k) => metricLine(report.metrics[k]));
  return [
    `${report.marketplaceId} (${country}) as of ${localDateTime(report.asOf, report.timeZone)} ${report.timeZone}`,
    ...rates,
    `  ${LABELS.ahr.padEnd(38)} ${String(ahr.score ?? 'n/a').padStart(8)}  ${ahr.status}`,
    ...riskLines(report),
  ].join('\n');
}
