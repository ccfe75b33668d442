/**
 * The options page's data log, as text: what each capture or import gave, where a page of a table sat
 * in it, why one was not read, and a changed page's copyable shape report (lib/shape-report/).
 */
import type { TablePage } from '../../model';
import { shapeReportText } from '../../shape-report/report-text';
import type { LogEntry } from '../../storage/records';
import { t } from '../i18n';
import { quote } from '../text';

/** "Rows 16–30 of 40." for a page of a paged table; nothing for a table Amazon only counted. */
export function tableText(page: TablePage): string | null {
  if (page.rows === undefined || page.rows === 0 || page.first === undefined) return null;
  const from = page.first + 1;
  const to = page.first + page.rows;
  if (page.total !== undefined) return t('log_rows', from, to, page.total);
  if (page.more === true) return t('log_rowsMore', from, to);
  if (page.more === false) return t('log_rowsLast', from, to);
  return null;
}

/** The lines an entry shows under its time and source. */
export function entryLines(entry: LogEntry): string[] {
  if (entry.ok) {
    const tables = (entry.tables ?? []).map(tableText).filter((x): x is string => x !== null);
    const read = entry.orders || entry.defects || entry.readings ? [t('log_counts', entry.orders, entry.defects, entry.readings)] : [];
    return [...read, ...tables];
  }
  if (entry.shape) return entry.missing ? [t('log_missing', quote(entry.missing, 300))] : [];
  return [t('log_notRead', entry.reason ?? '?', quote(entry.detail ?? '', 300))];
}

/** The report a seller copies for an entry of a page that looked different. */
export function entryReport(entry: LogEntry): string | null {
  if (entry.ok || !entry.shape) return null;
  return shapeReportText({ page: entry.page, source: entry.source, format: entry.format, reason: entry.reason, missing: entry.missing, shape: entry.shape });
}
