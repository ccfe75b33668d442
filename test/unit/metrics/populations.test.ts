/** Who counts, and as what (metrics-spec §2, and the decisions in docs/health-report.md). */
import { describe, expect, it } from 'vitest';
import { computeHealthReport } from '../../../lib/metrics';
import type { Defect, Order } from '../../../lib/model';
import { DEFAULT_ENGINE_SETTINGS, DEFAULT_SETTINGS } from '../../../lib/model';
import { chargeback, claim, DAY, feedback, HOUR, local, order, settings, shipped, US } from './helpers';

const asOf = local('2026-11-26T12:00', US);
const report = (orders: Order[], defects: Defect[] = [], s = DEFAULT_SETTINGS) => computeHealthReport({ orders, defects, readings: [] }, asOf, s, US);

describe('Order Defect Rate', () => {
  const orderDate = local('2026-10-15T10:00', US); // inside 09-14 … 11-12
  const o = Array.from({ length: 10 }, () => shipped(orderDate, orderDate + DAY, orderDate + HOUR));
  o[6] = order({ ...o[6]!, status: 'cancelled', cancellation: { by: 'SELLER' } });
  const t = orderDate + 5 * DAY;
  const defects: Defect[] = [
    feedback(o[0]!.orderId, t, 2), // counts
    feedback(o[1]!.orderId, t, 3), // 3 stars: no
    feedback(o[2]!.orderId, t, 1, { removed: true }), // removed: no
    claim(o[3]!.orderId, t, 'open'), // pending: a risk, not a counted defect (spec v2 §2.1)
    claim(o[4]!.orderId, t, 'denied'), // no
    claim(o[5]!.orderId, t, 'grantedAmazonFunded'), // Amazon paid, shipped order: no
    claim(o[6]!.orderId, t, 'grantedAmazonFunded'), // on an order the seller cancelled: counts
    chargeback(o[7]!.orderId, t, 'open', { fraud: true }), // fraud: left out unless the seller counts them (spec v2 §2.1)
    feedback(o[8]!.orderId, t, 1),
    claim(o[8]!.orderId, t, 'grantedSellerFault'), // same order as the feedback: one defective order
    chargeback(o[9]!.orderId, t, 'decidedForSeller'), // no
  ];

  it('counts each defective order once, with each kind in its own part', () => {
    const odr = report(o, defects).metrics['odr.mfn'];
    expect([odr.numerator, odr.denominator]).toEqual([3, 10]);
    expect(odr.parts).toEqual({ negativeFeedback: 2, claims: 2, chargebacks: 0 });
    expect(odr.status).toBe('breach');
  });

  it('lets the seller count fraud chargebacks', () => {
    const odr = report(
      o,
      defects,
      settings((s) => (s.countFraudChargebacks = true)),
    ).metrics['odr.mfn'];
    expect([odr.numerator, odr.parts.chargebacks]).toEqual([4, 1]);
  });

  it('keeps the latest reading of the same defect: a claim seen open, then granted, counts; reversed on appeal, it does not', () => {
    const granted = { ...claim(o[3]!.orderId, t, 'grantedSellerFault'), observedAt: t + DAY };
    expect(report(o, [...defects, granted]).metrics['odr.mfn'].numerator).toBe(4);
    const reversed = { ...claim(o[3]!.orderId, t, 'denied'), observedAt: t + 2 * DAY };
    expect(report(o, [...defects, granted, reversed]).metrics['odr.mfn'].numerator).toBe(3);
  });

  it('8 defective orders of 1,000 leave a margin of 1 (spec §3)', () => {
    const many = Array.from({ length: 1000 }, () => shipped(orderDate, orderDate + DAY, orderDate + HOUR));
    const odr = report(
      many,
      many.slice(0, 8).map((x) => feedback(x.orderId, t, 1)),
    ).metrics['odr.mfn'];
    expect([odr.numerator, odr.denominator, odr.margin, odr.status]).toEqual([8, 1000, 1, 'warning']);
  });

  it('keeps FBA and seller-fulfilled apart, and counts orders known only from their defects', () => {
    const afn = shipped(orderDate, orderDate + DAY, orderDate + HOUR, { channel: 'AFN' });
    const unseen: Defect = { ...feedback('114-0000000-0000000', t, 1), channel: 'AFN', orderDate };
    const undated: Defect = feedback('114-0000000-0000001', t, 1, { channel: 'AFN' });
    const r = report([afn], [feedback(afn.orderId, t, 1), unseen, undated]);
    expect([r.metrics['odr.afn'].numerator, r.metrics['odr.afn'].denominator]).toEqual([2, 2]);
    expect(r.metrics['odr.mfn'].denominator).toBe(0);
  });

  it('reports orders of unknown channel as unknown, not as good', () => {
    const r = report([order({ orderDate, channel: undefined, status: 'shipped' })]);
    expect(r.metrics['odr.mfn'].local.unknown).toBe(1);
    expect(r.metrics['odr.afn'].local.unknown).toBe(1);
    expect(r.metrics['odr.mfn'].denominator).toBe(0);
  });
});

describe('Cancel Rate', () => {
  const orderDate = local('2026-11-24T10:00', US);
  const cancelled = (cancellation: Order['cancellation']) => order({ orderDate, status: 'cancelled', cancellation });

  it('counts cancellations by the seller or Amazon, not those the buyer asked for', () => {
    const cr = report([
      cancelled({ by: 'SELLER', buyerRequested: false }),
      cancelled({ by: 'AMAZON' }),
      cancelled({ by: 'SELLER', buyerRequested: true }),
      cancelled({ by: 'BUYER' }),
      order({ orderDate, status: 'unshipped' }),
      order({ orderDate, status: 'shipped', cancellation: { by: 'SELLER', buyerRequested: false } }), // an item cancelled
    ]).metrics['cr.7d'];
    expect([cr.numerator, cr.denominator]).toEqual([3, 6]);
  });

  it('counts a seller cancellation with no requester info, unless the seller opts out (then unknown)', () => {
    const orders = [cancelled({ by: 'SELLER' }), cancelled(undefined)];
    expect(report(orders).metrics['cr.7d']).toMatchObject({ numerator: 1, denominator: 1, local: { unknown: 1 } });
    const optedOut = settings((s) => (s.engine = { ...DEFAULT_ENGINE_SETTINGS, countCancelsWithUnknownRequester: false }));
    expect(report(orders, [], optedOut).metrics['cr.7d']).toMatchObject({ numerator: 0, denominator: 0, local: { unknown: 2 } });
  });

  it('does not count an order whose status no source gave as "not cancelled"', () => {
    expect(report([order({ orderDate, status: undefined })]).metrics['cr.7d']).toMatchObject({ denominator: 0, local: { unknown: 1 } });
  });
});

describe('Valid Tracking Rate (packages; numerator = packages with valid tracking)', () => {
  const due = local('2026-11-01T23:59', US);
  const promised = local('2026-11-06T20:00', US); // inside 10-14 … 11-12 (spec v2: by promised delivery, two weeks' latency)
  const withPackages = (packages: Order['packages']) => shipped(due - DAY, due, due - HOUR, { packages, latestDeliveryDate: promised });

  it('needs a carrier and a tracking number on each package, and no known missing scan', () => {
    const vtr = report([
      withPackages([{ carrier: 'UPS', trackingNumber: '1Z1' }]), // 1 good
      withPackages([
        { carrier: 'UPS', trackingNumber: '1Z1', carrierScanned: false },
        { carrier: 'UPS', trackingNumber: '1Z2', carrierScanned: true },
      ]), // 1 bad, 1 good
      withPackages([{ carrier: 'UPS', trackingNumber: '1Z1', carrierScanned: false }]), // no scan: 1 bad
      withPackages([{ carrier: 'UPS', trackingNumber: '1Z1' }, { carrier: 'UPS' }]), // 1 good, 1 without tracking
      withPackages([{ carrier: ' ', trackingNumber: '1Z1' }]), // blank carrier: 1 bad
      withPackages([]), // confirmed without any package: 1 bad
      withPackages(undefined), // the source gave no packages: unknown
    ]).metrics['vtr.30d'];
    expect(vtr).toMatchObject({ numerator: 3, denominator: 8, unit: 'packages', condition: 'gt', local: { unknown: 1 } });
    expect(vtr.window).toEqual({ from: '2026-10-14', to: '2026-11-12' });
    expect(vtr.lagDays).toBe(14);
  });

  it('places packages on their order’s promised delivery day, not the confirmation day; without a promise, unknown', () => {
    const confirmedInWindowPromisedAfter = shipped(due - DAY, due, due - HOUR, { latestDeliveryDate: local('2026-11-14T20:00', US) });
    const confirmedBeforePromisedIn = shipped(local('2026-10-01T10:00', US), local('2026-10-02T23:59', US), local('2026-10-02T10:00', US), {
      latestDeliveryDate: promised,
    });
    const noPromise = shipped(due - DAY, due, due - HOUR);
    const vtr = report([confirmedInWindowPromisedAfter, confirmedBeforePromisedIn, noPromise]).metrics['vtr.30d'];
    expect(vtr).toMatchObject({ denominator: 1, local: { unknown: 1 } });
  });
});

describe('On-Time Delivery Rate (numerator = on-time deliveries)', () => {
  const promised = local('2026-11-10T20:00', US); // inside 11-06 … 11-19
  const delivered = (deliveredAt: number | undefined, packages: Order['packages'] = [{ carrier: 'UPS', trackingNumber: '1Z' }]) =>
    shipped(promised - 4 * DAY, promised - 3 * DAY, promised - 3 * DAY - HOUR, {
      latestDeliveryDate: promised,
      deliveredAt,
      packages,
      items: [{ quantityOrdered: 1 }],
    });

  it('is on time on or before the promised local day, and leaves out shipments without valid tracking', () => {
    const otdr = report([
      delivered(local('2026-11-10T23:59', US)), // later than the promised instant, same day: on time
      delivered(local('2026-11-11T00:00', US)), // next day: late
      delivered(local('2026-11-08T09:00', US)),
      delivered(local('2026-11-09T09:00', US), []), // no valid tracking: not in OTDR
      delivered(undefined), // no delivery seen, promised day past: unknown
    ]).metrics['otdr.14d'];
    expect(otdr).toMatchObject({ numerator: 2, denominator: 3, unit: 'units', local: { unknown: 1 }, advisory: false });
  });

  it('is advisory outside the US, the UK and Germany, and in Germany before 2026-09-01 (spec v2 §1.1)', () => {
    const at = (when: number, marketplaceId: string) =>
      computeHealthReport({ orders: [], defects: [], readings: [] }, when, DEFAULT_SETTINGS, marketplaceId).metrics;
    expect(at(asOf, 'A1VC38T7YXB528')['otdr.14d'].advisory).toBe(true);
    expect(at(asOf, 'A1VC38T7YXB528')['lsr.10d'].advisory).toBe(false);
    expect(at(asOf, 'A1PA6795UKMFR9')['otdr.14d'].advisory).toBe(false);
    expect(at(local('2026-08-31T12:00', 'Europe/Berlin'), 'A1PA6795UKMFR9')['otdr.14d'].advisory).toBe(true);
    expect(at(local('2026-02-01T12:00', 'Europe/London'), 'A1F83G8C2ARO7P')['otdr.14d'].advisory).toBe(true);
  });
});

describe('Late Shipment Rate', () => {
  const due = local('2026-11-22T14:00', US);
  it('decides lateness from the confirmation bracket, then from Amazon’s Late flag, else unknown', () => {
    const lsr = report([
      order({ orderDate: due - DAY, latestShipDate: due, status: 'shipped', shipConfirmation: { notBefore: due, notAfter: due + HOUR } }), // late
      order({ orderDate: due - DAY, latestShipDate: due, status: 'shipped', shipConfirmation: { notBefore: due - HOUR, notAfter: due } }), // on time
      order({
        orderDate: due - DAY,
        latestShipDate: due,
        status: 'shipped',
        shipConfirmation: { notBefore: due - HOUR, notAfter: due + HOUR },
        amazonLate: true,
      }), // late (flag)
      order({ orderDate: due - DAY, latestShipDate: due, status: 'shipped', shipConfirmation: { notBefore: due - HOUR, notAfter: due + HOUR } }), // unknown
      order({ orderDate: due - DAY, latestShipDate: due, status: 'shipped', packages: [{ carrier: 'UPS', trackingNumber: '1', shipTime: due + 1 }] }), // late by package ship time
      order({ orderDate: due - DAY, latestShipDate: due, status: 'cancelled' }), // cancelled: out
      order({ orderDate: due - DAY, latestShipDate: due, status: 'shipped', channel: 'AFN' }), // FBA: out
    ]).metrics['lsr.10d'];
    expect(lsr).toMatchObject({ numerator: 3, denominator: 4, local: { unknown: 1 } });
  });
});
