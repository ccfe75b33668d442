/**
 * At-risk orders as CSV (RFC 4180), one line per risk. Cells that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR) are prefixed with an apostrophe: ids and labels come from pages and
 * files, and a CSV opened in a spreadsheet must not execute anything.
 */
import type { HealthReport } from '../../metrics/report-schema';

/**
 * Each risk with the metric it moves and that metric's unit, window and delay (spec v2: a figure says
 * what it counts and over which days). The seller's own dispatch rule moves no metric: those cells are empty.
 */
export const CSV_HEADER = [
  'marketplace_id',
  'order_id',
  'risk',
  'metric',
  'unit',
  'window_from',
  'window_to',
  'lag_days',
  'deadline_utc',
  'rate_if_happens',
  'margin_if_happens',
  'breaches',
  'already_counted',
];

export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function atRiskCsv(reports: readonly HealthReport[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const report of reports) {
    for (const order of report.atRiskOrders) {
      for (const r of order.risks) {
        const metric = r.metric === null ? undefined : report.metrics[r.metric];
        lines.push(
          [
            report.marketplaceId,
            order.orderId,
            r.kind,
            r.metric,
            metric?.unit ?? null,
            metric?.window.from ?? null,
            metric?.window.to ?? null,
            metric?.lagDays ?? null,
            r.deadline === null ? null : new Date(r.deadline).toISOString(),
            r.rateIfHappens === null ? null : Number(r.rateIfHappens.toFixed(6)),
            r.marginIfHappens,
            r.breaches,
            r.alreadyCounted,
          ]
            .map(csvCell)
            .join(','),
        );
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
