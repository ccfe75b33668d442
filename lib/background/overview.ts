/**
 * What the popup's roll-up and onboarding read from the worker besides the active scope's report:
 * every scope summed up (a few numbers each, worst first), and what the pages said about their size.
 */
import type { HealthReport } from '../metrics/report-schema';
import type { LogEntry } from '../storage/records';
import { rankScopes, summarizeReport, type ScopeSummary } from '../ui/scopes';

/**
 * Every scope with data, and every scope whose page answered "signed out" (with or without data), worst
 * first. A scope is signed out when the newest log entry naming it is a sign-in answer: its figures, if
 * any, are older than that. A signed-out scope without data shows as such, never as "no orders".
 */
export function scopeOverview(reports: ReadonlyMap<string, HealthReport | null>, log: readonly LogEntry[]): ScopeSummary[] {
  const newest = new Map<string, LogEntry>();
  // The log is newest first.
  for (const entry of log) if (entry.scope && !newest.has(entry.scope)) newest.set(entry.scope, entry);
  const scopes = new Set([...reports.keys(), ...[...newest].filter(([, e]) => !e.ok && e.reason === 'signedOut').map(([s]) => s)]);
  return rankScopes(
    [...scopes].map((scope) => {
      const last = newest.get(scope);
      return summarizeReport(scope, reports.get(scope), !!last && !last.ok && last.reason === 'signedOut');
    }),
  );
}

export interface PageTotal {
  /** The reader's name for the table, e.g. `manageOrders mfn/shipped last-30`. */
  table: string;
  total: number;
  at: number;
}

/** The newest size each paged table of a scope gave (an orders search answers with its `total`), newest first. */
export function pageTotals(log: readonly LogEntry[], scope: string): PageTotal[] {
  const seen = new Map<string, PageTotal>();
  for (const entry of log) {
    if (!entry.ok || entry.scope !== scope) continue;
    for (const page of entry.tables ?? []) {
      if (page.total !== undefined && !seen.has(page.table)) seen.set(page.table, { table: page.table, total: page.total, at: entry.at });
    }
  }
  return [...seen.values()];
}
