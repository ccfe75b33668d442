import type { ResponseMap } from '../../messaging/client';
import type { MetricReport } from '../../metrics/report-schema';
import { marketplaceById } from '../../marketplaces';
import { rateMetricsOf } from '../metric-order';
import type { LogEntry } from '../../storage/records';
import { formatAge } from '../format';
import { t, tp, uiLocale } from '../i18n';
import { guessMarketplace, PAGES, sellerCentralUrl } from '../links';
import { problemKind, problemWording } from '../problem';
import { quote } from '../text';
import { sourceName } from '../page-names';
import { metricShortName, STATUS_SEVERITY } from '../wording';
import { AtRiskList } from './AtRiskList';
import { AhrSection } from './AhrSection';
import { MetricCard } from './MetricCard';
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

/** "Germany" / "Deutschland" / "ドイツ" for a scope, with the account when there is more than the default one. */
export function scopeLabel(scope: string, locale = uiLocale()): string {
  const [account, marketplaceId] = scope.split('|');
  const m = marketplaceId ? marketplaceById(marketplaceId) : undefined;
  let market = marketplaceId ?? scope;
  if (m) {
    try {
      market = new Intl.DisplayNames(locale, { type: 'region' }).of(m.country === 'UK' ? 'GB' : m.country) ?? m.country;
    } catch {
      market = m.country;
    }
  }
  return account && account !== 'default' ? `${market} · ${account}` : market;
}

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


export function Popup({ state, now, updating = false, onSelectScope, onOpenOptions }: PopupProps) {
  const locale = uiLocale();
  const { report, scopes, scope, lastCapture, problem } = state;
  const marketplaceId = report?.marketplaceId ?? (scope ? scope.split('|')[1] : undefined);
  const metrics = report ? rateMetricsOf(report) : [];
  const known = metrics.filter((m) => m.status !== 'unknown' || m.amazon);
  const empty = metrics.filter((m) => m.status === 'unknown' && !m.amazon);
  const attention = metrics.filter((m) => m.status === 'breach' || m.status === 'warning').sort((a, b) => STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status]);
  const stale = !lastCapture || now - lastCapture.at > STALE_MS;
  const policies = report ? policyBreaches(report) : 0;

  return (
    <div class="popup">
      <header class="top">
        <h1 class="brand">
          <span class="brand-mark" aria-hidden="true" />
          Redline
        </h1>
        {scopes.length > 1 ? (
          <label class="scope">
            <span class="visually-hidden">{t('scopeLabel')}</span>
            <select value={scope ?? ''} onChange={(e) => onSelectScope((e.currentTarget as HTMLSelectElement).value)}>
              {scopes.map((s) => (
                <option value={s} key={s}>
                  {scopeLabel(s)}
                </option>
              ))}
            </select>
          </label>
        ) : scope ? (
          <span class="scope-single">{scopeLabel(scope)}</span>
        ) : null}
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
        <FirstRun onOpenOptions={onOpenOptions} />
      ) : (
        <main aria-busy={updating}>
          {updating && (
            <p class="updating small" role="status">
              {t('popup_updating')}
            </p>
          )}
          <p class={`freshness small${stale ? ' stale' : ''}`}>
            {lastCapture ? t('updated', formatAge(now - lastCapture.at, locale), sourceName(lastCapture)) : t('updatedUnknown')}
            {' · '}
            <RefreshLinks marketplaceId={marketplaceId} />
          </p>

          {/* Keyed: the live summary is a new element, so Element Timing (npm run bench) sees when it painted. */}
          {/* (A kept summary replaced before its paint is presented gets no entry: the bench uses first-contentful-paint.) */}
          <div
            key={updating ? 'kept' : 'live'}
            class={`summary summary-${policies ? 'breach' : (attention[0]?.status ?? 'ok')}${updating ? ' summary-kept' : ''}`}
            role="status"
            elementtiming={updating ? undefined : 'summary'}
          >
            {attention.length
              ? tp('summary_attention', attention.length, attention.map((m) => metricShortName(m.key)).join(', '))
              : policies
                ? null
                : known.length
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

          <section aria-labelledby="metrics-title">
            <h2 id="metrics-title" class="visually-hidden">
              {t('metrics_title')}
            </h2>
            <AhrSection report={report} history={state.history?.ahr ?? []} now={now} />
            {known.map((m) => (
              <MetricCard key={m.key} metric={m} today={report.today} history={state.history?.[m.key] ?? []} now={now} amazonPackages={report.metrics['otdr.30d']} />
            ))}
            {empty.length > 0 && (
              <p class="small muted no-data">{t('noDataMetrics', empty.map((m) => metricShortName(m.key)).join(', '))}</p>
            )}
          </section>

          <PolicySection report={report} now={now} />
          <AtRiskList orders={report.atRiskOrders} marketplaceId={report.marketplaceId} now={now} ruleHours={report.dispatchRuleHours} />
          <PreventionSection scope={scope} now={now} updating={updating} />
        </main>
      )}
    </div>
  );
}
