/**
 * Amazon's policy categories (metrics-spec v2 §2.2), named as the SP-API `GET_V2_SELLER_PERFORMANCE_REPORT`
 * names them (schema accountHealthReport-2020-11-18.json; `policyViolationWarnings` from real reports),
 * in the order Redline lists them. Each is a count of violations with a target of 0: there is no
 * percentage, any violation is over the line, and enough of them limit or suspend the account.
 * No zod in this file: the popup and the content script name the categories without the schemas.
 */
export const POLICY_CATEGORIES = [
  'listingPolicyViolations',
  'receivedIntellectualPropertyComplaints',
  'suspectedIntellectualPropertyViolations',
  'productAuthenticityCustomerComplaints',
  'productConditionCustomerComplaints',
  'productSafetyCustomerComplaints',
  'foodAndProductSafetyIssues',
  'restrictedProductPolicyViolations',
  'customerProductReviewsPolicyViolations',
  'otherPolicyViolations',
  'documentRequests',
  'policyViolationWarnings',
] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

export const isKnownPolicyCategory = (name: string): name is PolicyCategory => (POLICY_CATEGORIES as readonly string[]).includes(name);
