/**
 * Policy compliance (metrics-spec v2 §2.2): Amazon's violation counts per policy category, read,
 * never computed. A category is `breach` when its count is above its target (0), `unknown` when the
 * reading gave no count (never taken for 0). Its change is against the reading before the latest:
 * a count that rose is a new violation (lib/background/notifications.ts notifies it).
 */
import { isKnownPolicyCategory, POLICY_CATEGORIES, type PolicyReading } from '../model';
import type { LocalCalendar } from './calendar';
import { rangeDates, readingWindowDays } from './readings';
import type { PolicyComplianceEntry, PolicyStatus } from './report-schema';

const SEVERITY: Record<PolicyStatus, number> = { breach: 0, unknown: 1, ok: 2 };
const ORDER = new Map<string, number>(POLICY_CATEGORIES.map((c, i) => [c, i]));

function statusOf(reading: PolicyReading): PolicyStatus {
  if (reading.count === undefined) return 'unknown';
  return reading.count > (reading.targetValue ?? 0) ? 'breach' : 'ok';
}

/**
 * The latest reading of every category of the marketplace observed at or before `asOf`, with the one
 * before it: over the line first, then unknown, then clear; known categories in Redline's order, new
 * ones after them by name.
 */
export function policyCompliance(readings: readonly PolicyReading[], marketplaceId: string, asOf: number, calendar: LocalCalendar): PolicyComplianceEntry[] {
  const byCategory = new Map<string, PolicyReading[]>();
  for (const r of readings) {
    if (r.marketplaceId !== marketplaceId || r.observedAt > asOf) continue;
    const list = byCategory.get(r.category);
    if (list) list.push(r);
    else byCategory.set(r.category, [r]);
  }
  const entries: PolicyComplianceEntry[] = [];
  for (const [category, list] of byCategory) {
    list.sort((a, b) => b.observedAt - a.observedAt);
    const latest = list[0]!;
    const previous = list.find((r) => r.observedAt < latest.observedAt);
    const window = readingWindowDays(latest, calendar);
    const count = latest.count ?? null;
    const previousCount = previous?.count ?? null;
    entries.push({
      category,
      label: isKnownPolicyCategory(category) ? null : (list.find((r) => r.label)?.label ?? null),
      count,
      target: latest.targetValue ?? 0,
      status: statusOf(latest),
      amazonStatus: latest.status ?? null,
      observedAt: latest.observedAt,
      source: latest.source,
      window: window ? rangeDates(window) : null,
      previousCount,
      previousObservedAt: previous?.observedAt ?? null,
      change: count !== null && previousCount !== null ? count - previousCount : null,
    });
  }
  const rank = (c: string) => ORDER.get(c) ?? POLICY_CATEGORIES.length;
  return entries.sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status] || rank(a.category) - rank(b.category) || a.category.localeCompare(b.category));
}
