import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeBatches, mergeOrders } from '../../../lib/model/merge';
import { Order, type AmazonReading, type Defect } from '../../../lib/model';

const US = 'ATVPDKIKX0DER';
const T = Date.UTC(2026, 10, 20, 12);
const H = 3_600_000;

const order = (patch: Partial<Order> = {}): Order => ({
  orderId: '111-0000000-0000001',
  marketplaceId: US,
  orderDate: T - 48 * H,
  observedAt: T,
  source: 'test',
  ...patch,
});

describe('mergeOrders', () => {
  it('the newer observation wins field by field; an absent field never overwrites a known one', () => {
    const older = order({ status: 'unshipped', latestShipDate: T + H, channel: 'MFN', amazonLate: false, observedAt: T });
    const newer = order({ status: 'shipped', amazonLate: true, observedAt: T + 2 * H, source: 'later' });
    expect(mergeOrders(older, newer)).toMatchObject({
      status: 'shipped',
      latestShipDate: T + H,
      channel: 'MFN',
      amazonLate: true,
      observedAt: T + 2 * H,
      source: 'later',
    });
  });

  it('the argument order does not matter when the observations differ in time', () => {
    const a = order({ status: 'unshipped', shipConfirmation: { notBefore: T }, observedAt: T });
    const b = order({ status: 'shipped', shipConfirmation: { notAfter: T + 5 * H }, packages: [{ carrier: 'UPS' }], observedAt: T + 5 * H });
    expect(mergeOrders(a, b)).toEqual(mergeOrders(b, a));
  });

  it('brackets combine to the tightest; an exact time is kept beside them', () => {
    const seenOpen = order({ status: 'unshipped', shipConfirmation: { notBefore: T }, observedAt: T });
    const seenOpenLater = order({ status: 'unshipped', shipConfirmation: { notBefore: T + H }, observedAt: T + H });
    const seenShipped = order({ status: 'shipped', shipConfirmation: { notAfter: T + 9 * H }, observedAt: T + 9 * H });
    const earlierShipped = order({ status: 'shipped', shipConfirmation: { at: T + 2 * H, notAfter: T + 3 * H }, observedAt: T + 3 * H });
    const merged = [seenOpenLater, seenShipped, earlierShipped].reduce(mergeOrders, seenOpen);
    expect(merged.shipConfirmation).toEqual({ at: T + 2 * H, notBefore: T + H, notAfter: T + 3 * H });
  });

  it('contradicting brackets (seen shipped, later unshipped again) keep the newer one alone', () => {
    const shipped = order({ status: 'shipped', shipConfirmation: { notAfter: T }, observedAt: T });
    const unshipped = order({ status: 'unshipped', shipConfirmation: { notBefore: T + H }, observedAt: T + H });
    expect(mergeOrders(shipped, unshipped)).toMatchObject({ status: 'unshipped', shipConfirmation: { notBefore: T + H } });
    expect(mergeOrders(shipped, unshipped).shipConfirmation).not.toHaveProperty('notAfter');
  });

  it('cancellation merges field by field; packages are replaced as a whole', () => {
    const a = order({ cancellation: { buyerRequested: true }, packages: [{ carrier: 'UPS', trackingNumber: '1' }, { carrier: 'UPS' }] });
    const b = order({ cancellation: { by: 'SELLER' }, packages: [{ carrier: 'USPS', trackingNumber: '2' }], observedAt: T + H });
    expect(mergeOrders(a, b)).toMatchObject({ cancellation: { by: 'SELLER', buyerRequested: true }, packages: [{ carrier: 'USPS', trackingNumber: '2' }] });
  });

  it('keys come out in the schema’s order, so equal records serialise equally', () => {
    const shuffled = { source: 'test', observedAt: T, orderDate: T - H, marketplaceId: US, orderId: 'X', status: 'shipped' } as Order;
    expect(Object.keys(mergeOrders(shuffled, shuffled))).toEqual(Object.keys(Order.parse(shuffled)));
  });

  // Property tests over arbitrary sightings of one order.
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const instant = fc.integer({ min: T, max: T + 100 * H });
  const arbOrder = fc
    .record({
      status: optional(fc.constantFrom('pending', 'unshipped', 'partiallyShipped', 'shipped', 'cancelled')),
      channel: optional(fc.constantFrom('MFN', 'AFN')),
      latestShipDate: optional(instant),
      amazonLate: optional(fc.boolean()),
      notBefore: optional(instant),
      notAfter: optional(instant),
      at: optional(instant),
      by: optional(fc.constantFrom('SELLER', 'AMAZON', 'BUYER')),
      observedAt: instant,
    })
    .map(({ notBefore, notAfter, at, by, ...rest }) => {
      const o: Order = order(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
      const sc = Object.fromEntries(Object.entries({ at, notBefore, notAfter }).filter(([, v]) => v !== undefined));
      if (Object.keys(sc).length) o.shipConfirmation = sc;
      if (by) o.cancellation = { by };
      return Order.parse(o);
    });

  it('is idempotent: merge(a, a) = a', () => {
    fc.assert(
      fc.property(arbOrder, (a) => {
        expect(mergeOrders(a, a)).toEqual(a);
      }),
    );
  });

  it('is order-independent when the sightings differ in time, and always a valid Order', () => {
    fc.assert(
      fc.property(arbOrder, arbOrder, (a, b) => {
        fc.pre(a.observedAt !== b.observedAt);
        expect(mergeOrders(a, b)).toEqual(mergeOrders(b, a));
        expect(Order.safeParse(mergeOrders(a, b)).success).toBe(true);
      }),
    );
  });

  it('merging again with either input changes nothing', () => {
    fc.assert(
      fc.property(arbOrder, arbOrder, (a, b) => {
        fc.pre(a.observedAt !== b.observedAt);
        const m = mergeOrders(a, b);
        expect(mergeOrders(m, b)).toEqual(m);
      }),
    );
  });
});

describe('mergeBatches', () => {
  const feedback = (observedAt: number, rating: number): Defect => ({
    kind: 'feedback',
    id: 'feedback:111-0000000-0000001',
    orderId: '111-0000000-0000001',
    marketplaceId: US,
    date: T,
    rating,
    observedAt,
    source: 'test',
  });
  const reading = (observedAt: number, rate: number): AmazonReading => ({ marketplaceId: US, metric: 'lsr.10d', observedAt, source: 'test', rate });

  it('the same order in two files is one order; defects dedup by id, readings by metric and time', () => {
    const a = { orders: [order({ status: 'unshipped' })], defects: [feedback(T + H, 1)], readings: [reading(T, 0.01)] };
    const b = {
      orders: [order({ status: 'shipped', observedAt: T + H }), order({ orderId: '111-0000000-0000002' })],
      defects: [feedback(T, 2)],
      readings: [reading(T, 0.01), reading(T + H, 0.02)],
    };
    const merged = mergeBatches([a, b]);
    expect(merged.orders.map((o) => [o.orderId, o.status])).toEqual([
      ['111-0000000-0000001', 'shipped'],
      ['111-0000000-0000002', undefined],
    ]);
    expect(merged.defects).toEqual([feedback(T + H, 1)]);
    expect(merged.readings.map((r) => r.rate)).toEqual([0.01, 0.02]);
    expect(mergeBatches([b, a])).toEqual(merged);
  });

  it('is idempotent over repeated batches', () => {
    const a = { orders: [order({ status: 'unshipped', shipConfirmation: { notBefore: T } })], defects: [feedback(T, 1)], readings: [reading(T, 0.01)] };
    expect(mergeBatches([a, a])).toEqual(mergeBatches([a]));
  });

  it('an order seen unshipped then shipped in two files is bracketed between the sightings', () => {
    const open = { orders: [order({ status: 'unshipped', shipConfirmation: { notBefore: T } })], defects: [], readings: [] };
    const later = { orders: [order({ status: 'shipped', shipConfirmation: { notAfter: T + 6 * H }, observedAt: T + 6 * H })], defects: [], readings: [] };
    expect(mergeBatches([later, open]).orders[0]!.shipConfirmation).toEqual({ notBefore: T, notAfter: T + 6 * H });
  });
});
