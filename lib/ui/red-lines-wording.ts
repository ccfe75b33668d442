/**
 * The red lines besides the rates in the seller's words (metrics-spec v2 §2.2): Amazon's policy
 * categories (the known ones by their message, one Redline does not know by the page's own label or
 * Amazon's name for it, as text) and the Account Health Assurance line. Shared by the popup, the
 * notifications and the Account Health overlay.
 */
import type { AccountHealthAssurance, PolicyComplianceEntry } from '../metrics/report-schema';
import { isKnownPolicyCategory } from '../model/policy-categories';
import { formatDate, formatDay } from './format';
import { t, tp, type MessageKey } from './i18n';

export function policyName(entry: Pick<PolicyComplianceEntry, 'category' | 'label'>): string {
  return isKnownPolicyCategory(entry.category) ? t(`policy_${entry.category}` as MessageKey) : (entry.label ?? entry.category);
}

/** "3 violations" / "count unknown". */
export function policyCount(entry: Pick<PolicyComplianceEntry, 'count'>): string {
  return entry.count === null ? t('policy_countUnknown') : tp('policy_count', entry.count);
}

/** "+1 since 3 Oct", "unchanged since 3 Oct", or null without a reading before (or a count to compare). */
export function policyChange(entry: Pick<PolicyComplianceEntry, 'change' | 'previousObservedAt'>, locale: string): string | null {
  if (entry.change === null || entry.previousObservedAt === null) return null;
  const since = formatDate(entry.previousObservedAt, locale);
  if (entry.change > 0) return t('policy_rose', entry.change, since);
  if (entry.change < 0) return t('policy_fell', -entry.change, since);
  return t('policy_same', since);
}

/** "Eligible: 3 days below 250 in the last 180." / "14 days below 250 …: not eligible." / "Not enough history yet (since 4 Oct 2026)."; null without a rating. */
export function assuranceSentence(a: AccountHealthAssurance, locale: string): string | null {
  if (a.status === 'unknown' || a.daysBelow250 === null) return null;
  if (a.status === 'eligible') return tp('assurance_eligible', a.daysBelow250);
  if (a.status === 'notEligible') return tp('assurance_below', a.daysBelow250);
  const since = formatDay(a.since!, locale, true);
  return a.daysBelow250 > 0 ? tp('assurance_shortBelow', a.daysBelow250, since) : t('assurance_short', since);
}
