import type { HealthReport } from '../metrics/report-schema';
import { t, tp } from '../ui/i18n';
import { rankScopes, scopeLabel, summarizeReport, type ScopeSummary } from '../ui/scopes';

export interface ToolbarBadge {
  text: string;
  color: string;
  title: string;
}

export interface ScopedReport {
  scope: string;
  report: HealthReport;
}

const RED = '#c40000';
const AMBER = '#b25e00';

/** "1 metric over Amazon's line; 3 orders at risk", after the scope's name when there is more than one. */
function scopeTitle(s: ScopeSummary, named: boolean): string {
  const parts = [
    s.breaches ? tp('toolbar_breaches', s.breaches) : '',
    s.policyBreaches ? t('toolbar_policy') : '',
    s.atRisk ? tp('toolbar_risks', s.atRisk) : '',
  ]
    .filter(Boolean)
    .join(t('listSeparator'));
  return named ? t('toolbar_scope', scopeLabel(s.scope), parts) : parts;
}

/**
 * The toolbar icon's badge for the WORST scope of every account and marketplace Redline knows (not
 * whichever was recomputed last): its at-risk order count (deadline within the warning horizon), red
 * when one of its metrics is in breach or Amazon counts a policy violation (spec v2 §2.2), amber
 * otherwise; "!" for a breach without orders at risk; empty when all is well. The title names every
 * scope that needs attention, worst first.
 */
export function toolbarBadge(reports: readonly ScopedReport[]): ToolbarBadge {
  const ranked = rankScopes(reports.map((r) => summarizeReport(r.scope, r.report)));
  // The worst scope with something to show: a scope only close to the line, with no order at risk, has no badge.
  const needing = ranked.filter((s) => s.breaches || s.policyBreaches || s.atRisk);
  const worst = needing[0];
  if (!worst) return { text: '', color: AMBER, title: 'Redline' };
  // Orders, not risks: one late order hurts LSR 10 d and 30 d, and the popup counts it once too.
  const risks = worst.atRisk;
  const text = risks > 99 ? '99+' : risks > 0 ? String(risks) : '!';
  const named = ranked.length > 1;
  return { text, color: worst.breaches || worst.policyBreaches ? RED : AMBER, title: ['Redline', ...needing.map((s) => scopeTitle(s, named))].join(' — ') };
}
