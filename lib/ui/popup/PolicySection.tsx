import type { HealthReport, PolicyComplianceEntry } from '../../metrics/report-schema';
import { formatAge } from '../format';
import { t, tp, uiLocale } from '../i18n';
import { PAGES, sellerCentralUrl } from '../links';
import { policyChange, policyCount, policyName } from '../red-lines-wording';
import './red-lines.css';

/** Policy categories over the line: what the popup's summary names besides the metrics. */
export const policyBreaches = (report: Pick<HealthReport, 'policyCompliance'>): number => report.policyCompliance.filter((p) => p.status === 'breach').length;

/**
 * Amazon's policy compliance in one compact section (metrics-spec v2 §2.2): all clear, or the
 * categories over the line (any violation counts: the target is 0) and those without a count, each
 * with its count and how it changed since the reading before. Page strings are rendered as text.
 */
export function PolicySection({ report, now }: { report: Pick<HealthReport, 'policyCompliance' | 'marketplaceId'>; now: number }) {
  const locale = uiLocale();
  const all = report.policyCompliance;
  const shown = all.filter((p) => p.status !== 'ok');
  const breaches = policyBreaches(report);
  const unknown = all.length - breaches - all.filter((p) => p.status === 'ok').length;
  const health = sellerCentralUrl(report.marketplaceId, PAGES.accountHealth);
  const latest = all.reduce((at, p) => Math.max(at, p.observedAt), 0);
  const status = breaches ? 'breach' : unknown ? 'unknown' : all.length ? 'ok' : 'unknown';
  return (
    <section class={`card policies card-${status}`} aria-labelledby="policies-title" id="policies" data-policies={status}>
      <h2 id="policies-title" class="card-name">
        {t('policy_title')}
      </h2>
      {all.length === 0 ? (
        <p class="small muted">
          {health ? (
            <a href={health} target="_blank" rel="noopener noreferrer">
              {t('policy_none')}
            </a>
          ) : (
            t('policy_none')
          )}
        </p>
      ) : (
        <>
          <p class="policy-summary">
            {breaches ? tp('policy_over', breaches) : unknown ? tp('policy_unknown', unknown) : t('policy_allClear')}
            {breaches > 0 && unknown > 0 && ` ${tp('policy_unknown', unknown)}`}
          </p>
          {shown.length > 0 && (
            <ul class="policy-list">
              {shown.map((p) => (
                <PolicyItem key={p.category} entry={p} locale={locale} />
              ))}
            </ul>
          )}
          <p class="small muted">
            {t('policy_read', formatAge(now - latest, locale))}
            {health && (
              <>
                {' · '}
                <a href={health} target="_blank" rel="noopener noreferrer">
                  {t('page_accountHealth')}
                </a>
              </>
            )}
          </p>
        </>
      )}
    </section>
  );
}

function PolicyItem({ entry, locale }: { entry: PolicyComplianceEntry; locale: string }) {
  const change = policyChange(entry, locale);
  return (
    <li class={`policy policy-${entry.status}${entry.change !== null && entry.change > 0 ? ' policy-rose' : ''}`} data-policy={entry.category}>
      <span class="policy-name">{policyName(entry)}</span>
      <span class="policy-count">
        {policyCount(entry)}
        {change && <span class="policy-change"> · {change}</span>}
      </span>
    </li>
  );
}
