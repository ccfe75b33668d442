/**
 * Account Health page: beside each of Amazon's metric rows, Redline's projection and margin
 * ("Redline: 0.82 % projected · Can absorb 2 more defective orders."), so the seller sees where the
 * metric is heading next to where Amazon says it is; the policy rows, the Assurance line and the
 * Invoice Defect Rate in account-health-red-lines.ts. Plain DOM in a Shadow DOM host; text only.
 */
import type { HealthReport } from '../../metrics/report-schema';
import { locateAccountHealth, metricOfRow, type LocatedRow } from '../../dom/account-health-extract';
import { ACCOUNT_HEALTH_ROWS, queryFirst } from '../../dom/selectors';
import { sendToBackground } from '../../messaging/client';
import type { RateMetricKey } from '../../model/metric-keys';
import { onDataChanged } from '../data-events';
import type { Feature } from '../features';
import { reportFeatureError } from '../features';
import { waitFor } from '../wait-for';
import { placeRedLines } from './account-health-red-lines';
import { PROJECTION_TAG, renderProjection } from './projection-box';

/**
 * Which of our metrics a row shows, by the same rules as the DOM reader (account-health-extract.ts):
 * the late shipment row by its window (both when it names none); each ODR column by its channel.
 */
export function metricsForRow(row: Pick<LocatedRow, 'kind' | 'window' | 'channel'>): RateMetricKey[] {
  const metric = metricOfRow(row);
  if (metric) return [metric as RateMetricKey];
  if (row.kind === 'lateShipment') return ['lsr.10d', 'lsr.30d'];
  return row.kind === 'orderDefect' ? ['odr.mfn'] : [];
}

/** One overlay per row element: the ODR's seller-fulfilled and FBA columns share their row. */
export function overlayTargets(doc: ParentNode): { element: Element; metrics: RateMetricKey[] }[] {
  const targets = new Map<Element, RateMetricKey[]>();
  for (const row of locateAccountHealth(doc)) {
    const metrics = targets.get(row.element) ?? [];
    for (const m of metricsForRow(row)) if (!metrics.includes(m)) metrics.push(m);
    targets.set(row.element, metrics);
  }
  return [...targets].map(([element, metrics]) => ({ element, metrics }));
}

export const accountHealthBadges: Feature = {
  name: 'account-health-badges',
  pages: ['accountHealth'],
  async init(signal) {
    const doc = document;
    const anyRow = () =>
      Object.values(ACCOUNT_HEALTH_ROWS)
        .map((alts) => queryFirst(doc, alts))
        .find(Boolean);
    const first = await waitFor(doc.documentElement, anyRow, signal);
    if (signal.aborted || !first) return;

    let report: HealthReport | undefined;
    const hosts = new Map<Element, { host: HTMLElement; key: string }>();
    const redLines = new Map<string, { host: HTMLElement; key: string }>();

    const place = () => {
      if (!report) return;
      const seen = new Set<Element>();
      for (const { element, metrics: keys } of overlayTargets(doc)) {
        seen.add(element);
        const metrics = keys.flatMap((k) => report!.metrics[k] ?? []);
        const key = JSON.stringify(metrics.map((m) => [m.key, m.rate, m.margin, m.status, m.projection.breachDate, m.projection.recoveryDate]));
        let entry = hosts.get(element);
        if (!entry) {
          const host = doc.createElement(PROJECTION_TAG);
          hosts.set(element, (entry = { host, key: '' }));
        }
        entry.host.dataset.redlineMetric = keys.join(' ');
        if (entry.key !== key) {
          renderProjection(entry.host, metrics);
          entry.key = key;
        }
        // After the row, not inside it: AUI rows float their columns, and a block among them would sit beside them.
        if (element.nextElementSibling !== entry.host) element.after(entry.host);
      }
      for (const [element, { host }] of hosts) {
        if (seen.has(element)) continue;
        host.remove();
        hosts.delete(element);
      }
      placeRedLines(doc, report, redLines);
    };

    const load = () =>
      sendToBackground({ type: 'getPageContext' })
        .then((ctx) => {
          report = ctx.reports[0];
          place();
        })
        .catch((error) => reportFeatureError('account-health-badges', error));

    let frame = 0;
    const observer = new MutationObserver((records) => {
      if (records.every((r) => [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeName === 'REDLINE-PROJECTION'))) return;
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), place()));
    });
    const container = first.closest('main, #sc-content') ?? doc.body;
    observer.observe(container, { childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      for (const { host } of [...hosts.values(), ...redLines.values()]) host.remove();
    });
    onDataChanged(() => void load(), signal);
    await load();
  },
};
