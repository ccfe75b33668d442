/**
 * The single pass over a marketplace's orders (and the orders known only from their defects): each
 * order is read once into a reused OrderFacts and placed in every population's day buckets; its
 * risks are noted. Everything after this works on the buckets.
 */
import type { Order, Settings } from '../model';
import { risksOf, type RiskCandidate, type RiskWindow } from './at-risk';
import { BreakdownEntries } from './breakdowns';
import { DAY_MS } from './calendar';
import { cancelRate } from './cancel-rate';
import { PopulationCounts } from './day-counts';
import { indexDefects, type OrderDefects } from './defects';
import { invoiceDefects } from './invoice-defects';
import { lateShipment } from './late-shipment';
import { OdrPartCounts, orderDefectsAfn, orderDefectsMfn } from './odr';
import { onTimeDelivery } from './on-time-delivery';
import { OrderFacts, type FactsContext } from './order-facts';
import { newPlacement, type PopulationDefinition, type PopulationId, type VolumeKey } from './population';
import { VOLUME_DAYS } from './projection';
import type { DayRange } from './readings';
import type { HealthData } from './health-data';
import { validTracking } from './valid-tracking';

/** Every population, in spec order; `lsr.10d` and `lsr.30d` share one (they differ only in window). */
export const POPULATIONS: readonly PopulationDefinition[] = [
  orderDefectsMfn,
  orderDefectsAfn,
  lateShipment,
  cancelRate,
  validTracking,
  onTimeDelivery,
  invoiceDefects,
];
export const populationById = (id: PopulationId) => POPULATIONS.find((p) => p.id === id)!;

/** An order known only from its defects (e.g. the feedback report): it is in ODR's population too. */
function orderFromDefects(entry: OrderDefects, marketplaceId: string): Order {
  return {
    orderId: entry.orderId,
    marketplaceId,
    channel: entry.channel,
    orderDate: entry.orderDate ?? Number.NaN, // NaN: no day, left out of every window
    observedAt: 0,
    source: 'defects',
  };
}

/** Orders per channel (and Amazon Business orders) with an order day in the last VOLUME_DAYS days before today. */
export type OrderVolume = Record<VolumeKey, number>;

export interface Counted {
  populations: Map<PopulationId, PopulationCounts>;
  odrParts: Map<PopulationId, OdrPartCounts>;
  /** VTR per product category (spec v2 §2), `''` for orders of no known category. */
  vtrByCategory: Map<string, PopulationCounts>;
  /** The orders in and near each breakdown window (spec v2 §3.1: LSR, VTR, OTDR). */
  breakdowns: Map<PopulationId, BreakdownEntries>;
  volume: OrderVolume;
  atRisk: { order: Order; defects: OrderDefects | undefined; risks: readonly RiskCandidate[] }[];
}

function addVolume(volume: OrderVolume, facts: OrderFacts, volumeFrom: number, today: number, n: 1 | -1): void {
  if (facts.channel === undefined || !(facts.orderDay >= volumeFrom && facts.orderDay < today)) return;
  volume[facts.channel] += n;
  if (facts.business) volume.business += n;
}

/**
 * An instant before which nothing can reach the report: every instant earlier than it falls on a
 * local day before the first bucket (two days of slack cover any zone offset), and a tracking fix
 * deadline counted from it has passed.
 */
export function pastReach(range: DayRange, ctx: FactsContext): number {
  return Math.min((range.from - 2) * DAY_MS, ctx.asOf - ctx.engine.trackingFixHours * 3_600_000 - DAY_MS);
}

const latest = (a: number, b: number | undefined): number => (b !== undefined && b > a ? b : a);

/**
 * An Amazon cancellation with no time given is placed (as an auto-cancel, spec v2 §2) at the end of the
 * 7th business day after ship-by: within this long after ship-by however the weekends and a marketplace's
 * holidays fall (11 calendar days for 7 business days from a Friday, plus holidays).
 */
export const AUTO_CANCEL_REACH_MS = 30 * DAY_MS;

/**
 * The last instant by which the metrics place this order on a day (order, ship-by, deliver-by,
 * auto-cancel, confirmation, package ship times; a cancelled order by its dates and its cancellation),
 * or Infinity while it is unshipped or pending (it still has deadlines, and joins VTR's projection
 * today). An order whose reach is before `pastReach` cannot change any figure. Storage keeps it in an
 * index so that the worker loads only the orders a report can see (lib/storage/repository.ts
 * loadForReport); a change here needs a migration that recomputes it (lib/storage/migrations.ts).
 */
export function orderReachAt(order: Order): number {
  if (order.status === 'unshipped' || order.status === 'pending') return Number.POSITIVE_INFINITY;
  let at = latest(latest(latest(order.orderDate, order.latestShipDate), order.latestDeliveryDate), order.autoCancelDate);
  if (order.status === 'cancelled') {
    const cancellation = order.cancellation;
    at = latest(at, cancellation?.at);
    if (cancellation?.by === 'AMAZON' && cancellation.at === undefined && order.latestShipDate !== undefined)
      at = latest(at, order.latestShipDate + AUTO_CANCEL_REACH_MS);
    return at;
  }
  const c = order.shipConfirmation;
  if (c !== undefined) at = latest(latest(latest(at, c.at), c.notAfter), c.notBefore);
  const packages = order.packages;
  if (packages !== undefined) for (let i = 0; i < packages.length; i++) at = latest(at, packages[i]!.shipTime);
  return at;
}

/**
 * `t ≥ cutoff`, false for an unknown instant. Tested for `undefined` first: comparing `undefined` with
 * a number is the generic comparison, for which V8 boxed every instant it read (6 MB per 100k-order
 * report, most of the pass's garbage).
 */
function atOrAfter(t: number | undefined, cutoff: number): boolean {
  return t !== undefined && t >= cutoff;
}

/**
 * `orderReachAt(order) < cutoff`, answered with the fewest reads: the pass asks it of every order, and
 * most recent ones are decided by their order date alone (test/unit/metrics/reach.test.ts keeps the two equal).
 */
export function isBeyondReach(order: Order, cutoff: number): boolean {
  if (order.orderDate >= cutoff || order.status === 'unshipped' || order.status === 'pending') return false;
  if (atOrAfter(order.latestShipDate, cutoff) || atOrAfter(order.latestDeliveryDate, cutoff) || atOrAfter(order.autoCancelDate, cutoff)) return false;
  if (order.status === 'cancelled') {
    const cancellation = order.cancellation;
    if (cancellation === undefined) return true;
    if (atOrAfter(cancellation.at, cutoff)) return false;
    return !(
      cancellation.by === 'AMAZON' &&
      cancellation.at === undefined &&
      order.latestShipDate !== undefined &&
      order.latestShipDate + AUTO_CANCEL_REACH_MS >= cutoff
    );
  }
  const c = order.shipConfirmation;
  if (c !== undefined && (atOrAfter(c.at, cutoff) || atOrAfter(c.notAfter, cutoff) || atOrAfter(c.notBefore, cutoff))) return false;
  const packages = order.packages;
  if (packages !== undefined) for (let i = 0; i < packages.length; i++) if (atOrAfter(packages[i]!.shipTime, cutoff)) return false;
  return true;
}

/**
 * Every order the pass counts, with its defects, in the pass's order: the marketplace's orders (those
 * beyond `cutoff` skipped unless they have defects), then the orders known only from their defects.
 * The pass and "which orders make this" (explain.ts) both walk this, so they place the same orders.
 */
export function walkOrders(
  orders: readonly Order[],
  defectIndex: Map<string, OrderDefects>,
  marketplaceId: string,
  cutoff: number,
  visit: (order: Order, defects: OrderDefects | undefined) => void,
): void {
  const lookUpDefects = defectIndex.size > 0;
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i]!;
    if (order.marketplaceId !== marketplaceId) continue;
    const defects = lookUpDefects ? defectIndex.get(order.orderId) : undefined;
    // Orders with defects are never skipped: their risks are listed whatever their age.
    if (defects) defects.orderSeen = true;
    else if (isBeyondReach(order, cutoff)) continue; // about two thirds of a year's history: skipping it halves the pass
    visit(order, defects);
  }
  for (const entry of defectIndex.values()) {
    if (!entry.orderSeen) visit(orderFromDefects(entry, marketplaceId), entry);
  }
}

/**
 * The single pass. Populations are called by name rather than through a list so that every call site
 * sees one function (V8 inlines them), and one reused OrderFacts serves every order.
 */
export function countOrders(
  data: HealthData,
  marketplaceId: string,
  ctx: FactsContext,
  range: DayRange,
  settings: Settings,
  odrFrom: Record<'odr.mfn' | 'odr.afn', number>,
  breakdownWindows: Partial<Record<'lsr' | 'vtr' | 'otdr', DayRange>>,
): Counted {
  const counts = (): PopulationCounts => new PopulationCounts(range.from, range.to);
  const odrMfn = counts();
  const odrAfn = counts();
  const lsr = counts();
  const cr = counts();
  const vtr = counts();
  const otdr = counts();
  const idr = counts();
  const vtrByCategory = new Map<string, PopulationCounts>();
  const lsrBreakdown = new BreakdownEntries(breakdownWindows.lsr);
  const vtrBreakdown = new BreakdownEntries(breakdownWindows.vtr);
  const otdrBreakdown = new BreakdownEntries(breakdownWindows.otdr, true);
  // Categories are reported over VTR's window only: orders outside it need no lookup.
  const vtrFrom = breakdownWindows.vtr?.from ?? Number.POSITIVE_INFINITY;
  const vtrTo = breakdownWindows.vtr?.to ?? Number.NEGATIVE_INFINITY;
  const partsMfn = new OdrPartCounts(range.from, range.to);
  const partsAfn = new OdrPartCounts(range.from, range.to);
  const volume: OrderVolume = { MFN: 0, AFN: 0, business: 0 };
  const atRisk: Counted['atRisk'] = [];
  const reach: RiskWindow = {
    horizonEnd: ctx.asOf + settings.warningHorizonHours * 3_600_000,
    odrMfnFrom: odrFrom['odr.mfn'],
    odrAfnFrom: odrFrom['odr.afn'],
  };
  const defectIndex = indexDefects(data.defects, marketplaceId, settings.countFraudChargebacks);
  const facts = new OrderFacts(ctx);
  const at = newPlacement();
  const volumeFrom = ctx.today - VOLUME_DAYS;

  const count = (order: Order, defects: OrderDefects | undefined): void => {
    facts.read(order, defects);
    orderDefectsMfn.place(facts, ctx, at);
    odrMfn.add(at);
    partsMfn.add(facts, at);
    orderDefectsAfn.place(facts, ctx, at);
    odrAfn.add(at);
    partsAfn.add(facts, at);
    lateShipment.place(facts, ctx, at);
    lsr.add(at);
    lsrBreakdown.add(facts, at);
    cancelRate.place(facts, ctx, at);
    cr.add(at);
    validTracking.place(facts, ctx, at);
    vtr.add(at);
    if (at.membership !== 'none' && at.day >= vtrFrom && at.day <= vtrTo) {
      const category = facts.category ?? '';
      let byCategory = vtrByCategory.get(category);
      if (!byCategory) vtrByCategory.set(category, (byCategory = counts()));
      byCategory.add(at);
    }
    vtrBreakdown.add(facts, at);
    onTimeDelivery.place(facts, ctx, at);
    otdr.add(at);
    otdrBreakdown.add(facts, at);
    invoiceDefects.place(facts, ctx, at);
    idr.add(at);
    addVolume(volume, facts, volumeFrom, ctx.today, 1);
    const risks = risksOf(facts, ctx, reach);
    if (risks.length > 0) atRisk.push({ order, defects, risks });
  };

  walkOrders(data.orders, defectIndex, marketplaceId, pastReach(range, ctx), count);
  const populations = new Map<PopulationId, PopulationCounts>([
    ['odr.mfn', odrMfn],
    ['odr.afn', odrAfn],
    ['lsr', lsr],
    ['cr', cr],
    ['vtr', vtr],
    ['otdr', otdr],
    ['idr', idr],
  ]);
  const breakdowns = new Map<PopulationId, BreakdownEntries>([
    ['lsr', lsrBreakdown],
    ['vtr', vtrBreakdown],
    ['otdr', otdrBreakdown],
  ]);
  const odrParts = new Map<PopulationId, OdrPartCounts>([
    ['odr.mfn', partsMfn],
    ['odr.afn', partsAfn],
  ]);
  return { populations, odrParts, vtrByCategory, breakdowns, volume, atRisk };
}

/** An order whose defects a what-if changes: its defects as the pass counted them, and as they would be. */
export interface Recount {
  /** Every order of the data with this id and marketplace (the pass counts each). */
  orders: readonly Order[];
  before: OrderDefects | undefined;
  after: OrderDefects | undefined;
}

/**
 * One population's counts, and the order volume, as the pass would have made them had these orders had
 * other defects: the pass's figures with each such order taken back as it was counted and placed again.
 * The pass is a sum over orders, so this equals a whole pass on the changed data (test/unit/metrics/
 * what-if-fast.test.ts) at the cost of a few orders instead of a year of them. The volume can change
 * too: an order known only from its defects takes its channel and day from them.
 */
export function recountOrders(
  population: PopulationDefinition,
  counted: { counts: PopulationCounts; volume: OrderVolume },
  changes: Iterable<Recount>,
  marketplaceId: string,
  ctx: FactsContext,
  range: DayRange,
): { counts: PopulationCounts; volume: OrderVolume } {
  const counts = counted.counts.clone();
  const volume = { ...counted.volume };
  const facts = new OrderFacts(ctx);
  const at = newPlacement();
  const volumeFrom = ctx.today - VOLUME_DAYS;
  const cutoff = pastReach(range, ctx);
  const place = (order: Order, defects: OrderDefects | undefined, n: 1 | -1) => {
    facts.read(order, defects);
    population.place(facts, ctx, at);
    counts.add(at, n);
    addVolume(volume, facts, volumeFrom, ctx.today, n);
  };
  // As the pass decides: an order with defects always counts; one without, unless beyond reach.
  const isCounted = (order: Order, defects: OrderDefects | undefined) => defects !== undefined || !isBeyondReach(order, cutoff);
  for (const { orders, before, after } of changes) {
    for (const order of orders) {
      if (isCounted(order, before)) place(order, before, -1);
      if (isCounted(order, after)) place(order, after, 1);
    }
    if (orders.length === 0) {
      if (before) place(orderFromDefects(before, marketplaceId), before, -1);
      if (after) place(orderFromDefects(after, marketplaceId), after, 1);
    }
  }
  return { counts, volume };
}
