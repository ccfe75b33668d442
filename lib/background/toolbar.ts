import type { HealthReport } from '../metrics/report-schema';

export interface ToolbarBadge {
  text: string;
  color: string;
  title: string;
}

const RED = '#c40000';
const AMBER = '#b25e00';

/**
 * The toolbar icon's badge: how many risks are urgent (deadline within the warning horizon), red
 * when a metric is in breach, amber otherwise; empty when all is well.
 */
export function toolbarBadge(reports: HealthReport[]): ToolbarBadge {
  const risks = reports.reduce((n, r) => n + r.atRiskOrders.reduce((m, o) => m + o.risks.length, 0), 0);
  const breached = reports.some((r) => Object.values(r.metrics).some((m) => m.status === 'breach'));
  const text = risks > 99 ? '99+' : risks > 0 ? String(risks) : breached ? '!' : '';
  const parts = [breached ? 'A metric is over Amazon’s line' : '', risks ? `${risks} order risk${risks === 1 ? '' : 's'} due soon` : ''];
  return { text, color: breached ? RED : AMBER, title: ['Redline', ...parts.filter(Boolean)].join(' — ') };
}
