/**
 * Rate, margin and status against a target (metrics-spec §3), in integer arithmetic.
 *
 * Targets are basis points (100 bp = 1 %), so "rate < target" is `num·10000 < bp·den` and no
 * floating-point rounding can flip a result at the boundary: 8/200 against 4 % is exactly a breach.
 * All products stay far below 2^53 for any realistic order count (10^7 orders · 10^4 · 10^4 = 10^15).
 */
import type { MetricTarget } from '../model';
import type { MetricStatus } from './report-schema';

const BP = 10_000;

/** floor(a / b) for integers, b > 0, exact even where the float quotient would round. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q -= 1;
  while ((q + 1) * b <= a) q += 1;
  return q;
}

/** ceil(a / b) for integers, b > 0. */
export function ceilDiv(a: number, b: number): number {
  const q = floorDiv(a, b);
  return q * b === a ? q : q + 1;
}

/** The rate as a fraction; null when there is nothing in the window (§3: never 0 % or NaN). */
export function rateOf(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

/**
 * Whether `num` of `den` meets the target, strictly (§2: LESS_THAN / GREATER_THAN).
 * For `lt` targets `num` counts bad events, for `gt` targets good events.
 */
export function meetsTarget(num: number, den: number, target: MetricTarget): boolean {
  return target.condition === 'lt' ? num * BP < target.basisPoints * den : num * BP > target.basisPoints * den;
}

/**
 * How many more bad events the window can take and still meet the target (§3):
 * LESS_THAN `ceil(t·den − num) − 1`, GREATER_THAN `ceil(g − t·den) − 1`, with t = bp / 10000.
 * Negative: already failing, and `−margin` bad events would have to go away. Null when den = 0.
 */
export function marginOf(num: number, den: number, target: MetricTarget): number | null {
  if (den === 0) return null;
  const scaled = target.condition === 'lt' ? target.basisPoints * den - BP * num : BP * num - target.basisPoints * den;
  return ceilDiv(scaled, BP) - 1;
}

export interface WarningRule {
  /** Share (0–1) of the way from a perfect rate to the target beyond which a passing metric warns. */
  warningShare: number;
  /** A passing metric warns when its margin is at most this. */
  warningMargin: number;
  /**
   * A population (denominator) below this is `insufficient`: too few orders, packages or units to judge
   * (spec v2 §3: the seller's minimum while there is no Amazon reading; Amazon's own floor, UK OTDR's
   * 20 units, always). Absent or 0: never.
   */
  insufficientBelow?: number;
}

/**
 * `breach` when the target is not met; `warning` when met but the rate has used *more than* the
 * warning share of the way from perfect (0 % bad, or 100 % good) to the target, or the margin is at
 * most the warning margin; `ok` otherwise; `unknown` when den = 0; `insufficient` when den is below
 * the rule's minimum (§3).
 * The share is compared in basis points of basis points: `used/allowed > share` ⇔
 * `used·10^8 > shareBp·allowedBp·den`, still integers.
 */
export function statusOf(num: number, den: number, target: MetricTarget, rule: WarningRule): MetricStatus {
  if (den === 0) return 'unknown';
  if (den < (rule.insufficientBelow ?? 0)) return 'insufficient';
  if (!meetsTarget(num, den, target)) return 'breach';
  const margin = marginOf(num, den, target)!;
  if (margin <= rule.warningMargin) return 'warning';
  const shareBp = Math.round(rule.warningShare * BP);
  const badEvents = target.condition === 'lt' ? num : den - num;
  const allowedBp = target.condition === 'lt' ? target.basisPoints : BP - target.basisPoints;
  if (badEvents * BP * BP > shareBp * allowedBp * den) return 'warning';
  return 'ok';
}

/** Basis points of a fractional target as Amazon writes it (0.04 → 400). */
export function basisPointsOf(fraction: number): number {
  return Math.round(fraction * BP);
}
