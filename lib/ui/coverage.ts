/**
 * How much of what Amazon counts Redline has seen, per metric, and what the seller can do next: the
 * popup's onboarding. Read from the report only (nothing is computed here):
 * - Amazon's reading has a denominator: `coverage` is the local count over Amazon's window ÷ Amazon's,
 *   so Redline has seen `coverage × denominator` of them ("seen 16 of ~60 orders Amazon counts");
 *   complete from 99.5 % on. Orders Redline has seen but cannot judge yet (no delivery scan: `local.unknown`)
 *   count as seen: the figure then follows Amazon's reading, and more browsing would not change that.
 * - no Amazon denominator: what the pages said about their size, when one did ("Manage Orders lists
 *   ~170"), else only "seen 16". No total is ever guessed.
 */
import type { MetricReport } from '../metrics/report-schema';
import type { RateMetricKey } from '../model/metric-keys';

/** Coverage at or above this counts as complete (the report's own ratio, rounded as a seller reads it). */
export const COMPLETE = 0.995;
/** Below this share of Amazon's count, the popup leads with what Redline has seen. */
const LITTLE = 0.5;

export type Coverage =
  /** Seen every one Amazon counts. */
  | { kind: 'complete'; seen: number; of: number }
  /** Seen them all, but `unknown` cannot be judged yet: the figure follows Amazon's. */
  | { kind: 'undecided'; seen: number; of: number; unknown: number }
  /** Seen `seen` of about `of` that Amazon counts. */
  | { kind: 'partial'; seen: number; of: number }
  /** No Amazon count: seen `seen`; a page listed `listed` orders. */
  | { kind: 'listed'; seen: number; listed: number }
  /** No Amazon count and no page total: only what was seen. */
  | { kind: 'seen'; seen: number };

/** A metric's coverage; `listed` is the largest size a Manage Orders page gave for this scope (orders), if any. */
export function coverageOf(m: MetricReport, listed: number | null = null): Coverage {
  const of = m.amazon?.denominator ?? null;
  if (of !== null && of > 0 && m.coverage !== null) {
    const seen = Math.round(m.coverage * of);
    if (m.coverage >= COMPLETE) return { kind: 'complete', seen, of };
    if (m.local.unknown > 0 && seen + m.local.unknown >= COMPLETE * of) return { kind: 'undecided', seen, of, unknown: m.local.unknown };
    return { kind: 'partial', seen, of };
  }
  const seen = m.local.denominator;
  // A page's total counts orders: it says nothing about packages or units.
  if (listed !== null && m.unit === 'orders' && listed > seen) return { kind: 'listed', seen, listed };
  return { kind: 'seen', seen };
}

export const isCovered = (c: Coverage) => c.kind === 'complete' || c.kind === 'undecided';

/**
 * The popup leads with coverage (onboarding) while the figures rest on little: a metric too thin to
 * judge, one that has seen under half of what Amazon counts, or no Amazon reading at all yet.
 */
export function needsOnboarding(metrics: readonly MetricReport[], listed: number | null): boolean {
  if (metrics.length === 0) return false;
  if (metrics.every((m) => !m.amazon)) return true;
  return metrics.some((m) => {
    if (m.status === 'insufficient') return true;
    const c = coverageOf(m, listed);
    return c.kind === 'partial' && c.seen < LITTLE * c.of;
  });
}

/** Every metric that has Amazon's count is covered: the popup says coverage is complete. */
export function coverageComplete(metrics: readonly MetricReport[]): boolean {
  const counted = metrics.filter((m) => (m.amazon?.denominator ?? 0) > 0);
  return counted.length > 0 && counted.every((m) => isCovered(coverageOf(m))) && metrics.every((m) => m.status !== 'insufficient');
}

/** Where the missing orders of a metric are: a Seller Central page, the options page's import, or both. */
export type NextStep = 'sentOrders' | 'importAllOrders' | 'fbaOrders';

/**
 * Shipment metrics are read from Sent orders (their ship and delivery dates; the All Orders report has
 * none); order-date metrics from the All Orders report, which covers months at once; FBA from its own tab.
 */
const STEPS: Record<RateMetricKey, readonly NextStep[]> = {
  'odr.mfn': ['importAllOrders', 'sentOrders'],
  'odr.afn': ['importAllOrders', 'fbaOrders'],
  'lsr.10d': ['sentOrders'],
  'lsr.30d': ['sentOrders'],
  'cr.7d': ['sentOrders', 'importAllOrders'],
  'vtr.30d': ['sentOrders'],
  'otdr.14d': ['sentOrders'],
  'idr.7d': ['importAllOrders'],
};

export function nextSteps(key: RateMetricKey): readonly NextStep[] {
  return STEPS[key];
}
