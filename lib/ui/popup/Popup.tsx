import { useEffect, useState } from 'preact/hooks';
import type { ResponseMap } from '../../messaging/client';
import { rateMetricsOf } from '../metric-order';
import type { LogEntry } from '../../storage/records';
import { coverageComplete, needsOnboarding } from '../coverage';
import { formatAge } from '../format';
import { t, tp, uiLocale } from '../i18n';
import { guessMarketplace, PAGES, sellerCentralUrl } from '../links';
import { problemKind, problemWording } from '../problem';
import { scopeLabel } from '../scopes';
import { sourceName } from '../page-names';
import { metricShortName, STATUS_SEVERITY } from '../wording';
import { Accounts } from './Accounts';
import { AtRiskList } from './AtRiskList';
import { CoverageLine, OnboardingCard } from './Coverage';
import { AhrSection } from './AhrSection';
import { GlanceRow } from './Glance';
import { MetricDetails } from './MetricDetails';
import { policyBreaches, PolicySection } from './PolicySection';
import { PreventionSection } from './PreventionSection';

export type PopupState = ResponseMap['getPopupState'];

export interface PopupProps {
  state: PopupState;
  now: number;
  /** The state is the one kept from the last popup: the worker's answer has not come yet. */
  updating?: boolean;
  onSelectScope: (scope: string) => void;
  onOpenOptions: () => void;
}

/** Data older than this is called stale: the seller is told which page to open. */
const STALE_MS = 6 * 3_600_000;

function RefreshLinks({ marketplaceId }: { marketplaceId: string | undefined }) {
  const orders = marketplaceId ? sellerCentralUrl(marketplaceId, PAGES.manageOrders) : null;
  const health = marketplaceId ? sellerCentralUrl(marketplaceId, PAGES.accountHealth) : null;
  if (!orders || !health) return <span>{t('refreshHintPlain')}</span>;
  return (
    <span>
      {t('refreshHintBefore')}{' '}
      <a href={orders} target="_blank" rel="noopener noreferrer">
        {t('page_manageOrders')}
      </a>{' '}
      {t('or')}{' '}
      <a href={health} target="_blank" rel="noopener noreferrer">
        {t('page_accountHealth')}
      </a>
    </span>
  );
}

function ProblemNotice({ problem, now }: { problem: LogEntry; now: number }) {
  const kind = problemKind(problem);
  const { title, text } = problemWording(kind, sourceName(problem));
  return (
    <div class="notice notice-problem" role="alert" data-problem={kind}>
      <span class="notice-icon" aria-hidden="true">
        !
      </span>
      <div>
        <p class="notice-title">{title}</p>
        <p class="small">
          {text} · {formatAge(now - problem.at, uiLocale())}
        </p>
      </div>
    </div>
  );
}

function FirstRun({ onOpenOptions }: { onOpenOptions: () => void }) {
  const guess = guessMarketplace(uiLocale());
  const health = sellerCentralUrl(guess, PAGES.accountHealth)!;
  const orders = sellerCentralUrl(guess, PAGES.manageOrders)!;
  return (
    <section class="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title" elementtiming="first-run">
        {t('firstRun_title')}
      </h2>
      <p>{t('firstRun_intro')}</p>
      <ol>
        <li>
          {t('firstRun_step1')}{' '}
          <a href={health} target="_blank" rel="noopener noreferrer">
            {t('page_accountHealth')}
          </a>
        </li>
        <li>
          {t('firstRun_step2')}{' '}
          <a href={orders} target="_blank" rel="noopener noreferrer">
            {t('page_manageOrders')}
          </a>
        </li>
        <li>
          {t('firstRun_step3')}{' '}
          <button type="button" class="link-button" onClick={onOpenOptions}>
            {t('openOptions')}
          </button>
        </li>
      </ol>
      <p class="small muted">{t('privacy')}</p>
    </section>
  );
}

/**
 * True from the frame after the first paint on: what lies below the glance (at-risk orders, the dispute
 * and feedback lists) is drawn then, so the first paint carries the glance only.
 */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  return painted;
}

/** The largest size a Manage Orders page gave for this scope: a page's total counts orders, never packages. */
function listedOrders(totals: PopupState['pageTotals']): number | null {
  const orders = totals.filter((p) => p.table.startsWith('manageOrders')).map((p) => p.total);
  return orders.length ? Math.max(...orders) : null;
}

export function Popup({ state, now, updating = false, onSelectScope, onOpenOptions }: PopupProps) {
  const locale = uiLocale();
  const { report, scope, lastCapture, problem } = state;
  const overview = state.overview ?? [];
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const painted = useAfterFirstPaint();
  const marketplaceId = report?.marketplaceId ?? (scope ? scope.split('|')[1] : undefined);
  const metrics = report ? rateMetricsOf(report) : [];
  const attention = metrics
    .filter((m) => m.status === 'breach' || m.status === 'warning')
    .sort((a, b) => STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status]);
  const judged = metrics.some((m) => m.status !== 'unknown' && m.status !== 'insufficient');
  const stale = !lastCapture || now - lastCapture.at > STALE_MS;
  const listed = listedOrders(state.pageTotals ?? []);
  const onboarding = needsOnboarding(metrics, listed);
  const complete = !onboarding && coverageComplete(metrics);
  const policies = report ? policyBreaches(report) : 0;
  const toggle = (key: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <div class="popup">
      <header class="top">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true" />
          Redline
        </h1>
        {scope && <span class="scope-single">{scopeLabel(scope)}</span>}
        <button type="button" class="icon-button" onClick={onOpenOptions} aria-label={t('openOptions')} title={t('openOptions')}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path
              fill="currentColor"
              d="M8 0a1 1 0 0 1 1 1v1.07a6 6 0 0 1 2.1.87l.76-.76a1 1 0 1 1 1.42 1.42l-.76.76A6 6 0 0 1 13.93 7H15a1 1 0 1 1 0 2h-1.07a6 6 0 0 1-.87 2.1l.76.76a1 1 0 0 1-1.42 1.42l-.76-.76a6 6 0 0 1-2.1.87V15a1 1 0 1 1-2 0v-1.07a6 6 0 0 1-2.1-.87l-.76.76a1 1 0 0 1-1.42-1.42l.76-.76A6 6 0 0 1 2.07 9H1a1 1 0 1 1 0-2h1.07a6 6 0 0 1 .87-2.1l-.76-.76a1 1 0 0 1 1.42-1.42l.76.76A6 6 0 0 1 7 2.07V1a1 1 0 0 1 1-1Zm0 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z"
            />
          </svg>
        </button>
      </header>

      {problem && <ProblemNotice problem={problem} now={now} />}

      {!report && state.computing ? (
        <p class="computing" role="status" aria-busy="true">
          {t('computing')}
        </p>
      ) : !report ? (
        <>
          {overview.length > 0 && <Accounts overview={overview} current={scope} onSelect={onSelectScope} />}
          <FirstRun onOpenOptions={onOpenOptions} />
        </>
      ) : (
        <main aria-busy={updating}>
          {updating && (
            <p class="updating small" role="status">
              {t('popup_updating')}
            </p>
          )}

          {/* Keyed: the live summary is a new element, so Element Timing (npm run bench) sees when it painted. */}
          {/* (A kept summary replaced before its paint is presented gets no entry: the bench uses first-contentful-paint.) */}
          <div
            key={updating ? 'kept' : 'live'}
            class={`summary summary-${policies ? 'breach' : (attention[0]?.status ?? (judged ? 'ok' : 'unknown'))}${updating ? ' summary-kept' : ''}`}
            role="status"
            elementtiming={updating ? undefined : 'summary'}
          >
            {attention.length
              ? tp('summary_attention', attention.length, attention.map((m) => metricShortName(m.key)).join(', '))
              : policies
                ? null
                : judged
                  ? t('summary_ok')
                  : t('summary_noData')}
            {policies > 0 && (
              <>
                {attention.length ? ' · ' : ''}
                <a href="#policies">{tp('summary_policies', policies)}</a>
              </>
            )}
            {report.atRiskOrders.length > 0 && (
              <>
                {' · '}
                <a href="#risks">{tp('summary_risks', report.atRiskOrders.length)}</a>
              </>
            )}
          </div>

          {(overview.length > 1 || overview.some((s) => s.scope !== scope)) && <Accounts overview={overview} current={scope} onSelect={onSelectScope} />}

          {onboarding && <OnboardingCard marketplaceId={report.marketplaceId} hasReading={metrics.some((m) => m.amazon)} />}

          <section aria-labelledby="metrics-title" class="metrics">
            <h2 id="metrics-title" class="visually-hidden">
              {t('metrics_title')}
            </h2>
            <ul class="glance">
              {metrics.map((m) => (
                <GlanceRow
                  key={m.key}
                  metric={m}
                  open={open.has(m.key)}
                  onToggle={() => toggle(m.key)}
                  below={onboarding ? <CoverageLine metric={m} listed={listed} marketplaceId={report.marketplaceId} /> : null}
                >
                  <MetricDetails
                    metric={m}
                    today={report.today}
                    history={state.history?.[m.key] ?? []}
                    now={now}
                    amazonPackages={report.metrics['otdr.30d']}
                    listed={listed}
                    scope={scope}
                    asOf={report.asOf}
                  />
                </GlanceRow>
              ))}
            </ul>
            {complete && (
              <p class="coverage-complete small" data-coverage="complete">
                <span aria-hidden="true">✓ </span>
                {t('coverage_complete')}
              </p>
            )}
          </section>

          <p class={`freshness small${stale ? ' stale' : ''}`}>
            {lastCapture ? t('updated', formatAge(now - lastCapture.at, locale), sourceName(lastCapture)) : t('updatedUnknown')}
            {' · '}
            <RefreshLinks marketplaceId={marketplaceId} />
          </p>

          {/* Other red lines: self-contained sections (issue 16), one line each here. */}
          <AhrSection report={report} history={state.history?.ahr ?? []} now={now} />
          <PolicySection report={report} now={now} />

          {painted && (
            <>
              <AtRiskList orders={report.atRiskOrders} marketplaceId={report.marketplaceId} now={now} ruleHours={report.dispatchRuleHours} />
              <PreventionSection scope={scope} now={now} updating={updating} />
            </>
          )}
        </main>
      )}
    </div>
  );
}
