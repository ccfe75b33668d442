import { z } from 'zod';
import { isKnownPolicyCategory, PolicyCategoryName, type PolicyReading } from '../model';
import { isRecord } from './input';
import { defined } from './order-fields';
import { count, instant, maybe } from './schemas';

/**
 * The policy categories of one `performanceMetrics` entry (metrics-spec v2 §2.2): each
 * `{defectsCount, status, targetValue: 0, targetCondition: "EQUALS", reportingDateRange}`
 * [schema: ListingLevelViolation], `policyViolationWarnings` with `warningsCount` [obs: the real DE
 * report of 2026-10], `documentRequest` for `documentRequests` [obs: Amazon's own example].
 *
 * Read leniently, category by category: Amazon adds categories without notice, so an entry Redline
 * does not know that has a count (`defectsCount`, `warningsCount`) or an `EQUALS` target is kept under
 * its own key. A count that cannot be read is unknown (left out), never 0; the other categories still
 * count. `warningStates` (account warnings with a status and no count) are not a category.
 */

/** Names seen for a category that are not the schema's. */
const ALIASES: Record<string, string> = { documentRequest: 'documentRequests' };

/** `3`, `"3"`, or `{count: 3}` as the ODR's parts are written. */
const Count = z.union([count, z.object({ count }).transform((c) => c.count)]).pipe(z.number().max(1e9));
const Target = z.union([z.number().int().min(0), z.object({ value: z.number().int().min(0) }).transform((t) => t.value)]);
const Range = z.object({ reportingDateFrom: maybe(instant), reportingDateTo: maybe(instant) });
const Text = z.string().max(64);

const read = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** An entry's field that is one of Amazon's policy categories, known or new. */
function isPolicyEntry(key: string, value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  if (isKnownPolicyCategory(ALIASES[key] ?? key)) return true;
  return 'defectsCount' in value || 'warningsCount' in value || value.targetCondition === 'EQUALS';
}

export function policyReadingsOf(entry: Record<string, unknown>, base: Pick<PolicyReading, 'marketplaceId' | 'observedAt' | 'source'>): PolicyReading[] {
  const byCategory = new Map<string, PolicyReading>();
  for (const [key, value] of Object.entries(entry)) {
    const category = ALIASES[key] ?? key;
    if (!isPolicyEntry(key, value) || !PolicyCategoryName.safeParse(category).success || byCategory.has(category)) continue;
    const range = read(Range, value.reportingDateRange);
    byCategory.set(
      category,
      defined({
        ...base,
        category,
        count: read(Count, value.defectsCount) ?? read(Count, value.warningsCount),
        status: read(Text, value.status),
        targetValue: read(Target, value.targetValue),
        windowFrom: range?.reportingDateFrom,
        windowTo: range?.reportingDateTo,
      }),
    );
  }
  return [...byCategory.values()];
}
