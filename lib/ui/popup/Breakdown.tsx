import type { BreakdownRow, MetricReport } from '../../metrics/report-schema';
import { formatCount, formatRate } from '../format';
import { t, tp, uiLocale } from '../i18n';
import { StatusPill } from './Glance';

const DIMENSIONS = ['bySku', 'byCategory', 'byCarrier', 'byShippingService'] as const;

/** A listing's, category's, carrier's or service's name as the pages gave it (text only), or "not known". */
const keyText = (row: BreakdownRow, dimension: (typeof DIMENSIONS)[number]) =>
  row.key === ''
    ? t(dimension === 'byCategory' ? 'uncategorised' : 'breakdown_unknownKey')
    : row.asin && dimension === 'bySku'
      ? `${row.key} (${row.asin})`
      : row.key;

/**
 * Where a metric's bad events are (spec v2 §3.1, Redline's own count over the window): by SKU, product
 * category, carrier and shipping service, worst first, each "3 of 40" in the metric's unit.
 */
export function BreakdownList({ metric }: { metric: MetricReport }) {
  const locale = uiLocale();
  const breakdown = metric.breakdown;
  if (!breakdown || DIMENSIONS.every((d) => breakdown[d].rows.length === 0)) return null;
  return (
    <div class="breakdown">
      <h4 class="details-title">{t('breakdown_title')}</h4>
      <dl class="breakdown-list small">
        {DIMENSIONS.filter((d) => breakdown[d].rows.length > 0).map((d) => (
          <div key={d} class="breakdown-dimension" data-breakdown={d}>
            <dt>{t(`breakdown_${d}`)}</dt>
            <dd>
              <ul>
                {breakdown[d].rows.slice(0, 5).map((row) => (
                  <li key={row.key}>
                    <span class="breakdown-key">{keyText(row, d)}</span> {tp(`count_${metric.unit}`, row.total, formatCount(row.bad, locale))}
                  </li>
                ))}
                {breakdown[d].rows.length + breakdown[d].more > 5 && (
                  <li class="muted">{tp('breakdown_more', breakdown[d].rows.length + breakdown[d].more - 5)}</li>
                )}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** VTR by product category (spec v2 §2): a category can breach while the account-wide figure passes. */
export function CategoryList({ metric }: { metric: MetricReport }) {
  const locale = uiLocale();
  const categories = metric.categories ?? [];
  return (
    <div class="categories">
      <h4 class="details-title">{t('categories_title')}</h4>
      <ul class="category-list small">
        {categories.slice(0, 6).map((c) => (
          <li key={c.category} data-category={c.category}>
            <span class="breakdown-key">{c.category === '' ? t('uncategorised') : c.category}</span>{' '}
            <span class="category-rate">{formatRate(c.rate, locale, metric.condition, metric.target)}</span> <StatusPill status={c.status} />{' '}
            <span class="muted">{tp(`count_${metric.unit}`, c.denominator, formatCount(c.numerator, locale))}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
