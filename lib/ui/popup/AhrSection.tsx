import type { AhrReport, HealthReport } from '../../metrics/report-schema';
import { chartGeometry, valueY } from '../chart';
import { formatAge, formatCount, formatDay, formatWindow } from '../format';
import { t, uiLocale } from '../i18n';
import { assuranceSentence } from '../red-lines-wording';
import { metricName, STATUS_ICON } from '../wording';
import './red-lines.css';

const AHR_CLASS = { healthy: 'ok', atRisk: 'warning', unhealthy: 'breach', unknown: 'unknown' } as const;
/** Room under the plot for the first and last day (as MetricChart). */
const AXIS = 11;
/** The bands' and Assurance's lines, as fractions of the 1,000-point scale (metrics-spec v2 §2, §2.2). */
const HEALTHY = 200;
const ASSURANCE = 250;

export interface AhrPoint {
  day: string;
  score: number | null;
}

/**
 * The Account Health Rating (read from Amazon, never computed): its score and band, its history as a
 * small chart against the 200 (healthy) and 250 (Assurance) lines, and the Account Health Assurance line.
 */
export function AhrSection({
  report,
  history,
  now,
}: {
  report: Pick<HealthReport, 'metrics' | 'accountHealthAssurance' | 'today'>;
  history: readonly AhrPoint[];
  now: number;
}) {
  const locale = uiLocale();
  const ahr = report.metrics.ahr;
  const status = AHR_CLASS[ahr.status];
  const assurance = report.accountHealthAssurance;
  const sentence = assuranceSentence(assurance, locale);
  return (
    <article class={`card card-ahr card-${status}`} aria-labelledby="metric-ahr-name" data-metric="ahr">
      <header class="card-head">
        <h3 id="metric-ahr-name" class="card-name">
          {metricName('ahr')}
        </h3>
        <span class={`pill pill-${status}`}>
          <span class="pill-icon" aria-hidden="true">
            {STATUS_ICON[status]}
          </span>
          {t(`ahr_${ahr.status}`)}
        </span>
      </header>
      <div class="ahr-body">
        <div>
          <p class="rate">
            <span class="rate-value">{ahr.score === null ? '–' : formatCount(ahr.score, locale)}</span>
            <span class="rate-target">{t('ahr_scale')}</span>
          </p>
          <p class="small muted">{ahr.amazon ? t('ahr_read', formatAge(now - ahr.amazon.observedAt, locale)) : t('ahr_none')}</p>
        </div>
        {ahr.score !== null && <AhrChart ahr={ahr} today={report.today} history={history} />}
      </div>
      {sentence && (
        <p class={`assurance assurance-${assurance.status}`} data-assurance={assurance.status}>
          <strong>{t('assurance_title')}</strong> · {sentence}
        </p>
      )}
      <p class="small muted">{t('assurance_rule')}</p>
    </article>
  );
}

/** The rating's last 90 days (Amazon's readings, one a day) with today's, on the 0–1,000 scale. */
function AhrChart({
  ahr,
  today,
  history,
  width = 132,
  height = 60,
}: {
  ahr: AhrReport;
  today: string;
  history: readonly AhrPoint[];
  width?: number;
  height?: number;
}) {
  const locale = uiLocale();
  const g = chartGeometry({
    today,
    current: ahr.score === null ? null : ahr.score / 1000,
    history: history.map((h) => ({ day: h.day, rate: h.score === null ? null : h.score / 1000 })),
    timeline: [],
    target: HEALTHY / 1000,
    condition: 'gt',
    width,
    height: height - AXIS,
  });
  const assuranceY = valueY(g, ASSURANCE / 1000);
  const label = t('ahr_chart_label', formatWindow({ from: g.firstDay, to: today }, locale), formatCount(ahr.score ?? 0, locale));
  return (
    <svg class="chart" viewBox={`0 0 ${g.width} ${height}`} width={g.width} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      <rect class="chart-fail" x={g.plot.left} y={g.failZone.y} width={g.plot.right - g.plot.left} height={Math.max(0, g.failZone.height)} />
      <line class="chart-target" x1={g.plot.left} x2={g.plot.right} y1={g.targetY} y2={g.targetY} />
      <line class="chart-ahr-line" x1={g.plot.left} x2={g.plot.right} y1={assuranceY} y2={assuranceY} />
      {g.historyPath && <path class="chart-history" d={g.historyPath} />}
      <circle class="chart-now" cx={g.todayX} cy={valueY(g, (ahr.score ?? 0) / 1000)} r={2} />
      <text class="chart-label chart-ahr-label" x={g.plot.right} y={assuranceY - 3} text-anchor="end" aria-hidden="true">
        {formatCount(ASSURANCE, locale)}
      </text>
      <text class="chart-label" x={g.plot.left} y={height - 1} aria-hidden="true">
        {formatDay(g.firstDay, locale)}
      </text>
      <text class="chart-label" x={g.plot.right} y={height - 1} text-anchor="end" aria-hidden="true">
        {formatDay(today, locale)}
      </text>
    </svg>
  );
}
