/**
 * A deliberately plain, independent reading of metrics-spec §2 over the demo's ground truth, as known
 * at `asOf`. It tunes the generator (so the account sits just inside its red lines), produces Amazon's
 * lagged reading, and gives tests an answer to compare lib/metrics with. It is not the engine.
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
  /** num = orders whose every package has carrier and tracking id. */
  vtr30d: RateCount;
  /** num = on-time deliveries. */
  otdr14d: RateCount;
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

  const count = (first: number, last: number, population: DemoOrder[], isCounted: (o: DemoOrder) => boolean): RateCount => {
    const counted = population.filter(isCounted);
    return {
      num: counted.length,
      den: population.length,
      rate: population.length ? counted.length / population.length : null,
      window: { firstDay: isoDate(first), lastDay: isoDate(last) },
      orderIds: counted.map((o) => o.amazonOrderId),
    };
  };
  const inDays = (ms: number, first: number, last: number) => day(ms) >= first && day(ms) <= last;

  const lsr = (days: number) => {
    const first = today - days + 1;
    const population = mfn.filter(
      (o) => !cancelled(o) && inDays(o.latestShipDate, first, today) && (confirmed(o) || o.latestShipDate < asOf),
    );
    return count(first, today, population, (o) => !confirmed(o) || o.shipConfirmedAt! > o.latestShipDate);
  };

  const cr7d = count(
    today - 6,
    today,
    mfn.filter((o) => inDays(o.orderDate, today - 6, today)),
    (o) => cancelled(o) && o.cancelledBy === 'SELLER',
  );

  const vtr30d = count(
    today - 29,
    today,
    mfn.filter((o) => confirmed(o) && inDays(o.shipConfirmedAt!, today - 29, today)),
    (o) => !!o.package?.carrierName && !!o.package.trackingId,
  );

  const otdr14d = count(
    today - 20,
    today - 7,
    mfn.filter((o) => confirmed(o) && !!o.package?.carrierName && !!o.package.trackingId && inDays(o.latestDeliveryDate, today - 20, today - 7)),
    (o) => known(o.deliveredAt) && day(o.deliveredAt) <= day(o.latestDeliveryDate),
  );

  const odr = (channel: DemoOrder['channel']): OdrCount => {
    const first = today - 73;
    const last = today - 14;
    const negative = new Set(
      data.feedback.filter((f) => f.rating <= 2 && f.status === 'ACTIVE' && known(f.date)).map((f) => f.orderId),
    );
    const claimed = new Set(data.claims.filter((c) => c.status !== 'DENIED' && known(c.filedAt)).map((c) => c.orderId));
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
    odrMfn: odr('MFN'),
    odrAfn: odr('AFN'),
  };
}
