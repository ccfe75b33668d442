/**
 * The demo seller's Policy Compliance, as the SP-API report's entries (schema ListingLevelViolation:
 * `{defectsCount, status, targetValue: 0, targetCondition: "EQUALS", reportingDateRange}`; the warnings
 * as the real DE report writes them, `{warningsCount, reportingDateRange}`): every category clear but
 * one listing policy violation, so the popup, the Account Health overlay and the desktop notification
 * have one to show (issue 16). It is on a row whose id is real (`#policies-listing-policy-row`).
 */
import { POLICY_CATEGORIES } from '../../lib/model/policy-categories';
import type { ReportingDateRange } from './time';

export const DEMO_VIOLATION = { category: 'listingPolicyViolations', count: 1 } as const;

/** Every category Amazon counts in `defectsCount`; the warnings are counted apart. */
const DEFECT_CATEGORIES = POLICY_CATEGORIES.filter((c) => c !== 'policyViolationWarnings');

export function policyEntries(reportingDateRange: ReportingDateRange): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const category of DEFECT_CATEGORIES) {
    const defectsCount = category === DEMO_VIOLATION.category ? DEMO_VIOLATION.count : 0;
    entries[category] = { reportingDateRange, defectsCount, status: defectsCount ? 'BAD' : 'GOOD', targetValue: 0, targetCondition: 'EQUALS' };
  }
  entries.policyViolationWarnings = { warningsCount: 0, reportingDateRange };
  return entries;
}
