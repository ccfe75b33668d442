import { marketplaceById } from '../marketplaces';
import type { HealthReport, MetricReport, PolicyComplianceEntry } from '../metrics';
import type { RateMetricKey } from '../model';
import { rateMetricsOf } from '../ui/metric-order';

/** `--format text`: a short summary a seller reads in a terminal. */

const LABELS: Record<RateMetricKey | 'ahr', string> = {
  'odr.mfn': 'Order defect rate (seller-fulfilled)',
  'odr.afn': 'Order defect rate (FBA)',
  'lsr.10d': 'Late shipment rate, 10 days',
  'lsr.30d': 'Late shipment rate, 30 days',
  'cr.7d': 'Pre-fulfilment cancel rate, 7 days',
  'vtr.30d': 'Valid tracking rate, 30 days',
  'otdr.14d': 'On-time delivery rate, 14 days',
  'idr.7d': 'Invoice defect rate, 7 days',
  ahr: 'Account health rating',
};

/** Why the status is not the one Redline's own counts give, or why it is worse than Amazon's (spec v2). */
function explanationLine(m: MetricReport): string | null {
  const e = m.explanation;
  if (!e) return null;
  const amazon = `Amazon says ${e.amazonStatus.toUpperCase()}`;
  if (e.reason === 'sinceReading')
    return `      ${amazon}; ${e.count} bad ${m.unit === 'orders' ? 'order' : m.unit.replace(/s$/, '')}(s) since its reading put it over the line`;
  if (e.reason === 'category') return `      ${amazon} for the account; category "${e.category}" is over the line (enforced per category)`;
  return `      ${amazon}: shown as Amazon says; Redline's own count would be ${e.ownStatus.toUpperCase()}`;
}

function categoryLines(m: MetricReport): string[] {
  return (m.categories ?? [])
    .filter((c) => c.status === 'breach' || c.status === 'warning')
    .map(
      (c) =>
        `      category ${c.category === '' ? '(uncategorised)' : c.category}: ${percent(c.rate)}, ${c.numerator} of ${c.denominator} ${m.unit}, ${c.status.toUpperCase()}`,
    );
}

/** The worst listing, category and carrier of a metric's bad events (spec v2 §3.1). */
function breakdownLines(m: MetricReport): string[] {
  const b = m.breakdown;
  if (!b) return [];
  const top = (label: string, rows: { key: string; asin: string | null; bad: number; total: number }[]) => {
    const row = rows[0];
    if (!row) return [];
    const name = row.key === '' ? '(not known)' : row.asin && row.asin !== row.key ? `${row.key} (${row.asin})` : row.key;
    return [`      worst ${label}: ${name}, ${row.bad} of ${row.total} ${m.unit}`];
  };
  return [...top('SKU', b.bySku.rows), ...top('carrier', b.byCarrier.rows), ...top('shipping service', b.byShippingService.rows)];
}

const percent = (fraction: number | null) => (fraction === null ? 'n/a' : `${(fraction * 100).toFixed(2).replace(/\.?0+$/, '')} %`);

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
  const lag = m.lagDays > 0 ? `, ${m.lagDays}-day delay` : '';
  return `  ${LABELS[m.key].padEnd(38)} ${percent(m.rate).padStart(8)}  target ${target.padEnd(8)}  margin ${margin.padStart(4)} ${m.unit.padEnd(8)}  ${m.status.toUpperCase().padEnd(12)}  (${counts}, ${m.window.from} … ${m.window.to}${lag}${advisory})`;
}

function metricLines(m: MetricReport): string[] {
  const explanation = explanationLine(m);
  return [metricLine(m), ...(explanation ? [explanation] : []), ...categoryLines(m), ...breakdownLines(m)];
}

function riskLines(report: HealthReport): string[] {
  if (report.atRiskOrders.length === 0) return ['  At-risk orders: none'];
  return [
    `  At-risk orders (${report.atRiskOrders.length}):`,
    ...report.atRiskOrders.flatMap((order) =>
      order.risks.map((r) => {
        const deadline = r.deadline === null ? 'no deadline known' : `by ${localDateTime(r.deadline, report.timeZone)}`;
        // The dispatch rule is the seller's own, not a metric of Amazon's (spec v2 §5).
        const effect =
          r.metric === null ? 'your own dispatch rule (not an Amazon metric)' : `${r.metric} → ${percent(r.rateIfHappens)}${r.breaches ? ', BREACH' : ''}`;
        return `    ${order.orderId}  ${r.kind.padEnd(18)} ${deadline.padEnd(20)} ${effect}`;
      }),
    ),
  ];
}

function policyLine(p: PolicyComplianceEntry, timeZone: string): string {
  const name = p.label ? `${p.category} (${p.label})` : p.category;
  const count = p.count === null ? 'unknown' : String(p.count);
  const since =
    p.previousObservedAt === null
      ? ''
      : `, ${p.change === null ? 'change unknown' : `${p.change >= 0 ? '+' : ''}${p.change}`} since ${localDateTime(p.previousObservedAt, timeZone).slice(0, 10)}`;
  const amazon = p.amazonStatus ? `Amazon: ${p.amazonStatus}, ` : '';
  return `    ${name.padEnd(44)} ${count.padStart(7)}  ${p.status.toUpperCase().padEnd(8)}  (${amazon}read ${localDateTime(p.observedAt, timeZone)}${since})`;
}

/** Amazon's policy categories (spec v2 §2.2): the ones over the line or unknown, or that all are clear. */
function policyLines(report: HealthReport): string[] {
  const all = report.policyCompliance;
  if (all.length === 0) return ['  Policy compliance: no reading (open Account Health, or import the performance report)'];
  const shown = all.filter((p) => p.status !== 'ok' || (p.change !== null && p.change !== 0));
  const breaches = all.filter((p) => p.status === 'breach').length;
  const head = breaches
    ? `  Policy compliance: ${breaches} of ${all.length} categories over the line (target 0)`
    : `  Policy compliance: all clear in the ${all.length} categories read`;
  return [head, ...shown.map((p) => policyLine(p, report.timeZone))];
}

/** Account Health Assurance: 250 or more for six months, at most 10 days below (spec v2 §2.2). */
function assuranceLine(report: HealthReport): string {
  const a = report.accountHealthAssurance;
  const label = `  ${'Account Health Assurance'.padEnd(38)}`;
  if (a.status === 'unknown') return `${label} no rating read yet`;
  const below = `${a.daysBelow250} day(s) below 250 in the last 180`;
  if (a.status === 'eligible') return `${label} eligible (${below})`;
  if (a.status === 'notEligible') return `${label} not eligible: ${below}`;
  return `${label} not enough history yet (since ${a.since}; ${below} so far)`;
}

export function textReport(report: HealthReport): string {
  const country = marketplaceById(report.marketplaceId)?.country ?? '?';
  const ahr = report.metrics.ahr;
  const rates = rateMetricsOf(report).flatMap(metricLines);
  const packages = report.metrics['otdr.30d'].amazon;
  return [
    `${report.marketplaceId} (${country}) as of ${localDateTime(report.asOf, report.timeZone)} ${report.timeZone}`,
    ...rates,
    ...(packages
      ? [`  ${'Amazon: on-time delivery, 30 days'.padEnd(38)} ${percent(packages.rate).padStart(8)}  packages, Amazon's own figure (not the unit rate above)`]
      : []),
    `  ${LABELS.ahr.padEnd(38)} ${String(ahr.score ?? 'n/a').padStart(8)}  ${ahr.status}`,
    assuranceLine(report),
    ...policyLines(report),
    ...riskLines(report),
  ].join('\n');
}
