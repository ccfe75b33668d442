/**
 * Account Health page: beside each of Amazon's metric rows, Redline's projection and margin
 * ("Redline: 0.82 % projected · Can absorb 2 more defective orders."), so the seller sees where the
 * metric is heading next to where Amazon says it is. Plain DOM in a Shadow DOM host; text only.
 */
import type { HealthReport, MetricReport } from '../../metrics/report-schema';
import { locateAccountHealth, metricOfRow, type LocatedRow } from '../../dom/account-health-extract';
import { ACCOUNT_HEALTH_ROWS, queryFirst } from '../../dom/selectors';
import { sendToBackground } from '../../messaging/client';
import type { RateMetricKey } from '../../model/metric-keys';
import { formatRate } from '../../ui/format';
import { t } from '../../ui/i18n';
import { uiLocale } from '../../ui/i18n';
import { explanationSentence, marginSentence, metricShortName, STATUS_ICON, STATUS_SEVERITY, statusWord, windowPhrase } from '../../ui/wording';
import { onDataChanged } from '../data-events';
import type { Feature } from '../features';
import { reportFeatureError } from '../features';
import { waitFor } from '../wait-for';

const STYLE = `
:host { all: initial; display: block; grid-column: 1 / -1; margin: 6px 0 2px; }
.box {
  display: flex; flex-direction: column; gap: 2px; padding: 6px 10px; border-radius: 6px;
  border-left: 4px solid #565959; background: #f7f8f8; color: #0f1111;
  font: 12px/1.45 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", Roboto, sans-serif;
}
.ok { border-left-color: #067d62; background: #f0faf7; }
.warning { border-left-color: #c45500; background: #fff4e5; }
.breach { border-left-color: #b12704; background: #fff0ee; }
.line { display: flex; flex-wrap: wrap; gap: 2px 8px; align-items: baseline; }
.brand { font-weight: 700; color: #b12704; }
.rate { font-weight: 700; }
.status { font-weight: 600; }
.margin { color: #333; }
.window { color: #565959; }
.explanation { flex-basis: 100%; color: #565959; font-style: italic; }
`;

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

/** Fills a host's shadow root with the projection lines of its metrics. */
export function renderProjection(host: HTMLElement, metrics: MetricReport[]): void {
  const doc = host.ownerDocument;
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const worst = [...metrics].sort((a, b) => STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status])[0];
  const box = doc.createElement('div');
  box.className = `box ${worst?.status ?? 'unknown'}`;
  const locale = uiLocale();
  for (const m of metrics) {
    const line = doc.createElement('div');
    line.className = 'line';
    const span = (cls: string, text: string) => {
      const s = doc.createElement('span');
      s.className = cls;
      s.textContent = text;
      return s;
    };
    line.append(
      span('brand', metrics.length > 1 ? `Redline · ${metricShortName(m.key)}` : 'Redline'),
      span('rate', t('projected', formatRate(m.rate, locale, m.condition, m.target))),
      span('status', `${STATUS_ICON[m.status]} ${statusWord(m.status)}`),
      span('margin', marginSentence(m)),
      span('window', windowPhrase(m)),
    );
    const why = explanationSentence(m);
    if (why) line.append(span('explanation', why));
    box.append(line);
  }
  root.replaceChildren(style, box);
  host.dataset.redlineStatus = worst?.status ?? 'unknown';
}

export const accountHealthBadges: Feature = {
  name: 'account-health-badges',
  pages: ['accountHealth'],
  async init(signal) {
    const doc = document;
    const anyRow = () => Object.values(ACCOUNT_HEALTH_ROWS).map((alts) => queryFirst(doc, alts)).find(Boolean);
    const first = await waitFor(doc.documentElement, anyRow, signal);
    if (signal.aborted || !first) return;

    let report: HealthReport | undefined;
    const hosts = new Map<Element, { host: HTMLElement; key: string }>();

    const place = () => {
      if (!report) return;
      const seen = new Set<Element>();
      for (const { element, metrics: keys } of overlayTargets(doc)) {
        seen.add(element);
        const metrics = keys.flatMap((k) => report!.metrics[k] ?? []);
        const key = JSON.stringify(metrics.map((m) => [m.key, m.rate, m.margin, m.status, m.projection.breachDate, m.projection.recoveryDate]));
        let entry = hosts.get(element);
        if (!entry) {
          const host = doc.createElement('redline-projection');
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
      for (const { host } of hosts.values()) host.remove();
    });
    onDataChanged(() => void load(), signal);
    await load();
  },
};
