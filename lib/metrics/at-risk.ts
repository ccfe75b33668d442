/**
 * At-risk orders (metrics-spec §5) and order impact (§3).
 *
 * An order is at risk when, within the warning horizon, a deadline passes that would create a bad
 * event. Each risk names its kind, its deadline and, for every metric it can hurt, the rate the
 * metric would have if the bad event happened and whether that alone makes it breach. Defects the
 * seller can still undo (an open claim, unanswered negative feedback, missing tracking) are already in
 * the figures: they are listed as `alreadyCounted`, and `breaches` then says whether undoing them
 * would lift the breach.
 */
import type { MetricTarget, Order, RateMetricKey } from '../model';
import type { Placement } from './day-counts';
import type { FactsContext, OrderFacts } from './order-facts';
import type { Counts, WorstCaseDeltas } from './projection';
import type { DayRange } from './readings';
import type { AtRiskOrder, OrderRisk, RiskKind } from './report-schema';
import { marginOf, meetsTarget } from './targets';

export interface RiskCandidate {
  kind: RiskKind;
  deadline: number | null;
  metrics: readonly RateMetricKey[];
}

const LSR: readonly RateMetricKey[] = ['lsr.10d', 'lsr.30d'];
const CR: readonly RateMetricKey[] = ['cr.7d'];
const VTR: readonly RateMetricKey[] = ['vtr.30d'];
const ODR_MFN: readonly RateMetricKey[] = ['odr.mfn'];
const ODR_AFN: readonly RateMetricKey[] = ['odr.afn'];
const NONE: readonly RateMetricKey[] = [];
const NO_RISKS: readonly RiskCandidate[] = [];
const HOUR_MS = 3_600_000;

export interface RiskWindow {
  /** asOf + the warning horizon. */
  horizonEnd: number;
  /** First day of each ODR window: a defect on an order before it can no longer hurt. */
  odrMfnFrom: number;
  odrAfnFrom: number;
}

/** A package whose number is known not to be its carrier's: it will never scan, so it is not valid tracking. */
function packagesLookWrong(packages: Order['packages'], ctx: FactsContext): boolean {
  const check = ctx.trackingLooksWrong;
  if (!check || !packages) return false;
  return packages.some((p) => p.carrier !== undefined && p.trackingNumber !== undefined && check(p.carrier, p.trackingNumber));
}

/**
 * The risks of one order, cheap enough to run on every order in the single pass.
 * Deadlines count when `asOf < deadline ≤ asOf + horizon`. A defect whose response deadline no source
 * gives is listed while it is open [decision: we cannot tell it is safe], as long as its order has not
 * left the ODR window (an older defect no longer counts anywhere).
 */
export function risksOf(facts: OrderFacts, ctx: FactsContext, reach: RiskWindow): readonly RiskCandidate[] {
  // Runs on every order: no closures, no allocation unless a risk is found.
  const { order } = facts;
  const { asOf } = ctx;
  const { horizonEnd } = reach;
  let risks: RiskCandidate[] | null = null;
  const mfnOpen = facts.channel === 'MFN' && !facts.cancelled;
  if (mfnOpen && facts.ship === 'unconfirmed') {
    const shipBy = order.latestShipDate;
    if (shipBy !== undefined && shipBy > asOf && shipBy <= horizonEnd) (risks ??= []).push({ kind: 'lateShipment', deadline: shipBy, metrics: LSR });
    // Spec v2 §2: the page's `cancellationDate`, else 7 business days after ship-by (order-facts.ts).
    const cancelAt = Number.isNaN(facts.autoCancelAt) ? undefined : facts.autoCancelAt;
    // [decision] Past its ship-by, an unconfirmed order is late already and its auto-cancel (a CR defect)
    // is at most 7 business days off: listed whatever the horizon, as Amazon's own "Verge of cancellation"
    // filter lists it. Manage Orders' list carries no AtRiskOfCancellation flag (only the order page
    // does), and over a weekend the next deadline is ~60 h away, beyond the default 24 h horizon.
    const pastShipBy = shipBy !== undefined && shipBy <= asOf;
    const cancelWithin = cancelAt !== undefined && cancelAt > asOf && (pastShipBy || cancelAt <= horizonEnd);
    // Amazon's AtRiskOfCancellation flag is an input too: it lists the order even outside the horizon.
    if (cancelWithin || (order.amazonAtRiskOfCancellation === true && (cancelAt === undefined || cancelAt > asOf))) {
      (risks ??= []).push({ kind: 'autoCancel', deadline: cancelAt ?? null, metrics: CR });
    }
    const dispatchHours = ctx.dispatchRuleHours;
    if (dispatchHours !== null && !facts.autoCancelled) {
      // Spec v2 §5, the seller's own rule: out within N hours of payment (of purchase where payment is
      // unknown). Like every risk, listed while its deadline is ahead and within the horizon.
      const deadline = (order.paymentDate ?? order.orderDate) + dispatchHours * HOUR_MS;
      if (deadline > asOf && deadline <= horizonEnd) (risks ??= []).push({ kind: 'dispatchRule', deadline, metrics: NONE });
    }
    if (order.buyerCancelRequestOpen === true) {
      // [decision] The request must be answered before the order ships or is auto-cancelled; answered
      // the wrong way (cancelled without the buyer-request reason), it counts against CR. Listed
      // whatever the horizon, as Amazon's AtRiskOfCancellation: the seller must act before shipping.
      (risks ??= []).push({ kind: 'buyerCancelRequest', deadline: shipBy ?? cancelAt ?? null, metrics: CR });
    }
  }
  if (mfnOpen && facts.ship === 'confirmed' && !Number.isNaN(facts.confirmedAt)) {
    // [decision, engine.trackingFixHours] Tracking can still be added or corrected this long after confirmation.
    const deadline = facts.confirmedAt + ctx.engine.trackingFixHours * HOUR_MS;
    // The number check runs only for the few confirmations still in their fix window.
    if (deadline > asOf && deadline <= horizonEnd && (facts.trackingAtRisk || packagesLookWrong(order.packages, ctx))) {
      (risks ??= []).push({ kind: 'missingTracking', deadline, metrics: VTR });
    }
  }
  const open = facts.defects?.open;
  const odrFrom = facts.channel === 'MFN' ? reach.odrMfnFrom : reach.odrAfnFrom;
  if (open !== undefined && open.length > 0 && facts.channel !== undefined && !(facts.orderDay < odrFrom)) {
    const odr = facts.channel === 'MFN' ? ODR_MFN : ODR_AFN;
    for (const defect of open) {
      const deadline = defect.responseDeadline;
      if (deadline !== undefined && (deadline <= asOf || deadline > horizonEnd)) continue;
      const kind: RiskKind = defect.kind === 'claim' ? 'openClaim' : defect.kind === 'chargeback' ? 'openChargeback' : 'negativeFeedback';
      (risks ??= []).push({ kind, deadline: deadline ?? null, metrics: odr });
    }
  }
  return risks ?? NO_RISKS;
}

export interface ImpactMetric {
  target: MetricTarget;
  window: DayRange;
  /** The metric's figures now (projected). */
  counts: Counts;
}

/** The bad event's size in the metric's unit: the order's units (OTDR), its packages (VTR), else 1. */
const weightOf = (placement: Placement): number => (placement.membership === 'none' ? 1 : Math.max(1, placement.weight));

/**
 * §3 order impact of one bad event on one metric, given where the order stands in its population. The
 * event weighs what the order weighs in the metric's unit (spec v2 §3: "one late order of 10 units costs 10").
 */
export function impactOf(
  placement: Placement,
  metric: ImpactMetric,
): Omit<OrderRisk, 'kind' | 'deadline' | 'metric'> & { rateIfHappens: number; marginIfHappens: number } {
  const { target, window, counts } = metric;
  const lt = target.condition === 'lt';
  const w = weightOf(placement);
  // A projection anchored on Amazon's counts can hold an empty population even where local data
  // places the order in the window (Amazon's denominator 0): then the order joins it (den+w), never
  // a rate over zero orders.
  const inWindow =
    counts.den > 0 && (placement.membership === 'good' || placement.membership === 'bad') && placement.day >= window.from && placement.day <= window.to;
  let before: Counts;
  let after: Counts;
  const alreadyCounted = inWindow && placement.membership === 'bad';
  if (alreadyCounted) {
    const bad = Math.max(1, placement.badWeight);
    after = counts;
    before = { den: counts.den, num: lt ? Math.max(0, counts.num - bad) : Math.min(counts.den, counts.num + bad) };
  } else if (inWindow) {
    before = counts;
    after = { den: counts.den, num: lt ? Math.min(counts.den, counts.num + w) : Math.max(0, counts.num - w) };
  } else {
    // §3: "when the order is not yet in a window's population, add it (den+1; for OTDR, its units)".
    before = counts;
    after = { den: counts.den + w, num: lt ? counts.num + w : counts.num };
  }
  const passesBefore = before.den > 0 && meetsTarget(before.num, before.den, target);
  return {
    rateIfHappens: after.num / after.den,
    marginIfHappens: marginOf(after.num, after.den, target)!,
    breaches: (before.den === 0 || passesBefore) && !meetsTarget(after.num, after.den, target),
    alreadyCounted,
  };
}

/**
 * What the risk does to the timeline's worst case, on the order's population day: a good or pending
 * order turns bad; an order outside the population joins it bad. Applied once per order and metric.
 */
export function addWorstCase(placement: Placement, condition: MetricTarget['condition'], deltas: WorstCaseDeltas): void {
  const lt = condition === 'lt';
  const w = weightOf(placement);
  switch (placement.membership) {
    case 'good':
    case 'pending':
      deltas.num.add(placement.day, lt ? w : -w);
      break;
    case 'unknown':
      deltas.den.add(placement.day, w);
      if (lt) deltas.num.add(placement.day, w);
      break;
    default:
      break; // already bad, or no day to put it on
  }
}

/** Soonest deadline first, risks without one last; then order id, for a stable list. */
export function sortAtRiskOrders(orders: AtRiskOrder[]): AtRiskOrder[] {
  const key = (deadline: number | null) => deadline ?? Number.POSITIVE_INFINITY;
  for (const order of orders)
    order.risks.sort((a, b) => key(a.deadline) - key(b.deadline) || a.kind.localeCompare(b.kind) || (a.metric ?? '').localeCompare(b.metric ?? ''));
  const soonest = (order: AtRiskOrder) => key(order.risks[0]!.deadline);
  return orders.sort((a, b) => soonest(a) - soonest(b) || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
}
