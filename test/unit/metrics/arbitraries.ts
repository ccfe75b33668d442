/**
 * Random order histories for property tests: a marketplace and an instant (DST changes and local
 * midnights included), orders, defects and Amazon readings around it, and the engine's settings.
 */
import fc from 'fast-check';
import type { AmazonReading, Defect, Order, Settings } from '../../../lib/model';
import { DEFAULT_SETTINGS, RATE_METRICS } from '../../../lib/model';
import { DAY, local } from './helpers';

const MARKETPLACES = [
  { id: 'ATVPDKIKX0DER', zone: 'America/Los_Angeles', dates: ['2026-03-08', '2026-11-01', '2026-11-26'] },
  { id: 'A1PA6795UKMFR9', zone: 'Europe/Berlin', dates: ['2026-03-29', '2026-10-25', '2026-07-01'] },
  { id: 'A1VC38T7YXB528', zone: 'Asia/Tokyo', dates: ['2026-01-01', '2026-06-30'] },
  { id: 'A39IBJ37TRP1C6', zone: 'Australia/Sydney', dates: ['2026-04-05', '2026-10-04'] },
  { id: 'ARBP9OOSHTCHU', zone: 'Africa/Cairo', dates: ['2026-04-24', '2026-10-29'] },
  { id: 'A1F83G8C2ARO7P', zone: 'Europe/London', dates: ['2026-03-29', '2026-10-25'] },
  { id: 'APJ6JRA9NG5V4', zone: 'Europe/Rome', dates: ['2026-03-29', '2026-12-24'] },
];

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export interface Scenario {
  marketplaceId: string;
  zone: string;
  asOf: number;
  date: string;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    market: fc.constantFrom(...MARKETPLACES),
    pick: fc.nat(),
    dayShift: fc.integer({ min: -3, max: 3 }),
    minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    /** Sometimes the last millisecond of the day: where an auto-cancel deadline (a day's end) can fall exactly. */
    endOfDay: fc.constantFrom(false, false, false, true),
  })
  .map(({ market, pick, dayShift, minute, endOfDay }) => {
    const date = addDays(market.dates[pick % market.dates.length]!, dayShift);
    if (endOfDay) return { marketplaceId: market.id, zone: market.zone, asOf: local(`${addDays(date, 1)}T00:00`, market.zone) - 1, date };
    const wall = `${date}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    return { marketplaceId: market.id, zone: market.zone, asOf: local(wall, market.zone), date };
  });

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * A ship-by date whose auto-cancel deadline (the end of the 7th Monday-to-Friday day after it) is the
 * end of `target`, or undefined when `target` is a weekend. Written out here, not taken from the engine.
 */
function shipByFor(target: string): string | undefined {
  if (weekday(target) === 0 || weekday(target) === 6) return undefined;
  let date = target;
  for (let counted = 0; counted < 7;) {
    if (weekday(date) !== 0 && weekday(date) !== 6) counted++;
    date = addDays(date, -1);
  }
  return date;
}

/** Instants around asOf: anywhere in −110 … +30 days, or on a local midnight ± a millisecond or a minute. */
function instant(s: Scenario): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: -110 * DAY, max: 30 * DAY }).map((d) => s.asOf + d),
    fc
      .tuple(fc.integer({ min: -110, max: 30 }), fc.constantFrom(0, 1, -1, 60_000, -60_000, 3_600_000))
      .map(([d, eps]) => local(`${addDays(s.date, d)}T00:00`, s.zone) + eps),
  );
}

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** An instant close to another (same or neighbouring days, or exactly on it ± 1 ms), or anywhere. */
function near(s: Scenario, anchor: number | undefined): fc.Arbitrary<number> {
  if (anchor === undefined) return instant(s);
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: -2 * DAY, max: 4 * DAY }).map((d) => anchor + d) },
    { weight: 1, arbitrary: fc.constantFrom(0, 1, -1).map((d) => anchor + d) },
    { weight: 1, arbitrary: instant(s) },
  );
}

function orderArb(s: Scenario, index: number): fc.Arbitrary<Order> {
  const t = instant(s);
  const dates = fc.record({
    orderDate: t,
    shipOffset: opt(fc.integer({ min: -DAY, max: 4 * DAY })),
    deliveryOffset: opt(fc.integer({ min: 0, max: 7 * DAY })),
    /** Ship-by placed so that the auto-cancel deadline is the end of today or yesterday (the boundary). */
    deadlineDaysAgo: fc.constantFrom(undefined, undefined, undefined, undefined, 0, 1),
  });
  return dates.chain(({ orderDate: drawn, shipOffset, deliveryOffset, deadlineDaysAgo }) => {
    const shipByDate = deadlineDaysAgo === undefined ? undefined : shipByFor(addDays(s.date, -deadlineDaysAgo));
    const alignedShipBy = shipByDate === undefined ? undefined : local(`${addDays(shipByDate, 1)}T00:00`, s.zone) - 1000; // 23:59:59, as Amazon writes it
    const orderDate = alignedShipBy === undefined ? drawn : alignedShipBy - 2 * DAY;
    const latestShipDate = alignedShipBy ?? (shipOffset === undefined ? undefined : orderDate + shipOffset);
    const latestDeliveryDate = deliveryOffset === undefined ? undefined : (latestShipDate ?? orderDate) + deliveryOffset;
    const aroundShip = near(s, latestShipDate);
    return fc
      .record({
        channel: fc.constantFrom<Order['channel']>('MFN', 'MFN', 'MFN', 'AFN', undefined),
        status: fc.constantFrom<Order['status']>(
          undefined,
          'pending',
          'unshipped',
          'unshipped',
          'partiallyShipped',
          'shipped',
          'shipped',
          'shipped',
          'cancelled',
        ),
        // Spec v2: the page's deadline is rarer than the computed one (7 business days after ship-by).
        autoCancelDate: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: near(s, latestShipDate) }),
        paymentDate: opt(near(s, orderDate)),
        businessOrder: opt(fc.boolean()),
        shippingService: opt(fc.constantFrom('Standard', 'Expedited')),
        items: opt(
          fc.array(
            fc.record({
              sku: opt(fc.constantFrom('SKU-A', 'SKU-B')),
              asin: opt(fc.constantFrom('B000000001', 'B000000002')),
              category: opt(fc.constantFrom('Toys', 'Books', ' ')),
              quantityOrdered: opt(fc.integer({ min: 1, max: 5 })),
              quantityShipped: opt(fc.integer({ min: 0, max: 5 })),
            }),
            { maxLength: 2 },
          ),
        ),
        itemsValue: opt(fc.record({ amount: fc.constantFrom(500, 999.99, 1000, 3000), currency: fc.constantFrom('JPY', 'USD') })),
        invoice: opt(fc.record({ status: opt(fc.constantFrom<'uploaded' | 'missing'>('uploaded', 'missing')), uploadedAt: opt(aroundShip) })),
        deliveryProtected: opt(fc.boolean()),
        shipConfirmation: opt(fc.record({ at: opt(aroundShip), notBefore: opt(aroundShip), notAfter: opt(aroundShip) })),
        packages: opt(
          fc.array(
            fc.record({
              carrier: opt(fc.constantFrom('UPS', 'UPS', 'Other', ' ', 'DHL')),
              trackingNumber: opt(fc.constantFrom('1Z999', '1Z999', '', 'JD0001')),
              shipTime: opt(aroundShip),
              carrierScanned: opt(fc.boolean()),
              trackingEnteredAt: opt(near(s, latestDeliveryDate)),
              deliveredAt: opt(near(s, latestDeliveryDate)),
              shippingService: opt(fc.constantFrom('Ground', 'Next Day')),
            }),
            { maxLength: 2 },
          ),
        ),
        deliveredAt: opt(near(s, latestDeliveryDate)),
        cancellation: opt(
          fc.record({
            at: opt(fc.oneof(t, near(s, latestShipDate))),
            by: opt(fc.constantFrom<'SELLER' | 'AMAZON' | 'BUYER'>('SELLER', 'AMAZON', 'BUYER')),
            buyerRequested: opt(fc.boolean()),
          }),
        ),
        buyerCancelRequestOpen: opt(fc.boolean()),
        amazonLate: opt(fc.boolean()),
        amazonAtRiskOfCancellation: opt(fc.boolean()),
        marketplace: fc.constantFrom(s.marketplaceId, s.marketplaceId, s.marketplaceId, 'A2EUQ1WTGCTBG2'),
      })
      .map(({ marketplace, ...fields }) => ({
        orderId: `o${index}`,
        marketplaceId: marketplace,
        observedAt: s.asOf,
        source: 'property',
        orderDate,
        latestShipDate,
        latestDeliveryDate,
        ...fields,
      }));
  });
}

function defectArb(s: Scenario, orderCount: number): fc.Arbitrary<Defect> {
  const t = instant(s);
  const base = fc.record({
    n: fc.integer({ min: 0, max: 12 }),
    orderId: fc.oneof(
      fc.integer({ min: 0, max: Math.max(0, orderCount - 1) }).map((i) => `o${i}`),
      fc.constantFrom('x1', 'x2', 'x3'),
    ),
    channel: opt(fc.constantFrom<'MFN' | 'AFN'>('MFN', 'AFN')),
    orderDate: opt(t),
    date: t,
    observedAt: fc.integer({ min: 0, max: 5 }),
    responseDeadline: opt(t),
  });
  return fc.oneof(
    fc
      .tuple(base, fc.integer({ min: 1, max: 5 }), opt(fc.boolean()), opt(fc.boolean()))
      .map(([b, rating, removed, responded]): Defect => ({ ...common(b, s, 'feedback'), kind: 'feedback', rating, removed, responded })),
    fc
      .tuple(
        base,
        fc.constantFrom('open', 'granted', 'grantedSellerFault', 'refundedBySeller', 'grantedAmazonFunded', 'denied', 'withdrawn') as fc.Arbitrary<
          'open' | 'granted' | 'grantedSellerFault' | 'refundedBySeller' | 'grantedAmazonFunded' | 'denied' | 'withdrawn'
        >,
        opt(fc.record({ claimsProtectedService: opt(fc.boolean()), lateDeliveryRiskLabel: opt(fc.boolean()), onTimeFirstScan: opt(fc.boolean()) })),
      )
      .map(([b, status, protection]): Defect => ({ ...common(b, s, 'claim'), kind: 'claim', status, protection })),
    fc
      .tuple(
        base,
        fc.constantFrom('open', 'decidedAgainstSeller', 'decidedForSeller', 'withdrawn') as fc.Arbitrary<
          'open' | 'decidedAgainstSeller' | 'decidedForSeller' | 'withdrawn'
        >,
        opt(fc.boolean()),
      )
      .map(([b, status, fraud]): Defect => ({ ...common(b, s, 'chargeback'), kind: 'chargeback', status, fraud })),
  );
}

function common(
  b: { n: number; orderId: string; channel?: 'MFN' | 'AFN'; orderDate?: number; date: number; observedAt: number; responseDeadline?: number },
  s: Scenario,
  kind: string,
) {
  return {
    id: `${kind}:${b.orderId}:${b.n % 3}`,
    orderId: b.orderId,
    marketplaceId: s.marketplaceId,
    channel: b.channel,
    orderDate: b.orderDate,
    date: b.date,
    observedAt: b.observedAt,
    responseDeadline: b.responseDeadline,
    source: 'property',
  };
}

function readingArb(s: Scenario): fc.Arbitrary<AmazonReading> {
  const utcToday = Math.floor(Date.parse(`${s.date}T00:00:00Z`) / DAY);
  return fc
    .record({
      metric: fc.constantFrom(...RATE_METRICS),
      observedAgo: fc.integer({ min: -DAY, max: 20 * DAY }),
      denominator: opt(fc.integer({ min: 0, max: 60 })),
      numerator: opt(fc.integer({ min: 0, max: 60 })),
      rate: opt(fc.double({ min: 0, max: 1, noNaN: true })),
      window: opt(
        fc.record({
          end: fc.integer({ min: -90, max: 0 }),
          length: fc.integer({ min: 1, max: 70 }),
          utcDates: fc.boolean(),
          exclusiveEnd: fc.boolean(),
        }),
      ),
      targetValue: opt(fc.constantFrom(0.01, 0.04, 0.025, 0.95, 0.9, 0.97)),
      targetCondition: opt(fc.constantFrom<'lt' | 'gt'>('lt', 'gt')),
    })
    .map(({ metric, observedAgo, window, ...fields }) => {
      const r: AmazonReading = { marketplaceId: s.marketplaceId, metric, observedAt: s.asOf - observedAgo, source: 'property', ...fields };
      if (window) {
        const toDay = utcToday + window.end;
        if (window.utcDates) {
          r.windowFrom = (toDay - window.length + 1) * DAY;
          r.windowTo = window.exclusiveEnd ? (toDay + 1) * DAY : toDay * DAY + DAY - 60_000; // …T23:59Z
        } else {
          r.windowFrom = s.asOf + (window.end - window.length) * DAY + 3_600_000;
          r.windowTo = s.asOf + window.end * DAY;
        }
      }
      return r;
    });
}

const settingsArb = (s: Scenario): fc.Arbitrary<Settings> =>
  fc
    .record({
      countFraudChargebacks: fc.boolean(),
      countCancelsWithUnknownRequester: fc.boolean(),
      confirmationDayFallback: fc.constantFrom<'latestShipDate' | 'unknown'>('latestShipDate', 'unknown'),
      warningHorizonHours: fc.integer({ min: 1, max: 72 }),
      minimumPopulation: fc.constantFrom(1, 3, 10),
      /** A public holiday a few days around asOf: the auto-cancel deadline skips it. */
      holiday: opt(fc.integer({ min: -12, max: 2 })),
      dispatchRuleHours: fc.constantFrom(72, 24, null),
      ownTarget: opt(fc.constantFrom(50, 300, 9000)),
    })
    .map((c) => ({
      ...DEFAULT_SETTINGS,
      countFraudChargebacks: c.countFraudChargebacks,
      warningHorizonHours: c.warningHorizonHours,
      minimumPopulation: c.minimumPopulation,
      dispatchRuleHours: c.dispatchRuleHours,
      holidays: c.holiday === undefined ? {} : { [s.marketplaceId]: [addDays(s.date, c.holiday)] },
      metrics:
        c.ownTarget === undefined
          ? DEFAULT_SETTINGS.metrics
          : {
              ...DEFAULT_SETTINGS.metrics,
              'lsr.10d': { ...DEFAULT_SETTINGS.metrics['lsr.10d'], target: { basisPoints: c.ownTarget, condition: 'lt' as const } },
            },
      engine: {
        trackingFixHours: 24,
        unknownCarriers: ['other'],
        countCancelsWithUnknownRequester: c.countCancelsWithUnknownRequester,
        confirmationDayFallback: c.confirmationDayFallback,
      },
    }));

export const history = scenario.chain((s) =>
  fc.integer({ min: 0, max: 30 }).chain((n) =>
    fc.record({
      s: fc.constant(s),
      orders: fc.tuple(...Array.from({ length: n }, (_, i) => orderArb(s, i))),
      defects: fc.array(defectArb(s, n), { maxLength: 12 }),
      readings: fc.array(readingArb(s), { maxLength: 5 }),
      settings: settingsArb(s),
    }),
  ),
);
