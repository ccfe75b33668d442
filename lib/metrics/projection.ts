/**
 * Amazon's reading moved forward with local data, and the 30-day timeline (metrics-spec §4).
 *
 * Projected counts over a window W, given Amazon's counts A over its window W_A:
 *   A + local(W \ W_A) − local(W_A \ W) − estimate
 * where `estimate` stands for the orders that left W_A but are unknown locally: what Amazon counted
 * beyond what local data holds over W_A, spread evenly over W_A's days ("the reading's average per
 * day"), times the days that left. With no overlap this degenerates to local(W); with W = W_A to A.
 * Without a usable reading the projection is local(W).
 *
 * Timeline day today+k (k = 1…30) shifts the window by k days, and adds on each day from today on
 * the orders expected to join the population that day: the known pending ones (unshipped orders due
 * that day, shipments promised that day) topped up to the average daily order volume of the last 30
 * days. "Expected" counts them all as good; "worst" also applies every open risk (the at-risk list).
 */
import type { MetricTarget } from '../model';
import { dateOfDay } from './calendar';
import { DaySeries, type PopulationCounts } from './day-counts';
import type { DayRange } from './readings';
import type { DayFigures, TimelineDay } from './report-schema';
import { marginOf, rateOf, statusOf, type WarningRule } from './targets';

export const TIMELINE_DAYS = 30;
/** §4: new orders arrive at the average daily volume of the last 30 days. */
export const VOLUME_DAYS = 30;

export type RangeSum = (from: number, to: number) => number;

export interface Counts {
  num: number;
  den: number;
}

/** Days in `a` that are not in `b`, as up to two ranges. */
function minus(a: DayRange, b: DayRange): DayRange[] {
  if (b.to < a.from || b.from > a.to) return [a];
  const pieces: DayRange[] = [];
  if (a.from < b.from) pieces.push({ from: a.from, to: b.from - 1 });
  if (a.to > b.to) pieces.push({ from: b.to + 1, to: a.to });
  return pieces;
}

const sumOver = (pieces: DayRange[], sum: RangeSum): number => pieces.reduce((total, p) => total + sum(p.from, p.to), 0);
const daysIn = (pieces: DayRange[]): number => pieces.reduce((total, p) => total + p.to - p.from + 1, 0);

/** One count (den, num, or an ODR part) moved forward from Amazon's window to another. */
export class AnchoredCount {
  private readonly missing: number;
  private readonly anchorDays: number;

  constructor(
    private readonly anchorValue: number,
    private readonly anchorWindow: DayRange,
    private readonly local: RangeSum,
  ) {
    this.anchorDays = anchorWindow.to - anchorWindow.from + 1;
    this.missing = Math.max(0, anchorValue - local(anchorWindow.from, anchorWindow.to));
  }

  over(window: DayRange): { value: number; estimated: boolean } {
    const entered = sumOver(minus(window, this.anchorWindow), this.local);
    const left = minus(this.anchorWindow, window);
    const leftDays = daysIn(left);
    const estimate = Math.round((this.missing * leftDays) / this.anchorDays);
    return {
      value: Math.max(0, this.anchorValue + entered - sumOver(left, this.local) - estimate),
      estimated: this.missing > 0 && leftDays > 0,
    };
  }
}

/** A metric's counts over any window: anchored on Amazon's reading when there is one, else local. */
export class MetricCounter {
  private readonly anchoredDen: AnchoredCount | null;
  private readonly anchoredNum: AnchoredCount | null;

  constructor(
    readonly localDen: RangeSum,
    readonly localNum: RangeSum,
    anchor: { num: number; den: number; window: DayRange } | null,
  ) {
    this.anchoredDen = anchor ? new AnchoredCount(anchor.den, anchor.window, localDen) : null;
    this.anchoredNum = anchor ? new AnchoredCount(anchor.num, anchor.window, localNum) : null;
  }

  get basis(): 'amazon' | 'local' {
    return this.anchoredDen ? 'amazon' : 'local';
  }

  over(window: DayRange): Counts & { estimated: boolean } {
    if (!this.anchoredDen || !this.anchoredNum) {
      return { den: this.localDen(window.from, window.to), num: this.localNum(window.from, window.to), estimated: false };
    }
    const den = this.anchoredDen.over(window);
    const num = this.anchoredNum.over(window);
    return { den: den.value, num: Math.min(num.value, den.value), estimated: den.estimated || num.estimated };
  }
}

/** `num`/`den` sums of a population in a metric's terms: bad events for `lt`, good events for `gt`. */
export function populationSums(counts: PopulationCounts, target: MetricTarget): { den: RangeSum; num: RangeSum } {
  const den: RangeSum = (from, to) => counts.den.sum(from, to);
  const num: RangeSum = target.condition === 'lt' ? (from, to) => counts.bad.sum(from, to) : (from, to) => counts.den.sum(from, to) - counts.bad.sum(from, to);
  return { den, num };
}

/**
 * Orders expected to join a population on each day from today to `lastDay`: its pending orders,
 * topped up to the average daily volume. The volume is spread as whole orders (day i gets
 * round(v·(i+1)) − round(v·i)), so every count stays an integer and the total stays v per day.
 */
export function expectedArrivals(counts: PopulationCounts, today: number, lastDay: number, dailyVolume: number): DaySeries {
  const arrivals = new DaySeries(today, lastDay);
  for (let day = today; day <= lastDay; day++) {
    const i = day - today;
    const volume = Math.round(dailyVolume * (i + 1)) - Math.round(dailyVolume * i);
    const known = counts.den.at(day) + counts.pending.at(day);
    arrivals.add(day, counts.pending.at(day) + Math.max(0, volume - known));
  }
  return arrivals;
}

/** What every open risk would change, per population day (filled from the at-risk list). */
export class WorstCaseDeltas {
  readonly den: DaySeries;
  readonly num: DaySeries;
  constructor(firstDay: number, lastDay: number) {
    this.den = new DaySeries(firstDay, lastDay);
    this.num = new DaySeries(firstDay, lastDay);
  }
}

export function dayFigures(num: number, den: number, target: MetricTarget, warning: WarningRule): DayFigures {
  const n = Math.max(0, Math.min(num, den));
  return { num: n, den, rate: rateOf(n, den), margin: marginOf(n, den, target), status: statusOf(n, den, target, warning) };
}

export interface TimelineInput {
  counter: MetricCounter;
  window: DayRange;
  today: number;
  target: MetricTarget;
  warning: WarningRule;
  arrivals: DaySeries;
  worst: WorstCaseDeltas;
}

export function buildTimeline(input: TimelineInput): TimelineDay[] {
  const { counter, window, today, target, warning, arrivals, worst } = input;
  const timeline: TimelineDay[] = [];
  for (let k = 1; k <= TIMELINE_DAYS; k++) {
    const shifted = { from: window.from + k, to: window.to + k };
    const base = counter.over(shifted);
    const joining = arrivals.sum(Math.max(shifted.from, today), shifted.to);
    const expectedDen = base.den + joining;
    const expectedNum = target.condition === 'lt' ? base.num : base.num + joining;
    const worstDen = expectedDen + worst.den.sum(shifted.from, shifted.to);
    const worstNum = expectedNum + worst.num.sum(shifted.from, shifted.to);
    timeline.push({
      date: dateOfDay(today + k),
      expected: dayFigures(expectedNum, expectedDen, target, warning),
      worst: dayFigures(worstNum, worstDen, target, warning),
    });
  }
  return timeline;
}

/**
 * §4: breach date = the first day the worst case fails (today, when the metric fails already);
 * recovery date = for a failing metric, the first day the expected case passes again.
 */
export function breachAndRecovery(
  todayStatus: DayFigures['status'],
  today: number,
  timeline: TimelineDay[],
): { breachDate: string | null; recoveryDate: string | null } {
  if (todayStatus === 'breach') {
    const recovered = timeline.find((d) => d.expected.status === 'ok' || d.expected.status === 'warning');
    return { breachDate: dateOfDay(today), recoveryDate: recovered?.date ?? null };
  }
  return { breachDate: timeline.find((d) => d.worst.status === 'breach')?.date ?? null, recoveryDate: null };
}
