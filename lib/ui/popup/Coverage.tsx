import { Fragment } from 'preact';
import type { MetricReport } from '../../metrics/report-schema';
import { coverageOf, isCovered, nextSteps, type Coverage, type NextStep } from '../coverage';
import { formatCount } from '../format';
import { t, tp, uiLocale } from '../i18n';
import { OPTIONS_IMPORT, PAGES, sellerCentralUrl } from '../links';

/** "Seen 16 of ~60 orders Amazon counts", "Seen all 60 orders Amazon counts", "Seen 16 orders so far". */
export function coverageSentence(c: Coverage, unit: MetricReport['unit']): string {
  const n = (x: number) => formatCount(x, uiLocale());
  switch (c.kind) {
    case 'complete':
      return tp(`cov_complete_${unit}`, c.of);
    case 'undecided':
      return tp(`cov_undecided_${unit}`, c.unknown, n(c.of));
    case 'partial':
      return tp(`cov_partial_${unit}`, c.of, n(c.seen));
    case 'listed':
      return tp('cov_listed', c.seen, n(c.listed));
    case 'seen':
      return tp(`cov_seen_${unit}`, c.seen);
  }
}

export function CoverageText({ metric, listed }: { metric: MetricReport; listed: number | null }) {
  const c = coverageOf(metric, listed);
  return <span data-coverage={c.kind}>{coverageSentence(c, metric.unit)}</span>;
}

const STEP_PAGE: Record<Exclude<NextStep, 'importAllOrders'>, `/${string}`> = { sentOrders: PAGES.sentOrders, fbaOrders: PAGES.fbaOrders };

/** A next step as a link: a Seller Central page on the marketplace's own host, or the options page's import. */
function StepLink({ step, marketplaceId }: { step: NextStep; marketplaceId: string }) {
  const href = step === 'importAllOrders' ? OPTIONS_IMPORT : sellerCentralUrl(marketplaceId, STEP_PAGE[step]);
  if (!href) return <span>{t(`step_${step}`)}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" data-step={step}>
      {t(`step_${step}`)}
    </a>
  );
}

/**
 * Under a glance row while Redline has seen little: what it has seen of this metric and where the rest
 * is ("Seen 1 of ~60 orders Amazon counts: open Sent orders (last 30 days)"). Nothing once covered.
 */
export function CoverageLine({ metric, listed, marketplaceId }: { metric: MetricReport; listed: number | null; marketplaceId: string }) {
  const c = coverageOf(metric, listed);
  if (isCovered(c)) return null;
  const steps = nextSteps(metric.key);
  return (
    <p class="coverage-line small" data-coverage={c.kind}>
      {c.seen === 0 ? t('cov_next') : t('cov_then', coverageSentence(c, metric.unit))}{' '}
      {steps.map((step, i) => (
        <Fragment key={step}>
          {i > 0 && ` ${t('or')} `}
          <StepLink step={step} marketplaceId={marketplaceId} />
        </Fragment>
      ))}
    </p>
  );
}

/**
 * The popup's first minutes: until Redline has seen enough, it leads with this card (what it counts, and
 * the pages and files that fill it) instead of letting a figure of one order look like a verdict.
 */
export function OnboardingCard({ marketplaceId, hasReading }: { marketplaceId: string; hasReading: boolean }) {
  const health = sellerCentralUrl(marketplaceId, PAGES.accountHealth);
  const sent = sellerCentralUrl(marketplaceId, PAGES.sentOrders);
  return (
    <section class="onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title" class="onboarding-title">
        {t('onboard_title')}
      </h2>
      <p class="small">{t('onboard_intro')}</p>
      <ul class="onboarding-steps small">
        {!hasReading && health && (
          <li>
            <a href={health} target="_blank" rel="noopener noreferrer" data-step="accountHealth">
              {t('onboard_openHealth')}
            </a>
            {t('onboard_health')}
          </li>
        )}
        {sent && (
          <li>
            <a href={sent} target="_blank" rel="noopener noreferrer" data-step="sentOrders">
              {t('onboard_openSent')}
            </a>{' '}
            {t('onboard_sent')}
          </li>
        )}
        <li>
          <a href={OPTIONS_IMPORT} target="_blank" rel="noopener noreferrer" data-step="importReports">
            {t('onboard_importReports')}
          </a>{' '}
          {t('onboard_import')}
        </li>
      </ul>
    </section>
  );
}
