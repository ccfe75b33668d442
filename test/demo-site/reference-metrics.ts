/**
 * A deliberately plain, independent reading of metrics-spec v2 §2 over the demo's ground truth, as
 * known at `asOf`. It tunes the generator (so the account sits just inside its red lines), produces
 * Amazon's lagged reading, and gives tests an answer to compare lib/metrics with. It is not the engine.
 * Amazon knows what happened (who cancelled, when a parcel arrived): this is Amazon's side of each rule.
 */
import type { DemoOrder, DemoSellerData } from './model';
import { localDay, isoDate } from './time';

export interface Window {
  firstDay: string;
  lastDay: string;
}

export interface RateCount {
  /** Bad events (LESS_THAN metrics) or good events (GREATER_THAN metrics). */
  num: number;
  den: number;
  rate: number | null;
  window: Window;
  orderIds: string[];
}

export interface OdrCount extends RateCount {
  negativeFeedback: number;
  claims: number;
  chargebacks: number;
}

export interface ReferenceMetrics {
  asOf: number;
  lsr10d: RateCount;
  lsr30d: RateCount;
  cr7d: RateCount;
  /** Packages (one per demo order) by promised delivery, days −43 … −14; num = with carrier and tracking id. */
  vtr30d: RateCount;
  /** Units by promised delivery, days −20 … −7; num = units delivered on or before the promised day. */
  otdr14d: RateCount;
  /** Amazon's 30-day on-time delivery of packages (days −36 … −7): the other figure Amazon shows (spec v2 §4). */
  otd30dPackages: RateCount;
  odrMfn: OdrCount;
  odrAfn: OdrCount;
}

/** Largest count of bad events that keeps `count/den` strictly under `target` (metrics-spec §3). */
export function maxUnder(target: number, den: number): number {
  return Math.max(0, Math.ceil(Math.round(target * den * 1e6) / 1e6) - 1);
}

export function referenceMetrics(data: DemoSellerData, asOf: number): ReferenceMetrics {
  const tz = data.timeZone;
  const today = localDay(asOf, tz);
  const day = (ms: number) => localDay(ms, tz);
  const known = (ms: number | null): ms is number => ms !== null && ms <= asOf;
  const placed = data.orders.filter((o) => o.orderDate <= asOf);
  const mfn = placed.filter((o) => o.channel === 'MFN');
  const cancelled = (o: DemoOrder) => known(o.cancelledAt);
  const confirmed = (o: DemoOrder) => known(o.shipConfirmedAt);

  const count = (
    first: number,
    last: number,
    population: DemoOrder[],
    isCounted: (o: DemoOrder) => boolean,
    weight: (o: DemoOrder) => number = () => 1,
  ): RateCount => {
    const counted = population.filter(isCounted);
    const sum = (list: DemoOrder[]) => list.reduce((n, o) => n + weight(o), 0);
    const den = sum(population);
    return {
      num: sum(counted),
      den,
      rate: den ? sum(counted) / den : null,
      window: { firstDay: isoDate(first), lastDay: isoDate(last) },
      orderIds: counted.map((o) => o.amazonOrderId),
    };
  };
  const units = (o: DemoOrder) => o.items.reduce((n, i) => n + i.quantity, 0);
  const autoCancelled = (o: DemoOrder) => cancelled(o) && o.cancelledBy === 'AMAZON';
  const inDays = (ms: number, first: number, last: number) => day(ms) >= first && day(ms) <= last;

  // An unconfirmed order past its auto-cancel deadline is cancelled, so it is out of LSR (not cancelled, below).
  const lsr = (days: number) => {
    const first = today - days + 1;
    const population = mfn.filter((o) => !cancelled(o) && inDays(o.latestShipDate, first, today) && (confirmed(o) || o.latestShipDate < asOf));
    return count(first, today, population, (o) => !confirmed(o) || o.shipConfirmedAt! > o.latestShipDate);
  };

  // By order date, except an auto-cancel, which counts on the day Amazon cancelled (spec v2 §2).
  const cr7d = count(
    today - 6,
    today,
    mfn.filter((o) => (autoCancelled(o) ? inDays(o.cancelledAt!, today - 6, today) : inDays(o.orderDate, today - 6, today))),
    (o) => cancelled(o) && (o.cancelledBy === 'SELLER' || o.cancelledBy === 'AMAZON'),
  );

  const tracked = (o: DemoOrder) => !!o.package?.carrierName && !!o.package.trackingId;
  const vtr30d = count(
    today - 43,
    today - 14,
    mfn.filter((o) => confirmed(o) && inDays(o.latestDeliveryDate, today - 43, today - 14)),
    tracked,
  );

  const onTime = (o: DemoOrder) => known(o.deliveredAt) && day(o.deliveredAt) <= day(o.latestDeliveryDate);
  const deliveredBy = (first: number, last: number) => mfn.filter((o) => confirmed(o) && tracked(o) && inDays(o.latestDeliveryDate, first, last));
  const otdr14d = count(today - 20, today - 7, deliveredBy(today - 20, today - 7), onTime, units);
  const otd30dPackages = count(today - 36, today - 7, deliveredBy(today - 36, today - 7), onTime);

  const odr = (channel: DemoOrder['channel']): OdrCount => {
    const first = today - 73;
    const last = today - 14;
    const negative = new Set(data.feedback.filter((f) => f.rating <= 2 && f.status === 'ACTIVE' && known(f.date)).map((f) => f.orderId));
    // Spec v2 §2.1: a claim still pending is a risk, not a counted defect.
    const claimed = new Set(data.claims.filter((c) => c.status === 'GRANTED' && known(c.filedAt)).map((c) => c.orderId));
    const charged = new Set(data.chargebacks.filter((c) => known(c.filedAt)).map((c) => c.orderId));
    const population = placed.filter((o) => o.channel === channel && inDays(o.orderDate, first, last));
    const has = (set: Set<string>) => population.filter((o) => set.has(o.amazonOrderId)).length;
    return {
      ...count(first, last, population, (o) => [negative, claimed, charged].some((s) => s.has(o.amazonOrderId))),
      negativeFeedback: has(negative),
      claims: has(claimed),
      chargebacks: has(charged),
    };
  };

  return {
    asOf,
    lsr10d: lsr(10),
    lsr30d: lsr(30),
    cr7d,
    vtr30d,
    otdr14d,
    otd30dPackages,
    odrMfn: odr('MFN'),
    odrAfn: odr('AFN'),
  };
}
