import type { HealthReport } from '../metrics/report-schema';
import { t, tp } from '../ui/i18n';
import { rateMetricsOf } from '../ui/metric-order';

export interface ToolbarBadge {
  text: string;
  color: string;
  title: string;
}

const RED = '#c40000';
const AMBER = '#b25e00';

/**
 * The toolbar icon's badge: how many orders are at risk (deadline within the warning horizon), red
 * when a metric is in breach or Amazon counts a policy violation (spec v2 §2.2), amber otherwise;
 * empty when all is well.
 */
export function toolbarBadge(reports: HealthReport[]): ToolbarBadge {
  // Orders, not risks: one late order hurts LSR 10 d and 30 d, and the popup counts it once too.
  const risks = reports.reduce((n, r) => n + r.atRiskOrders.length, 0);
  const metricBreach = reports.some((r) => rateMetricsOf(r).some((m) => m.status === 'breach'));
  const policyBreach = reports.some((r) => r.policyCompliance.some((p) => p.status === 'breach'));
  const breached = metricBreach || policyBreach;
  const text = risks > 99 ? '99+' : risks > 0 ? String(risks) : breached ? '!' : '';
  const parts = [metricBreach ? t('toolbar_breach') : '', policyBreach ? t('toolbar_policy') : '', risks ? tp('toolbar_risks', risks) : ''];
  return { text, color: breached ? RED : AMBER, title: ['Redline', ...parts.filter(Boolean)].join(' — ') };
}
