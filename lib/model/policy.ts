import { z } from 'zod';
import { EpochMs } from './time';
import { MarketplaceId } from './order';

export { isKnownPolicyCategory, POLICY_CATEGORIES } from './policy-categories';

/**
 * A category's name: one of POLICY_CATEGORIES, or a name Amazon added that Redline does not know yet,
 * kept as Amazon wrote it (a report's key, an Account Health row's id) so it is shown, never dropped.
 * Letters, digits, `_` and `-`, starting with a letter: a key or an id, never markup.
 */
export const PolicyCategoryName = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,79}$/);

/**
 * One policy category as Amazon reported it at `observedAt` (the SP-API report, the Account Health
 * page's JSON or its Policy Compliance rows). Kept as dated history: Amazon keeps none (spec v2 §4).
 */
export const PolicyReading = z.object({
  marketplaceId: MarketplaceId,
  category: PolicyCategoryName,
  observedAt: EpochMs,
  source: z.string().min(1).max(64),
  /** Violations (`defectsCount`, `warningsCount`, a row's count). Absent: the source gave none, unknown, never 0. */
  count: z.number().int().min(0).max(1e9).optional(),
  /** Amazon's own word (`GOOD`, `BAD`, `NONE`), as given. */
  status: z.string().max(64).optional(),
  /** Amazon's target (0 in every report seen, `targetCondition: EQUALS`). */
  targetValue: z.number().int().min(0).max(1e9).optional(),
  /** The reading's window as instants (`reportingDateRange`). */
  windowFrom: EpochMs.optional(),
  windowTo: EpochMs.optional(),
  /** The page's own name for a category Redline does not know (an Account Health row's label), shown as text. */
  label: z.string().max(200).optional(),
});
export type PolicyReading = z.infer<typeof PolicyReading>;
