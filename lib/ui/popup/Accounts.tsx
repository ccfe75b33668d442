import { t, tp } from '../i18n';
import { scopeLabel, type ScopeSummary } from '../scopes';
import { STATUS_ICON, statusWord } from '../wording';

/** What a scope's line says after its name: what needs attention, signed out, or that nothing is known yet (never "0 orders"). */
function summaryText(s: ScopeSummary): string {
  const parts: string[] = [];
  if (s.signedOut) parts.push(t('accounts_signedOut'));
  if (!s.hasReport) parts.push(t('accounts_noFigures'));
  else if (s.attention > 0) parts.push(tp('accounts_attention', s.attention));
  else if (s.state !== 'signedOut' && !s.policyBreaches) parts.push(statusWord(s.state));
  if (s.policyBreaches > 0) parts.push(t('toolbar_policy'));
  if (s.atRisk > 0) parts.push(tp('summary_risks', s.atRisk));
  return parts.join(' · ');
}

/**
 * Every account × marketplace Redline knows in this browser, one line each, worst first (an agency
 * checks each every morning): a click shows that scope. The current one is marked.
 */
export function Accounts({ overview, current, onSelect }: { overview: readonly ScopeSummary[]; current: string | null; onSelect: (scope: string) => void }) {
  return (
    <section class="accounts" aria-labelledby="accounts-title">
      <h2 id="accounts-title" class="accounts-title">
        {tp('accounts_title', overview.length)}
      </h2>
      <ul class="accounts-list">
        {overview.map((s) => {
          const status = s.state === 'signedOut' ? 'unknown' : s.state;
          return (
            <li key={s.scope} data-scope={s.scope} data-state={s.state}>
              <button type="button" class={`account row-${status}`} aria-current={s.scope === current ? 'true' : undefined} onClick={() => onSelect(s.scope)}>
                <span class={`pill pill-${status}`} aria-hidden="true">
                  <span class="pill-icon">{s.signedOut ? '⏻' : STATUS_ICON[status]}</span>
                </span>
                <span class="account-name">{scopeLabel(s.scope)}</span>
                <span class="account-summary">{summaryText(s)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
