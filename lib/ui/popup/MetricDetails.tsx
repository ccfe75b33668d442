import type { MetricReport, ReadingOnlyReport } from '../../metrics/report-schema';
import { formatAge, formatCount, formatDay, formatRate } from '../format';
import { t, tp, uiLocale } from '../i18n';
import { explanationSentence, marginSentence, targetPhrase, windowPhrase } from '../wording';
import { BreakdownList, CategoryList } from './Breakdown';
import { CoverageText } from './Coverage';
import { ExplainOrders } from './ExplainOrders';
import { MetricChart, type HistoryPoint } from './MetricChart';

/**
 * A metric's details, drawn when its glance row is opened: the projected rate against its target with
 * its counts, the chart, the whole margin sentence, why Redline differs from Amazon, Amazon's reading
 * beside Redline's own count, coverage, the window, VTR's categories, the breakdowns, and the orders
 * behind the figure (asked for on demand).
 */
export function MetricDetails({
  metric,
  today,
  history,
  now,
  amazonPackages,
  listed,
  scope,
  asOf,
}: {
  metric: MetricReport;
  today: string;
  history: readonly HistoryPoint[];
  now: number;
  /** Amazon's 30-day package OTDR, shown on OTDR beside (never instead of) the unit rate. */
  amazonPackages?: ReadingOnlyReport | undefined;
  listed: number | null;
  scope: string | null;
  /** The report's instant: the orders behind the figure are asked for as of it. */
  asOf: number;
}) {
  const locale = uiLocale();
  const count = (num: number, den: number) => tp(`count_${metric.unit}`, den, formatCount(num, locale));
  const why = explanationSentence(metric);
  const packages = metric.key === 'otdr.14d' ? amazonPackages : null;
  const { local } = metric;
  return (
    <div class="details">
      <div class="card-body">
        <div class="card-figures">
          <p class="rate">
            <span class="rate-big">{formatRate(metric.rate, locale, metric.condition, metric.target)}</span>
            <span class="rate-target">{targetPhrase(metric)}</span>
          </p>
          <p class="muted small">{metric.denominator > 0 ? count(metric.numerator, metric.denominator) : ''}</p>
        </div>
        <MetricChart metric={metric} today={today} history={history} />
      </div>
      <p class="margin-sentence">{marginSentence(metric)}</p>
      {why && <p class="explanation small">{why}</p>}
      <ul class="facts small">
        {metric.amazon && (
          <li class="amazon-reading">
            {t(
              'amazonReading',
              formatRate(metric.amazon.rate, locale, metric.condition, metric.amazon.target ?? metric.target),
              formatAge(now - metric.amazon.observedAt, locale),
            )}
          </li>
        )}
        <li class="local-count">
          {t(
            'localCount',
            local.denominator > 0
              ? `${formatRate(local.rate, locale, metric.condition, metric.target)} · ${count(local.numerator, local.denominator)}`
              : t(`noData_${metric.unit}`),
          )}
        </li>
        <li class="coverage">
          <CoverageText metric={metric} listed={listed} />
        </li>
        {packages?.amazon && (
          <li class="amazon-packages">
            {t('amazonPackages', formatRate(packages.amazon.rate, locale, 'gt'), formatAge(now - packages.amazon.observedAt, locale))}
          </li>
        )}
        {metric.projection.estimated && <li>{t('estimated')}</li>}
        {metric.advisory && <li>{t('advisory')}</li>}
        {!metric.advisory && metric.enforcement.since && (
          <li class="muted">
            {t(metric.enforcement.evidence === 'thirdParty' ? 'enforcedThirdParty' : 'enforcedSince', formatDay(metric.enforcement.since, locale, true))}
          </li>
        )}
        <li class="muted">{windowPhrase(metric)}</li>
      </ul>
      {metric.categories && metric.categories.length > 0 && <CategoryList metric={metric} />}
      {metric.breakdown && <BreakdownList metric={metric} />}
      <ExplainOrders metric={metric} scope={scope} asOf={asOf} />
    </div>
  );
}
