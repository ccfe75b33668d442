/**
 * The counting primitive every metric shares: events bucketed by local day index, then summed over
 * any window in O(1) with prefix sums. One pass over the orders fills the buckets; every window,
 * Amazon's window, and each of the 30 timeline days is then two array reads.
 */

export class DaySeries {
  readonly firstDay: number;
  readonly lastDay: number;
  private readonly counts: Int32Array;
  /** prefix[i] = counts[0] + … + counts[i − 1]; built on the first sum. */
  private prefix: Int32Array | null = null;

  constructor(firstDay: number, lastDay: number) {
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.counts = new Int32Array(Math.max(0, lastDay - firstDay + 1));
  }

  /** Adds `n` on a day; days outside the range are dropped (no window, no timeline day reaches them). */
  add(day: number, n = 1): void {
    const i = day - this.firstDay;
    if (i >= 0 && i < this.counts.length) {
      this.counts[i]! += n;
      this.prefix = null;
    }
  }

  /** An independent copy (a what-if changes a copy of the pass's counts). */
  clone(): DaySeries {
    const copy = new DaySeries(this.firstDay, this.lastDay);
    copy.counts.set(this.counts);
    return copy;
  }

  at(day: number): number {
    const i = day - this.firstDay;
    return i >= 0 && i < this.counts.length ? this.counts[i]! : 0;
  }

  /** Sum over days `from … to` inclusive (0 for an empty range; clipped to the series' range). */
  sum(from: number, to: number): number {
    const lo = Math.max(from, this.firstDay) - this.firstDay;
    const hi = Math.min(to, this.lastDay) - this.firstDay;
    if (hi < lo) return 0;
    const prefix = this.prefix ?? this.buildPrefix();
    return prefix[hi + 1]! - prefix[lo]!;
  }

  private buildPrefix(): Int32Array {
    const prefix = new Int32Array(this.counts.length + 1);
    for (let i = 0; i < this.counts.length; i++) prefix[i + 1] = prefix[i]! + this.counts[i]!;
    this.prefix = prefix;
    return prefix;
  }
}

/** Where an order stands in one metric's population (metrics-spec §2). */
export type Membership =
  /** In the population on `day`, no bad event. */
  | 'good'
  /** In the population on `day`, with the metric's bad event. */
  | 'bad'
  /** Not in the population yet; joins it on `day` as good if nothing goes wrong (projection, §4). */
  | 'pending'
  /** Would be in the population on `day`, but an input is unknown: left out, and reported (§7). */
  | 'unknown'
  /** Not part of this population at all. */
  | 'none';

export interface Placement {
  membership: Membership;
  /** Local day index; meaningful unless membership is `none`. */
  day: number;
  /**
   * How many of the metric's unit the order brings (spec v2: OTDR units, VTR packages, else 1 order),
   * and how many of them carry the bad event (`bad` membership: 1…weight; VTR can have one package of
   * two without valid tracking).
   */
  weight: number;
  badWeight: number;
}

/** One population's day buckets: orders in it, those with the bad event, unknowns and pending ones. */
export class PopulationCounts {
  readonly den: DaySeries;
  readonly bad: DaySeries;
  readonly unknown: DaySeries;
  readonly pending: DaySeries;

  /** Empty, or a copy of `of`. */
  constructor(firstDay: number, lastDay: number, of?: PopulationCounts) {
    this.den = of ? of.den.clone() : new DaySeries(firstDay, lastDay);
    this.bad = of ? of.bad.clone() : new DaySeries(firstDay, lastDay);
    this.unknown = of ? of.unknown.clone() : new DaySeries(firstDay, lastDay);
    this.pending = of ? of.pending.clone() : new DaySeries(firstDay, lastDay);
  }

  /** An independent copy. */
  clone(): PopulationCounts {
    return new PopulationCounts(this.den.firstDay, this.den.lastDay, this);
  }

  /** Counts the placement `n` times: −1 takes back an order counted before (a what-if placing it again). */
  add(placement: Placement, n = 1): void {
    const weight = n * placement.weight;
    switch (placement.membership) {
      case 'good':
        this.den.add(placement.day, weight);
        break;
      case 'bad':
        this.den.add(placement.day, weight);
        this.bad.add(placement.day, n * placement.badWeight);
        break;
      case 'pending':
        this.pending.add(placement.day, weight);
        break;
      case 'unknown':
        this.unknown.add(placement.day, weight);
        break;
      default:
        break;
    }
  }
}
