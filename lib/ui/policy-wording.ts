/**
 * Amazon's policy categories in the seller's words (metrics-spec v2 §2.2): the known ones by their
 * message, a category Redline does not know by the page's own label or Amazon's name for it, as text.
 */
import type { PolicyComplianceEntry } from '../metrics/report-schema';
import { isKnownPolicyCategory } from '../model/policy-categories';
import { formatDate } from './format';
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
