/**
 * Redline's status beside Amazon's own (metrics-spec v2: "never contradict Amazon silently"). A seller
 * compares Redline with Account Health; where Redline's status for a metric is worse than Amazon's
 * reading, it says why in terms the seller can check — bad events after the reading, or one product
 * category failing — or it follows Amazon. And VTR's figures per category, whose worst sets the status
 * (VTR is enforced per category [A]).
 */
import type { PopulationCounts } from './day-counts';
import type { MetricPlan } from './metric-plan';
import { dayFigures, populationSums, type Counts } from './projection';
import type { AmazonStatus, CategoryFigures, DayFigures, MetricStatus, StatusExplanation } from './report-schema';

const AMAZON_WORDS: Record<string, AmazonStatus> = {
  GOOD: 'ok',
  GREAT: 'ok',
  HEALTHY: 'ok',
  EXCELLENT: 'ok',
  NORMAL: 'ok',
  FAIR: 'warning',
  AT_RISK: 'warning',
  WARNED: 'warning',
  WARNING: 'warning',
  POOR: 'breach',
  BAD: 'breach',
  CRITICAL: 'breach',
  UNHEALTHY: 'breach',
};

/** Amazon's status word (`GOOD`, `AT RISK`, `AT_RISK`, `Poor`…) → ok / warning / breach; null for `NONE` or a word not known. */
export function normaliseAmazonStatus(word: string | undefined): AmazonStatus | null {
  if (word === undefined) return null;
  return (
    AMAZON_WORDS[
      word
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '_')
    ] ?? null
  );
}

const CATEGORY_ORDER: Record<MetricStatus, number> = { breach: 0, warning: 1, ok: 2, insufficient: 3, unknown: 4 };

/**
 * VTR per category over the metric's window, local figures, worst first; categories are never in
 * Amazon's reading, so the seller's minimum population always applies. Empty when no order names a
 * category (then the account-wide figure is all there is).
 */
export function vtrCategories(byCategory: ReadonlyMap<string, PopulationCounts>, plan: MetricPlan, minimumPopulation: number): CategoryFigures[] {
  if (![...byCategory.keys()].some((c) => c !== '')) return [];
  const { window, target } = plan;
  const rule = { ...plan.warning, insufficientBelow: minimumPopulation };
  const out: CategoryFigures[] = [];
  for (const [category, counts] of byCategory) {
    const sums = populationSums(counts, target);
    const den = sums.den(window.from, window.to);
    if (den === 0) continue;
    const f = dayFigures(sums.num(window.from, window.to), den, target, rule);
    out.push({ category, numerator: f.num, denominator: f.den, rate: f.rate, margin: f.margin, status: f.status });
  }
  const rate = (c: CategoryFigures) => c.rate ?? 1;
  return out.sort((a, b) => CATEGORY_ORDER[a.status] - CATEGORY_ORDER[b.status] || rate(a) - rate(b) || (a.category < b.category ? -1 : 1));
}

export interface Judged {
  status: MetricStatus;
  amazonStatus: AmazonStatus | null;
  explanation: StatusExplanation | null;
}

/**
 * The metric's status, with Amazon's beside it. Own status: the projected figure's, or `breach` when a
 * category breaches. Only a breach can contradict Amazon: Redline's `warning` means "within the
 * target, close to it", which Amazon's GOOD does not deny. When Redline says breach and Amazon does not:
 * - a category breaches while the account-wide figure does not → `category`;
 * - bad events entered the window after the reading → `sinceReading` (how many);
 * - otherwise nothing local explains it → Redline shows Amazon's status (`followsAmazon`).
 */
export function explainAgainstAmazon(input: {
  plan: MetricPlan;
  figures: DayFigures & Counts;
  categories: readonly CategoryFigures[] | null;
  localBadAfterReading: number;
}): Judged {
  const { plan, figures, categories, localBadAfterReading } = input;
  const amazonStatus = normaliseAmazonStatus(plan.reading?.status);
  const breachedCategory = figures.status === 'breach' ? undefined : categories?.find((c) => c.status === 'breach');
  const own: MetricStatus = breachedCategory ? 'breach' : figures.status;
  if (amazonStatus === null || amazonStatus === 'breach' || own !== 'breach') return { status: own, amazonStatus, explanation: null };
  const explained = (reason: StatusExplanation['reason'], count: number | null): Judged => ({
    status: reason === 'followsAmazon' ? amazonStatus : own,
    amazonStatus,
    explanation: { reason, amazonStatus, ownStatus: own, count, category: breachedCategory?.category ?? null },
  });
  if (breachedCategory) return explained('category', null);
  if (localBadAfterReading > 0) return explained('sinceReading', localBadAfterReading);
  return explained('followsAmazon', null);
}
