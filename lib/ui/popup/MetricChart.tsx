import type { MetricReport } from '../../metrics/report-schema';
import { chartGeometry } from '../chart';
import { formatDay, formatRate } from '../format';
import { t, uiLocale } from '../i18n';

/** Room under the plot for the first and last day. */
const AXIS = 11;

export interface HistoryPoint {
  day: string;
  rate: number | null;
}

/**
 * The metric over time: Amazon's readings (solid), today's projected rate, and the next 30 days
 * expected (solid accent) and worst case (dashed, with the band between), against the target line.
 * The numbers it shows are in the card as text; the chart's label says them again for screen readers.
 */
export function MetricChart({
  metric,
  today,
  history,
  width = 132,
  height = 60,
}: {
  metric: MetricReport;
  today: string;
  history: readonly HistoryPoint[];
  width?: number;
  height?: number;
}) {
  const locale = uiLocale();
  const timeline = metric.projection.timeline;
  const g = chartGeometry({
    today,
    current: metric.rate,
    history,
    timeline: timeline.map((d) => ({ date: d.date, expected: d.expected.rate, worst: d.worst.rate })),
    target: metric.target,
    condition: metric.condition,
    breachDate: metric.projection.breachDate,
    width,
    height: height - AXIS,
  });
  const targetText = formatRate(metric.target, locale, metric.condition);
  // The target's value beside its line: above it, or below when the line is at the top.
  const targetLabelY = g.targetY - 3 < g.plot.top + 7 ? g.targetY + 9 : g.targetY - 3;
  const last = timeline.at(-1);
  const label = last
    ? t(
        'chart_label',
        formatDay(last.date, locale),
        formatRate(last.expected.rate, locale, metric.condition, metric.target),
        formatRate(last.worst.rate, locale, metric.condition, metric.target),
        formatRate(metric.target, locale, metric.condition),
      )
    : t('chart_label_empty');
  return (
    <svg class="chart" viewBox={`0 0 ${g.width} ${height}`} width={g.width} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      <rect class="chart-fail" x={g.plot.left} y={g.failZone.y} width={g.plot.right - g.plot.left} height={Math.max(0, g.failZone.height)} />
      <line class="chart-today" x1={g.todayX} x2={g.todayX} y1={g.plot.top} y2={g.plot.bottom} />
      {g.bandPath && <path class="chart-band" d={g.bandPath} />}
      <line class="chart-target" x1={g.plot.left} x2={g.plot.right} y1={g.targetY} y2={g.targetY} />
      {g.historyPath && <path class="chart-history" d={g.historyPath} />}
      {g.worstPath && <path class="chart-worst" d={g.worstPath} />}
      {g.expectedPath && <path class="chart-expected" d={g.expectedPath} />}
      {g.breachX !== null && <circle class="chart-breach" cx={g.breachX} cy={g.targetY} r={2.5} />}
      <text class="chart-label chart-target-label" x={g.plot.right} y={targetLabelY} text-anchor="end" aria-hidden="true">
        {targetText}
      </text>
      <text class="chart-label" x={g.plot.left} y={height - 1} aria-hidden="true">
        {formatDay(g.firstDay, locale)}
      </text>
      <text class="chart-label" x={g.plot.right} y={height - 1} text-anchor="end" aria-hidden="true">
        {formatDay(g.lastDay, locale)}
      </text>
    </svg>
  );
}
