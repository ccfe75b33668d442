/**
 * A seeded, synthetic seller history for benchmarks and property tests: orders over a span of days
 * with realistic mixes of channels, late and cancelled orders, tracking gaps, deliveries and defects,
 * plus Amazon readings. Same seed, same data.
 */
import type { AmazonReading, Defect, Order, RateMetricKey } from '../model';

/** mulberry32: small, fast, good enough to spread synthetic orders. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticHistoryOptions {
  seed: number;
  orders: number;
  defects: number;
  /** The history ends here; most orders lie before it, a few are still open. */
  asOf: number;
  days: number;
  marketplaceId: string;
  /** Add one Amazon reading per metric, observed a few days before asOf. */
  readings?: boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function syntheticHistory(options: SyntheticHistoryOptions): { orders: Order[]; defects: Defect[]; readings: AmazonReading[] } {
  const random = seededRandom(options.seed);
  const { asOf, marketplaceId } = options;
  const start = asOf - options.days * DAY;
  const chance = (p: number) => random() < p;
  const orders: Order[] = [];
  for (let i = 0; i < options.orders; i++) {
    const orderDate = Math.floor(start + random() * (asOf - start));
    const mfn = chance(0.7);
    const latestShipDate = orderDate + Math.floor((1 + random() * 2) * DAY);
    const latestDeliveryDate = latestShipDate + Math.floor((2 + random() * 4) * DAY);
    const order: Order = {
      orderId: `${100 + (i % 900)}-${String(i).padStart(7, '0')}-${String(options.seed).padStart(7, '0')}`,
      marketplaceId,
      channel: mfn ? 'MFN' : 'AFN',
      orderDate,
      latestShipDate,
      latestDeliveryDate,
      autoCancelDate: latestShipDate + 3 * DAY,
      observedAt: Math.min(asOf, orderDate + DAY),
      source: 'synthetic',
    };
    if (chance(0.02)) {
      const by = chance(0.5) ? 'SELLER' : chance(0.5) ? 'BUYER' : 'AMAZON';
      order.status = 'cancelled';
      order.cancellation = { at: orderDate + HOUR, by, buyerRequested: by === 'BUYER' ? true : chance(0.3) };
    } else {
      const confirmedAt = orderDate + Math.floor(random() * (latestShipDate - orderDate) * (chance(0.03) ? 1.5 : 0.9));
      if (confirmedAt > asOf || (mfn && chance(0.01))) {
        order.status = 'unshipped';
        if (chance(0.05)) order.buyerCancelRequestOpen = true;
      } else {
        order.status = 'shipped';
        order.shipConfirmation = chance(0.8) ? { at: confirmedAt } : { notBefore: confirmedAt - HOUR, notAfter: confirmedAt + HOUR };
        order.packages = [{ carrier: chance(0.98) ? 'UPS' : 'Other', trackingNumber: chance(0.97) ? `1Z${i}` : undefined }];
        const deliveredAt = confirmedAt + Math.floor((1 + random() * 6) * DAY);
        if (deliveredAt <= asOf && chance(0.9)) order.deliveredAt = deliveredAt;
      }
    }
    orders.push(order);
  }
  const defects: Defect[] = [];
  for (let i = 0; i < options.defects; i++) {
    const order = orders[Math.floor(random() * orders.length)]!;
    const date = Math.min(asOf, order.orderDate + Math.floor(random() * 20 * DAY));
    const base = { orderId: order.orderId, marketplaceId, date, observedAt: date, source: 'synthetic' };
    const kind = random();
    if (kind < 0.6) {
      defects.push({ ...base, id: `feedback:${i}`, kind: 'feedback', rating: 1 + Math.floor(random() * 5), removed: chance(0.1), responded: chance(0.5) });
    } else if (kind < 0.85) {
      const statuses = ['open', 'grantedSellerFault', 'refundedBySeller', 'grantedAmazonFunded', 'denied', 'withdrawn'] as const;
      defects.push({ ...base, id: `claim:${i}`, kind: 'claim', status: statuses[Math.floor(random() * statuses.length)]!, responseDeadline: date + 3 * DAY });
    } else {
      const statuses = ['open', 'decidedAgainstSeller', 'decidedForSeller', 'withdrawn'] as const;
      defects.push({ ...base, id: `chargeback:${i}`, kind: 'chargeback', status: statuses[Math.floor(random() * statuses.length)]!, fraud: chance(0.2) });
    }
  }
  const readings: AmazonReading[] = [];
  if (options.readings) {
    const observedAt = asOf - 3 * DAY;
    const metrics: RateMetricKey[] = ['odr.mfn', 'odr.afn', 'lsr.10d', 'lsr.30d', 'cr.7d', 'vtr.30d', 'otdr.14d'];
    for (const metric of metrics) {
      const den = 500 + Math.floor(random() * 5000);
      const good = metric === 'vtr.30d' || metric === 'otdr.14d';
      const num = good ? den - Math.floor(den * 0.02) : Math.floor(den * 0.005);
      readings.push({ marketplaceId, metric, observedAt, source: 'synthetic', numerator: num, denominator: den, rate: num / den });
    }
    readings.push({ marketplaceId, metric: 'ahr', observedAt, source: 'synthetic', score: 420 });
  }
  return { orders, defects, readings };
}
