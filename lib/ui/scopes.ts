/**
 * Every scope (seller account × marketplace) Redline knows, summed up for a roll-up and the toolbar
 * badge: its name in the seller's language, its worst metric, how many metrics need attention and how
 * many orders are at risk, worst scope first. Pure and without zod: the popup and the worker share it.
 */
import { marketplaceById } from '../marketplaces';
import type { HealthReport, MetricStatus } from '../metrics/report-schema';
import { t, uiLocale } from './i18n';
import { rateMetricsOf } from './metric-order';
import { STATUS_SEVERITY } from './wording';

/** The account part of a scope when no page revealed the merchant id (lib/storage/scope.ts). */
const DEFAULT_ACCOUNT = 'default';

/** "Germany" / "Deutschland" / "ドイツ" for a scope, with the account when a page named one; an unknown marketplace says so. */
export function scopeLabel(scope: string, locale = uiLocale()): string {
  const [account, marketplaceId] = scope.split('|');
  const m = marketplaceId ? marketplaceById(marketplaceId) : undefined;
  let market = m ? m.country : t('scope_unknownMarketplace', marketplaceId ?? scope);
  if (m) {
    try {
      market = new Intl.DisplayNames(locale, { type: 'region' }).of(m.country === 'UK' ? 'GB' : m.country) ?? m.country;
    } catch {
      // no region names in this runtime: the country code
    }
  }
  return account && account !== DEFAULT_ACCOUNT ? `${market} · ${account}` : market;
}

/** A scope in a roll-up. `state` is its worst metric's status, or `signedOut` when its last page said so. */
export interface ScopeSummary {
  scope: string;
  state: MetricStatus | 'signedOut';
  /** Metrics over the line or close to it. */
  attention: number;
  breaches: number;
  /** Policy violations Amazon counts (spec v2 §2.2): each is over Amazon's line too. */
  policyBreaches: number;
  /** Bad events over the line, summed over the metrics in breach: how far over it the scope is. */
  overBy: number;
  atRisk: number;
  /** Whether a report exists: without one nothing is known (never "0 orders"). */
  hasReport: boolean;
  /** The last page of this scope said the seller is signed out (its figures, if any, are older). */
  signedOut: boolean;
}

/** Worst first; a signed-out account needs the seller before anything that is only on track. */
const STATE_RANK: Record<ScopeSummary['state'], number> = { breach: 0, warning: 1, signedOut: 2, ok: 3, insufficient: 4, unknown: 5 };

export function summarizeReport(scope: string, report: HealthReport | null | undefined, signedOut = false): ScopeSummary {
  const metrics = report ? rateMetricsOf(report) : [];
  let worst: MetricStatus = 'unknown';
  for (const m of metrics) if (STATUS_SEVERITY[m.status] < STATUS_SEVERITY[worst]) worst = m.status;
  const breached = metrics.filter((m) => m.status === 'breach');
  const breaches = breached.length;
  const overBy = breached.reduce((n, m) => n + (m.badEventsToRecover ?? 0), 0);
  const policyBreaches = (report?.policyCompliance ?? []).filter((p) => p.status === 'breach').length;
  if (policyBreaches > 0) worst = 'breach';
  const attention = metrics.filter((m) => m.status === 'breach' || m.status === 'warning').length;
  // Signed out outranks only what is no worse than "close to the line": a breach stays a breach.
  const state = signedOut && STATE_RANK[worst] > STATE_RANK.signedOut ? 'signedOut' : worst;
  return { scope, state, attention, breaches, policyBreaches, overBy, atRisk: report?.atRiskOrders.length ?? 0, hasReport: !!report, signedOut };
}

/**
 * Worst first: by state, then more metrics in breach (policy violations counted), further over the line,
 * more metrics needing attention, more orders at risk; then by scope key (stable, no language needed:
 * the worker ranks too).
 */
export function rankScopes<T extends ScopeSummary>(summaries: readonly T[]): T[] {
  return [...summaries].sort(
    (a, b) =>
      STATE_RANK[a.state] - STATE_RANK[b.state] ||
      b.breaches + b.policyBreaches - (a.breaches + a.policyBreaches) ||
      b.overBy - a.overBy ||
      b.attention - a.attention ||
      b.atRisk - a.atRisk ||
      (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0),
  );
}
