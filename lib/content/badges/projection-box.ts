/**
 * The box Redline draws on the Account Health page beside what Amazon shows: one Shadow DOM host per
 * place, its look here, its words as text.
 */
import type { MetricReport } from '../../metrics/report-schema';
import { formatRate } from '../../ui/format';
import { t, uiLocale } from '../../ui/i18n';
import { explanationSentence, marginSentence, metricName, metricShortName, STATUS_ICON, STATUS_SEVERITY, statusWord, windowPhrase } from '../../ui/wording';

export const PROJECTION_TAG = 'redline-projection';
export const PROJECTION_STYLE = `
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

/** Fills a host's shadow root with the projection lines of its metrics; `named`: each line names its metric (a figure without a row of its own). */
export function renderProjection(host: HTMLElement, metrics: MetricReport[], named = false): void {
  const doc = host.ownerDocument;
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PROJECTION_STYLE;
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
      span('brand', named ? `Redline · ${metricName(m.key)}` : metrics.length > 1 ? `Redline · ${metricShortName(m.key)}` : 'Redline'),
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
