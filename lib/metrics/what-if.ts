/**
 * "What does this do to my metric?" for one thing the seller is about to do (cancel an order, confirm
 * a shipment without valid tracking) or hopes for (a feedback removed, a claim decided in their favour).
 * Answered by the engine itself: the health report of the data as it is, and of the data with the
 * change, compared on the metric the change touches. Nothing is recomputed a second way, so the page
 * and the popup can never disagree with the report.
 *
 * A change can touch an order that is not in the metric's window yet (fresh feedback enters ODR's
 * window 14 days after the order): then the first day of the 30-day timeline on which the two differ
 * says when it will show, with the figures of that day.
 */
import type { ChargebackStatus, ClaimStatus, Defect, LocalDate, Order, RateMetricKey, Settings } from '../model';
import type { DayFigures, HealthReport, MetricReport } from './report-schema';
import { indexDefects } from './defects';
import { populationById, recountOrders } from './order-pass';
import { dayFigures } from './projection';
import { computeHealthReport, recountedMetric, reportBasis, reportFrom, type EngineChecks, type HealthData } from './report';

export type Change =
  /** The seller cancels the order without the buyer's request (counts against CR). */
  | { kind: 'sellerCancel'; orderId: string }
  /** The seller confirms the shipment now without a valid tracking number (counts against VTR). */
  | { kind: 'shipWithoutValidTracking'; orderId: string }
  /** Amazon removes or strikes through the order's feedback. */
  | { kind: 'feedbackRemoved'; orderId: string }
  /** Amazon decides an open claim or chargeback for the seller. */
  | { kind: 'decidedForSeller'; defectId: string }
  /**
   * Amazon decides an open claim or chargeback against the seller. Spec v2 §2.1: an open claim is not
   * counted yet, so for a claim this is the outcome that moves ODR.
   */
  | { kind: 'decidedAgainstSeller'; defectId: string };

export interface Figures {
  rate: number | null;
  num: number;
  den: number;
  margin: number | null;
  status: DayFigures['status'];
}

export interface WhatIf {
  metric: RateMetricKey;
  before: Figures;
  after: Figures;
  /** null: the change shows in today's figures (or nowhere); a date: the first day of the timeline it shows on. */
  from: LocalDate | null;
  /** Neither today's figures nor the next 30 days change. */
  noEffect: boolean;
  /** The order was not in local data: it was added as an order of today (metrics-spec §3, den+1). */
  orderAssumed: boolean;
}

const CHANGED = 'what-if';

function channelOf(data: HealthData, orderId: string): 'MFN' | 'AFN' {
  return data.orders.find((o) => o.orderId === orderId)?.channel ?? data.defects.find((d) => d.orderId === orderId)?.channel ?? 'MFN';
}

/** The metrics a what-if change can move: every marketplace has them (IDR exists in five only). */
type WhatIfMetric = Exclude<RateMetricKey, 'idr.7d'>;

function metricOf(change: Change, data: HealthData): WhatIfMetric {
  switch (change.kind) {
    case 'sellerCancel':
      return 'cr.7d';
    case 'shipWithoutValidTracking':
      return 'vtr.30d';
    case 'feedbackRemoved':
      return channelOf(data, change.orderId) === 'AFN' ? 'odr.afn' : 'odr.mfn';
    case 'decidedForSeller':
    case 'decidedAgainstSeller': {
      const defect = data.defects.find((d) => d.id === change.defectId);
      return defect && channelOf(data, defect.orderId) === 'AFN' ? 'odr.afn' : 'odr.mfn';
    }
  }
}

/** An open MFN order placed now: what a page's order is taken for when Redline has not seen it yet. */
function assumedOrder(orderId: string, marketplaceId: string, asOf: number): Order {
  return { orderId, marketplaceId, channel: 'MFN', orderDate: asOf, status: 'unshipped', observedAt: asOf, source: CHANGED };
}

function changeOrder(data: HealthData, orderId: string, marketplaceId: string, asOf: number, edit: (o: Order) => Order): { orders: Order[]; assumed: boolean } {
  const index = data.orders.findIndex((o) => o.orderId === orderId && o.marketplaceId === marketplaceId);
  const orders = [...data.orders];
  if (index >= 0) orders[index] = { ...edit(orders[index]!), observedAt: asOf, source: CHANGED };
  else orders.push(edit(assumedOrder(orderId, marketplaceId, asOf)));
  return { orders, assumed: index < 0 };
}

function changeDefects(data: HealthData, matches: (d: Defect) => boolean, edit: (d: Defect) => Defect): Defect[] {
  return data.defects.map((d) => (matches(d) ? edit(d) : d));
}

/** A claim or a chargeback decided one way: each kind has its own word for the outcome. */
function decideDispute(
  data: HealthData,
  defectId: string,
  asOf: number,
  outcome: { claim: ClaimStatus; chargeback: ChargebackStatus },
): { data: HealthData; assumed: boolean } {
  const decided = (d: Defect): Defect =>
    d.kind === 'claim'
      ? { ...d, status: outcome.claim, observedAt: asOf }
      : d.kind === 'chargeback'
        ? { ...d, status: outcome.chargeback, observedAt: asOf }
        : d;
  return { data: { ...data, defects: changeDefects(data, (d) => d.id === defectId, decided) }, assumed: false };
}

function applyChange(data: HealthData, change: Change, marketplaceId: string, asOf: number): { data: HealthData; assumed: boolean } {
  switch (change.kind) {
    case 'sellerCancel': {
      const { orders, assumed } = changeOrder(data, change.orderId, marketplaceId, asOf, ({ buyerCancelRequestOpen: _open, ...o }) => ({
        ...o,
        status: 'cancelled',
        cancellation: { at: asOf, by: 'SELLER', buyerRequested: false },
      }));
      return { data: { ...data, orders }, assumed };
    }
    case 'shipWithoutValidTracking': {
      // No package with a carrier and a number: exactly what VTR counts as invalid (metrics-spec §2).
      const { orders, assumed } = changeOrder(data, change.orderId, marketplaceId, asOf, (o) => ({
        ...o,
        status: 'shipped',
        shipConfirmation: { at: asOf },
        packages: [],
      }));
      return { data: { ...data, orders }, assumed };
    }
    case 'feedbackRemoved':
      return {
        data: {
          ...data,
          defects: changeDefects(
            data,
            (d) => d.kind === 'feedback' && d.orderId === change.orderId,
            (d) => ({ ...d, removed: true, observedAt: asOf }),
          ),
        },
        assumed: false,
      };
    case 'decidedForSeller':
      return decideDispute(data, change.defectId, asOf, { claim: 'denied', chargeback: 'decidedForSeller' });
    case 'decidedAgainstSeller':
      return decideDispute(data, change.defectId, asOf, { claim: 'grantedSellerFault', chargeback: 'decidedAgainstSeller' });
  }
}

/** What a what-if compares of one metric: its figures now, the local figures over its window, the expected days ahead. */
interface MetricView {
  now: Figures;
  local: { numerator: number; denominator: number };
  timeline: readonly { date: LocalDate; expected: DayFigures }[];
}

const pick = (d: Figures): Figures => ({ rate: d.rate, num: d.num, den: d.den, margin: d.margin, status: d.status });
const viewOf = (m: MetricReport): MetricView => ({
  now: { rate: m.rate, num: m.numerator, den: m.denominator, margin: m.margin, status: m.status },
  local: m.local,
  timeline: m.projection.timeline,
});

const same = (a: Figures, b: Figures) => a.num === b.num && a.den === b.den;

export interface WhatIfOptions {
  /** The report of `data` at `asOf`, when the caller has it already. */
  baseline?: HealthReport;
  checks?: EngineChecks;
}

export function whatIf(data: HealthData, asOf: number, settings: Settings, marketplaceId: string, change: Change, options: WhatIfOptions = {}): WhatIf {
  const metric = metricOf(change, data);
  const before = options.baseline ?? computeHealthReport(data, asOf, settings, marketplaceId, options.checks);
  const changed = applyChange(data, change, marketplaceId, asOf);
  const after = computeHealthReport(changed.data, asOf, settings, marketplaceId, options.checks);
  return compare(metric, before.metrics[metric], viewOf(after.metrics[metric]), settings, changed.assumed);
}

/**
 * What-if answers for one report: the report of `data` is computed once. A change to defects (a
 * feedback removed, a dispute decided) places again only the orders whose defects it changes
 * (order-pass.ts `recountOrders`) instead of computing a whole report per change: a seller with
 * hundreds of open disputes asks for one each. A change to an order computes the report again.
 * Both answer exactly as `whatIf` (test/unit/metrics/what-if-fast.test.ts).
 */
export function whatIfs(
  data: HealthData,
  asOf: number,
  settings: Settings,
  marketplaceId: string,
  checks: EngineChecks = {},
): { baseline: HealthReport; of: (change: Change) => WhatIf } {
  const basis = reportBasis(data, asOf, settings, marketplaceId, checks);
  const baseline = reportFrom(basis);
  let ordersById: Map<string, Order[]> | undefined;
  const of = (change: Change): WhatIf => {
    if (change.kind !== 'feedbackRemoved' && change.kind !== 'decidedForSeller' && change.kind !== 'decidedAgainstSeller')
      return whatIf(data, asOf, settings, marketplaceId, change, { baseline, checks });
    const metric = metricOf(change, data);
    const changed = applyChange(data, change, marketplaceId, asOf);
    // The orders whose defects differ: those of every sighting of a changed defect's id (the latest sighting of an id decides its order).
    const changedIds = new Set(changed.data.defects.filter((d, i) => d !== data.defects[i]).map((d) => d.id));
    const affected = new Set(data.defects.filter((d) => changedIds.has(d.id)).map((d) => d.orderId));
    // Their defects as the pass indexes them, from only the sightings of ids ever on those orders (an
    // order's entry is built from the latest sighting of each such id; the order of sightings is kept).
    const index = (defects: readonly Defect[]) => {
      const ids = new Set(defects.filter((d) => affected.has(d.orderId)).map((d) => d.id));
      return indexDefects(
        defects.filter((d) => ids.has(d.id)),
        marketplaceId,
        settings.countFraudChargebacks,
      );
    };
    const before = index(data.defects);
    const after = index(changed.data.defects);
    ordersById ??= ordersByIdOf(data.orders, marketplaceId);
    const recounts = [...affected].map((orderId) => ({ orders: ordersById!.get(orderId) ?? [], before: before.get(orderId), after: after.get(orderId) }));
    const plan = basis.plans.find((p) => p.key === metric)!;
    const counted = { counts: basis.counted.populations.get(plan.population)!, volume: basis.counted.volume };
    const recounted = recountOrders(populationById(plan.population), counted, recounts, marketplaceId, basis.ctx, basis.days);
    const view = recountedMetric(basis, metric, recounted);
    return compare(metric, baseline.metrics[metric], { now: pick(view.now), local: view.local, timeline: view.timeline }, settings, changed.assumed);
  };
  return { baseline, of };
}

function ordersByIdOf(orders: readonly Order[], marketplaceId: string): Map<string, Order[]> {
  const byId = new Map<string, Order[]>();
  for (const order of orders) {
    if (order.marketplaceId !== marketplaceId) continue;
    const list = byId.get(order.orderId);
    if (list) list.push(order);
    else byId.set(order.orderId, [order]);
  }
  return byId;
}

function compare(metric: RateMetricKey, b: MetricReport, a: MetricView, settings: Settings, assumed: boolean): WhatIf {
  const now = { before: viewOf(b).now, after: a.now };
  // Today's figures are Amazon's reading moved forward: a day its reading covers keeps Amazon's count,
  // so a change on such a day would not show in them, yet Amazon will count it. The local figures
  // over the same window say what the change adds; it is added to the projected figures.
  const dNum = a.local.numerator - b.local.numerator;
  const dDen = a.local.denominator - b.local.denominator;
  if (dNum !== 0 || dDen !== 0) {
    const target = { basisPoints: b.targetBasisPoints, condition: b.condition };
    // The metric's own rule, `insufficient` included (metric-plan.ts): a what-if on too few orders must not say "over the line" either.
    const rule = { ...settings.metrics[metric], insufficientBelow: b.amazon ? 0 : settings.minimumPopulation };
    const { num, den, ...rest } = dayFigures(Math.max(0, b.numerator + dNum), Math.max(0, b.denominator + dDen), target, rule);
    return { metric, before: now.before, after: { num, den, ...rest }, from: null, noEffect: false, orderAssumed: assumed };
  }
  if (!same(now.before, now.after)) return { metric, ...now, from: null, noEffect: false, orderAssumed: assumed };
  const timelineBefore = b.projection.timeline;
  const timelineAfter = a.timeline;
  for (let i = 0; i < timelineBefore.length && i < timelineAfter.length; i++) {
    const before = timelineBefore[i]!;
    const after = timelineAfter[i]!;
    if (after.expected.num !== before.expected.num || after.expected.den !== before.expected.den) {
      return { metric, before: pick(before.expected), after: pick(after.expected), from: before.date, noEffect: false, orderAssumed: assumed };
    }
  }
  return { metric, ...now, from: null, noEffect: true, orderAssumed: assumed };
}
