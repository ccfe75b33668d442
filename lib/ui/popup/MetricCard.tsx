import type { MetricReport, ReadingOnlyReport } from '../../metrics/report-schema';
import { formatAge, formatCount, formatDay, formatRate } from '../format';
import { t, tp, uiLocale } from '../i18n';
import { explanationSentence, marginSentence, metricName, STATUS_ICON, statusWord, targetPhrase, windowPhrase } from '../wording';
import { MetricChart, type HistoryPoint } from './MetricChart';

/** Coverage below this is shown: the extension has not seen every order Amazon counts. */
const FULL_COVERAGE = 0.995;

export function StatusPill({ status }: { status: MetricReport['status'] }) {
  return (
    <span class={`pill pill-${status}`}>
      <span class="pill-icon" aria-hidden="true">
        {STATUS_ICON[status]}
      </span>
      {statusWord(status)}
    </span>
  );
}

/**
 * One metric: projected rate against its target, status in colour and words, the margin in
 * events, Amazon's own reading with its age, coverage when partial, the window, and the chart.
 */
export function MetricCard({ metric, today, history, now, amazonPackages }: {
  metric: MetricReport;
  today: string;
  history: readonly HistoryPoint[];
  now: number;
  /** Amazon's 30-day package OTDR, shown on the OTDR card beside (never instead of) the unit rate. */
  amazonPackages?: ReadingOnlyReport | undefined;
}) {
  const locale = uiLocale();
  const id = `metric-${metric.key.replace('.', '-')}`;
  const unitCount = tp(`count_${metric.unit}`, metric.denominator, formatCount(metric.numerator, locale));
  const why = explanationSentence(metric);
  const packages = metric.key === 'otdr.14d' ? amazonPackages : null;
  return (
    <article class={`card card-${metric.status}`} aria-labelledby={`${id}-name`} data-metric={metric.key}>
      <header class="card-head">
        <h3 id={`${id}-name`} class="card-name">
          {metricName(metric.key)}
        </h3>
        <StatusPill status={metric.status} />
      </header>
      <div class="card-body">
        <div class="card-figures">
          <p class="rate">
            <span class="rate-value">{formatRate(metric.rate, locale, metric.condition, metric.target)}</span>
            <span class="rate-target">{targetPhrase(metric)}</span>
          </p>
          <p class="muted small">{metric.denominator > 0 ? unitCount : ''}</p>
        </div>
        <MetricChart metric={metric} today={today} history={history} />
      </div>
      <p class="margin">{marginSentence(metric)}</p>
      {why && <p class="explanation small">{why}</p>}
      <ul class="facts small">
        {metric.amazon && (
          <li>
            {t(
              'amazonReading',
              formatRate(metric.amazon.rate, locale, metric.condition, metric.amazon.target ?? metric.target),
              formatAge(now - metric.amazon.observedAt, locale),
            )}
          </li>
        )}
        {metric.coverage !== null && metric.coverage < FULL_COVERAGE && (
          <li class="coverage">{t('coverage', formatRate(Math.min(1, metric.coverage), locale, 'gt'))}</li>
        )}
        {metric.status === 'insufficient' && <li class="few-data">{tp('tooFewToJudge', metric.denominator)}</li>}
        {packages?.amazon && (
          <li class="amazon-packages">
            {t('amazonPackages', formatRate(packages.amazon.rate, locale, 'gt'), formatAge(now - packages.amazon.observedAt, locale))}
          </li>
        )}
        {metric.projection.estimated && <li>{t('estimated')}</li>}
        {metric.advisory && <li>{t('advisory')}</li>}
        {!metric.advisory && metric.enforcement.since && (
          <li class="muted">{t(metric.enforcement.evidence === 'thirdParty' ? 'enforcedThirdParty' : 'enforcedSince', formatDay(metric.enforcement.since, locale, true))}</li>
        )}
        <li class="muted">{windowPhrase(metric)}</li>
      </ul>
    </article>
  );
}
