import type { ComponentChildren } from 'preact';
import type { MetricReport } from '../../metrics/report-schema';
import { formatRate } from '../format';
import { uiLocale } from '../i18n';
import { glanceDate, glanceMargin, metricName, metricShortName, STATUS_ICON, statusWord } from '../wording';

export function StatusPill({ status, label = statusWord(status) }: { status: MetricReport['status']; label?: string }) {
  return (
    <span class={`pill pill-${status}`}>
      <span class="pill-icon" aria-hidden="true">
        {STATUS_ICON[status]}
      </span>
      {label}
    </span>
  );
}

export const metricDomId = (key: string) => `metric-${key.replace('.', '-')}`;

/**
 * One metric in one compact row: name, status (icon and word, never colour alone), rate, margin in its
 * unit and the breach or recovery date. The row is the disclosure button of its details (charts,
 * windows, Amazon against Redline's own count, breakdowns, the orders behind it), which are drawn only
 * once opened: the popup's first paint carries no chart. `below` goes under the row (coverage lines).
 */
export function GlanceRow({
  metric,
  open,
  onToggle,
  below,
  children,
}: {
  metric: MetricReport;
  open: boolean;
  onToggle: () => void;
  below?: ComponentChildren;
  children: ComponentChildren;
}) {
  const locale = uiLocale();
  const id = metricDomId(metric.key);
  const date = glanceDate(metric);
  return (
    <li class={`glance-row row-${metric.status}`} data-metric={metric.key}>
      <h3 class="glance-head">
        <button type="button" class="glance-toggle" id={`${id}-name`} aria-expanded={open} aria-controls={`${id}-details`} onClick={onToggle}>
          <span class="glance-line">
            <span class="glance-name" title={metricName(metric.key)}>
              <span aria-hidden="true">{metricShortName(metric.key)}</span>
              <span class="visually-hidden">{metricName(metric.key)}</span>
            </span>
            <StatusPill status={metric.status} />
            <span class="rate-value">{formatRate(metric.rate, locale, metric.condition, metric.target)}</span>
            <span class="chevron" aria-hidden="true" />
          </span>
          <span class="glance-line glance-sub">
            <span class="margin">{glanceMargin(metric)}</span>
            {date && <span class="glance-date">{date}</span>}
          </span>
        </button>
      </h3>
      {below}
      <div id={`${id}-details`} class="glance-details" role="region" aria-labelledby={`${id}-name`} hidden={!open}>
        {open && children}
      </div>
    </li>
  );
}
