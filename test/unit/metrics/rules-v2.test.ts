/**
 * metrics-spec v2: the worked examples of §6 that v2 added (auto-cancel, OTDR in units) and each rule
 * that changed from v1, on exact boundaries: the 7th business day's last millisecond, a weekend, a
 * holiday, a DST change, packages, categories, exemptions, claims, the minimum population.
 */
import { describe, expect, it } from 'vitest';
import { computeHealthReport, HealthReport } from '../../../lib/metrics';
import type { Order } from '../../../lib/model';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { claim, chargeback, DAY, DE, HOUR, JP, local, NO_DATA, order, settings, shipped, UK, US } from './helpers';

const report = (orders: Order[], asOf: number, marketplaceId = US, s = DEFAULT_SETTINGS, defects: Parameters<typeof computeHealthReport>[0]['defects'] = []) =>
  computeHealthReport({ ...NO_DATA, orders, defects }, asOf, s, marketplaceId);

/** Enough good orders in every metric's window that nothing is `insufficient` (the minimum is 10). */
function steadyOrders(asOf: number, marketplaceId = US): Order[] {
  return Array.from({ length: 40 }, (_, i) => {
    const orderDate = asOf - (i + 1) * DAY;
    return shipped(orderDate, orderDate + DAY, orderDate + HOUR, {
      marketplaceId,
      latestDeliveryDate: orderDate + 5 * DAY,
      deliveredAt: orderDate + 4 * DAY,
      items: [{ sku: 'STEADY', quantityOrdered: 1 }],
    });
  });
}

describe('auto-cancel (spec v2 §2, §6)', () => {
  // §6: latestShipDate Friday 2026-11-13 23:59 PST, never confirmed → cancelled at the end of Tuesday 2026-11-24.
  const shipBy = local('2026-11-13T23:59', US);
  const deadline = local('2026-11-25T00:00', US) - 1;
  const overdue = (fields: Partial<Order> = {}) => order({ orderDate: local('2026-11-10T09:00', US), latestShipDate: shipBy, ...fields });

  it('§6: as of 11-26 it is a CR defect on the day of the auto-cancel, and not in LSR', () => {
    const asOf = local('2026-11-26T12:00', US);
    const r = report([overdue(), ...steadyOrders(asOf)], asOf);
    expect(r.metrics['cr.7d'].window).toEqual({ from: '2026-11-20', to: '2026-11-26' });
    expect(r.metrics['cr.7d'].local).toMatchObject({ numerator: 1 });
    expect(r.metrics['lsr.30d'].local.numerator).toBe(0);
    expect(r.metrics['lsr.10d'].local.numerator).toBe(0);
  });

  it('the 7th business day’s last millisecond: still a late shipment; one millisecond later, a cancellation', () => {
    const before = report([overdue()], deadline);
    expect(before.metrics['lsr.30d'].local).toMatchObject({ numerator: 1, denominator: 1 });
    expect(before.metrics['cr.7d'].local.numerator).toBe(0);
    const after = report([overdue()], deadline + 1);
    expect(after.metrics['lsr.30d'].local).toMatchObject({ numerator: 0, denominator: 0 });
    expect(after.metrics['cr.7d'].local).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('never counts one order in both', () => {
    for (let t = deadline - 2 * DAY; t <= deadline + 2 * DAY; t += 6 * HOUR) {
      const r = report([overdue()], t);
      expect(r.metrics['lsr.30d'].local.numerator + r.metrics['cr.7d'].local.numerator).toBe(1);
    }
  });

  it('skips the seller’s holidays (a setting, empty by default)', () => {
    const thanksgiving = settings((s) => (s.holidays = { [US]: ['2026-11-26'] }));
    // Ship-by Wednesday 11-18: 7 business days are 19, 20, 23, 24, 25, (26 off), 27, 30.
    const o = order({ orderDate: local('2026-11-16T09:00', US), latestShipDate: local('2026-11-18T23:59', US) });
    const endOf = (date: string) => local(date, US) + DAY - 1; // no DST change in these weeks
    expect(report([o], endOf('2026-11-27')).metrics['cr.7d'].local.numerator).toBe(0);
    expect(report([o], endOf('2026-11-27') + 1).metrics['cr.7d'].local.numerator).toBe(1);
    expect(report([o], endOf('2026-11-27') + 1, US, thanksgiving).metrics['cr.7d'].local.numerator).toBe(0);
    expect(report([o], endOf('2026-11-30'), US, thanksgiving).metrics['cr.7d'].local.numerator).toBe(0);
    expect(report([o], endOf('2026-11-30') + 1, US, thanksgiving).metrics['cr.7d'].local.numerator).toBe(1);
  });

  it('across a DST change: the deadline is the local end of day (Europe/Berlin, 2026-10-25)', () => {
    // Ship-by Friday 10-16: business days 19–23 and 26, 27 → deadline end of Tuesday 10-27, CET.
    const o = order({ marketplaceId: DE, orderDate: local('2026-10-14T09:00', DE), latestShipDate: local('2026-10-16T23:59', DE) });
    const end = local('2026-10-28T00:00', DE) - 1;
    expect(new Date(end + 1).toISOString()).toBe('2026-10-27T23:00:00.000Z'); // CET is UTC+1 after the change
    expect(report([o], end, DE).metrics['cr.7d'].local.numerator).toBe(0);
    expect(report([o], end + 1, DE).metrics['cr.7d'].local.numerator).toBe(1);
  });

  it('uses the page’s cancellationDate when it gives one', () => {
    const given = local('2026-11-20T23:59', US);
    const o = overdue({ autoCancelDate: given });
    expect(report([o], given + 1).metrics['cr.7d'].local.numerator).toBe(1);
    expect(report([o], given).metrics['cr.7d'].local.numerator).toBe(0);
  });

  it('an Amazon cancellation before the ship-by date (payment, fraud) does not count; after it, it is the auto-cancel', () => {
    const asOf = local('2026-11-26T12:00', US);
    const early = overdue({ status: 'cancelled', cancellation: { by: 'AMAZON', at: local('2026-11-11T10:00', US) }, orderDate: local('2026-11-10T09:00', US) });
    const late = overdue({ status: 'cancelled', cancellation: { by: 'AMAZON', at: local('2026-11-24T23:59', US) } });
    const earlyReport = report([early], local('2026-11-12T12:00', US));
    expect(earlyReport.metrics['cr.7d'].local).toMatchObject({ numerator: 0, denominator: 1 });
    expect(report([late], asOf).metrics['cr.7d'].local).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('lists an order whose auto-cancel falls within the horizon, with the computed deadline', () => {
    const r = report([overdue()], deadline - 3 * HOUR);
    const risk = r.atRiskOrders.flatMap((o) => o.risks).find((k) => k.kind === 'autoCancel');
    expect(risk).toMatchObject({ deadline, metric: 'cr.7d' });
  });

  it('lists an overdue order’s auto-cancel days ahead, beyond the 24 h horizon (a weekend before a Monday deadline)', () => {
    const asOf = deadline - 60 * HOUR;
    expect(DEFAULT_SETTINGS.warningHorizonHours * HOUR).toBeLessThan(deadline - asOf);
    const risks = report([overdue()], asOf).atRiskOrders.flatMap((o) => o.risks);
    expect(risks.find((k) => k.kind === 'autoCancel')).toMatchObject({ deadline, metric: 'cr.7d' });
    // Before its ship-by, an order's auto-cancel that far ahead is no risk yet.
    const notYetLate = report([overdue({ latestShipDate: asOf + HOUR, autoCancelDate: deadline })], asOf).atRiskOrders.flatMap((o) => o.risks);
    expect(notYetLate.find((k) => k.kind === 'autoCancel')).toBeUndefined();
  });
});

describe('OTDR counts units (spec v2 §2, §6)', () => {
  const asOf = local('2026-11-26T12:00', US);
  const promised = local('2026-11-15T20:00', US); // in days 11-06 … 11-19
  const delivered = (units: number, late: boolean): Order =>
    shipped(promised - 5 * DAY, promised - 3 * DAY, promised - 4 * DAY, {
      latestDeliveryDate: promised,
      deliveredAt: late ? promised + DAY : promised - HOUR,
      items: [{ sku: units > 1 ? 'BULK' : 'SINGLE', asin: units > 1 ? 'B0BULK0001' : 'B0SINGLE01', quantityOrdered: units, quantityShipped: units }],
    });
  const orders = [...Array.from({ length: 40 }, () => delivered(1, false)), delivered(10, true)];

  it('§6: 40 one-unit orders on time and one 10-unit order late → 40/50 = 80 %, a breach, though 40 of 41 orders were on time', () => {
    const otdr = report(orders, asOf).metrics['otdr.14d'];
    expect(otdr.unit).toBe('units');
    expect(otdr.window).toEqual({ from: '2026-11-06', to: '2026-11-19' });
    expect(otdr).toMatchObject({ numerator: 40, denominator: 50, rate: 0.8, status: 'breach' });
    // 90 % of 50 = 45 good units needed: 5 units short, and a margin counted in units.
    expect(otdr.margin).toBe(-6);
  });

  it('names the listing that pulls it down (breakdown by SKU, worst first)', () => {
    const otdr = report(orders, asOf).metrics['otdr.14d'];
    expect(otdr.breakdown!.bySku.rows[0]).toEqual({ key: 'BULK', asin: 'B0BULK0001', bad: 10, total: 10 });
    expect(otdr.breakdown!.bySku.rows).toHaveLength(1);
  });

  it('is enforced at 90 % in the US, UK and DE, advisory at 97 % elsewhere', () => {
    const us = report(orders, asOf).metrics['otdr.14d'];
    expect(us).toMatchObject({ targetBasisPoints: 9000, advisory: false, targetSource: 'marketplace', enforcement: { enforced: true, since: '2024-09-25' } });
    const jp = report(
      orders.map((o) => ({ ...o, marketplaceId: JP })),
      asOf,
      JP,
    ).metrics['otdr.14d'];
    expect(jp).toMatchObject({ targetBasisPoints: 9700, advisory: true, enforcement: { enforced: false } });
    const de = report(
      orders.map((o) => ({ ...o, marketplaceId: DE })),
      asOf,
      DE,
    ).metrics['otdr.14d'];
    expect(de).toMatchObject({ targetBasisPoints: 9000, advisory: false, enforcement: { since: '2026-09-01', evidence: 'thirdParty' } });
  });

  it('UK: counts only units with a delivery scan, and gives no verdict under 20 units', () => {
    const undelivered = shipped(promised - 5 * DAY, promised - 3 * DAY, promised - 4 * DAY, {
      marketplaceId: UK,
      latestDeliveryDate: promised,
      items: [{ quantityOrdered: 3 }],
    });
    const few = Array.from({ length: 10 }, () => ({ ...delivered(1, false), marketplaceId: UK }));
    const r = report([...few, undelivered], asOf, UK).metrics['otdr.14d'];
    expect(r).toMatchObject({ denominator: 10, status: 'insufficient' });
    expect(r.local.unknown).toBe(0); // the undelivered units are out, not unknown
    const enough = Array.from({ length: 20 }, () => ({ ...delivered(1, false), marketplaceId: UK }));
    expect(report(enough, asOf, UK).metrics['otdr.14d']).toMatchObject({ denominator: 20, status: 'warning' }); // judged: margin 1
    const reading = { marketplaceId: UK, metric: 'otdr.14d' as const, observedAt: asOf - DAY, source: 'test', rate: 1, numerator: 12, denominator: 12 };
    // Amazon's own floor holds even with a reading: under 20 units there is no verdict.
    expect(computeHealthReport({ ...NO_DATA, orders: few, readings: [reading] }, asOf, DEFAULT_SETTINGS, UK).metrics['otdr.14d'].status).toBe('insufficient');
  });

  it('leaves out units shipped under an OTDR protection, and reports an order of unknown units as one unknown', () => {
    const protectedLate = { ...delivered(10, true), deliveryProtected: true };
    const unknownUnits = { ...delivered(1, true), items: undefined };
    const r = report([...orders.slice(0, 40), protectedLate, unknownUnits], asOf).metrics['otdr.14d'];
    expect(r).toMatchObject({ numerator: 40, denominator: 40 });
    expect(r.local.unknown).toBe(1);
  });
});

describe('VTR counts packages, by promised delivery, per category (spec v2 §2)', () => {
  const asOf = local('2026-11-26T12:00', US);
  const promised = local('2026-11-05T12:00', US); // in days 10-14 … 11-12 (30 days, two weeks' latency)
  const withPackages = (packages: NonNullable<Order['packages']>, fields: Partial<Order> = {}) =>
    shipped(promised - 6 * DAY, promised - 4 * DAY, promised - 4 * DAY, { latestDeliveryDate: promised, packages, ...fields });
  const good = { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' };

  it('counts each package: an order of two with one untracked is one bad of two', () => {
    const r = report([withPackages([good, { carrier: 'UPS' }]), ...Array.from({ length: 10 }, () => withPackages([good]))], asOf).metrics['vtr.30d'];
    expect(r.window).toEqual({ from: '2026-10-14', to: '2026-11-12' });
    expect(r).toMatchObject({ unit: 'packages', numerator: 11, denominator: 12 });
  });

  it('tracking entered after delivery is invalid', () => {
    const late = withPackages([{ ...good, deliveredAt: promised, trackingEnteredAt: promised + HOUR }]);
    const inTime = withPackages([{ ...good, deliveredAt: promised, trackingEnteredAt: promised - HOUR }]);
    const r = report(
      [late, inTime],
      asOf,
      US,
      settings((s) => (s.minimumPopulation = 1)),
    ).metrics['vtr.30d'];
    expect(r).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('JP: packages of orders under ¥1,000 are exempt (a per-marketplace setting)', () => {
    const cheap = withPackages([{ carrier: 'Yamato' }], { marketplaceId: JP, itemsValue: { amount: 999, currency: 'JPY' } });
    const dear = withPackages([{ carrier: 'Yamato' }], { marketplaceId: JP, itemsValue: { amount: 1000, currency: 'JPY' } });
    const r = report(
      [cheap, dear],
      asOf,
      JP,
      settings((s) => (s.minimumPopulation = 1)),
    ).metrics['vtr.30d'];
    expect(r).toMatchObject({ numerator: 0, denominator: 1 });
    const noExemption = settings((s) => ((s.minimumPopulation = 1), (s.vtrExemptBelow = {})));
    expect(report([cheap, dear], asOf, JP, noExemption).metrics['vtr.30d'].denominator).toBe(2);
  });

  it('a category can breach while the account passes: the status is the worst category’s, and says why against Amazon', () => {
    const toys = Array.from({ length: 10 }, (_, i) =>
      withPackages(i < 2 ? [{ carrier: 'UPS' }] : [good], { items: [{ sku: 'T', category: 'Toys', quantityOrdered: 1 }] }),
    );
    const books = Array.from({ length: 90 }, () => withPackages([good], { items: [{ sku: 'B', category: 'Books', quantityOrdered: 1 }] }));
    const r = report([...toys, ...books], asOf).metrics['vtr.30d'];
    expect(r).toMatchObject({ numerator: 98, denominator: 100, status: 'breach' }); // 98 % passes account-wide
    expect(r.categories![0]).toMatchObject({ category: 'Toys', numerator: 8, denominator: 10, status: 'breach' });
    expect(r.categories![1]).toMatchObject({ category: 'Books', status: 'ok' });
    expect(r.breakdown!.byCategory.rows[0]).toMatchObject({ key: 'Toys', bad: 2, total: 10 });
  });
});

describe('ODR (spec v2 §2.1)', () => {
  const asOf = local('2026-11-26T12:00', US);
  const day = local('2026-10-20T12:00', US); // in days 09-14 … 11-12
  const orders = Array.from({ length: 20 }, () => shipped(day, day + DAY, day + HOUR));

  it('an open claim is a risk, not a counted defect; granted, it counts', () => {
    const open = report(orders, asOf, US, DEFAULT_SETTINGS, [claim(orders[0]!.orderId, day + 5 * DAY, 'open')]);
    expect(open.metrics['odr.mfn'].numerator).toBe(0);
    const risk = open.atRiskOrders.find((o) => o.orderId === orders[0]!.orderId)!.risks[0]!;
    expect(risk).toMatchObject({ kind: 'openClaim', metric: 'odr.mfn', alreadyCounted: false });
    expect(report(orders, asOf, US, DEFAULT_SETTINGS, [claim(orders[0]!.orderId, day + 5 * DAY, 'granted')]).metrics['odr.mfn'].numerator).toBe(1);
  });

  it('Buy Shipping protection needs all three conditions', () => {
    const protection = { claimsProtectedService: true, lateDeliveryRiskLabel: false, onTimeFirstScan: true };
    const id = orders[0]!.orderId;
    const count = (p: typeof protection | Partial<typeof protection>) =>
      report(orders, asOf, US, DEFAULT_SETTINGS, [claim(id, day + 5 * DAY, 'granted', { protection: p })]).metrics['odr.mfn'].numerator;
    expect(count(protection)).toBe(0);
    expect(count({ ...protection, lateDeliveryRiskLabel: true })).toBe(1);
    expect(count({ ...protection, onTimeFirstScan: false })).toBe(1);
    expect(count({ claimsProtectedService: true, onTimeFirstScan: true })).toBe(1); // the label unknown: not shown to be protected
    // Refunded by the seller while open: counts, protection or not.
    expect(report(orders, asOf, US, DEFAULT_SETTINGS, [claim(id, day + 5 * DAY, 'refundedBySeller', { protection })]).metrics['odr.mfn'].numerator).toBe(1);
  });

  it('fraud chargebacks are left out by default, counted when the seller chooses', () => {
    const fraud = [chargeback(orders[0]!.orderId, day + 5 * DAY, 'decidedAgainstSeller', { fraud: true })];
    expect(report(orders, asOf, US, DEFAULT_SETTINGS, fraud).metrics['odr.mfn'].numerator).toBe(0);
    expect(
      report(
        orders,
        asOf,
        US,
        settings((s) => (s.countFraudChargebacks = true)),
        fraud,
      ).metrics['odr.mfn'].numerator,
    ).toBe(1);
  });
});

describe('insufficient (spec v2 §3)', () => {
  it('one order seen and no Amazon reading: not a red "over the line"', () => {
    const asOf = local('2026-11-26T12:00', US);
    const late = shipped(asOf - 3 * DAY, asOf - 2 * DAY, asOf - DAY);
    const r = report([late], asOf);
    expect(r.metrics['lsr.10d']).toMatchObject({ numerator: 1, denominator: 1, rate: 1, status: 'insufficient' });
    expect(r.metrics['lsr.10d'].projection.breachDate).toBeNull();
    expect(
      report(
        [late],
        asOf,
        US,
        settings((s) => (s.minimumPopulation = 1)),
      ).metrics['lsr.10d'].status,
    ).toBe('breach');
    expect(() => HealthReport.parse(r)).not.toThrow();
  });
});

describe('the seller’s 72-hour dispatch rule (spec v2 §5)', () => {
  const paid = local('2026-11-23T10:00', US);
  const open = order({ orderDate: paid - HOUR, paymentDate: paid, latestShipDate: paid + 5 * DAY });

  it('is its own risk, 72 h after payment, on no metric of Amazon’s', () => {
    const r = report([open], paid + 71 * HOUR);
    const risk = r.atRiskOrders[0]!.risks.find((k) => k.kind === 'dispatchRule');
    expect(risk).toEqual({
      kind: 'dispatchRule',
      deadline: paid + 72 * HOUR,
      metric: null,
      rateIfHappens: null,
      marginIfHappens: null,
      breaches: false,
      alreadyCounted: false,
    });
  });

  it('counts from purchase where payment is unknown, follows the setting, and can be off', () => {
    const unpaid = { ...open, paymentDate: undefined };
    expect(report([unpaid], paid + 70 * HOUR).atRiskOrders[0]!.risks.find((k) => k.kind === 'dispatchRule')!.deadline).toBe(paid - HOUR + 72 * HOUR);
    const day = settings((s) => (s.dispatchRuleHours = 24));
    expect(report([open], paid + 23 * HOUR, US, day).atRiskOrders[0]!.risks.find((k) => k.kind === 'dispatchRule')!.deadline).toBe(paid + 24 * HOUR);
    const off = settings((s) => (s.dispatchRuleHours = null));
    expect(report([open], paid + 71 * HOUR, US, off).atRiskOrders).toEqual([]);
  });
});

describe('Invoice Defect Rate (spec v2 §2)', () => {
  const asOf = local('2026-11-26T12:00', DE);
  it('exists only in UK, DE, FR, IT and ES, over business orders of days today−14 … today−8', () => {
    const confirmed = local('2026-11-13T10:00', DE); // a Friday: due by the end of Monday 11-16
    const business = (invoice: Order['invoice']) =>
      shipped(local('2026-11-12T10:00', DE), confirmed + DAY, confirmed, { marketplaceId: DE, businessOrder: true, invoice });
    const orders = [
      business({ status: 'uploaded', uploadedAt: local('2026-11-16T23:00', DE) }),
      business({ status: 'uploaded', uploadedAt: local('2026-11-17T00:30', DE) }),
      business({ status: 'missing' }),
      business(undefined),
    ];
    const idr = report(
      orders,
      asOf,
      DE,
      settings((s) => (s.minimumPopulation = 1)),
    ).metrics['idr.7d']!;
    expect(idr.window).toEqual({ from: '2026-11-12', to: '2026-11-18' });
    expect(idr).toMatchObject({ numerator: 2, denominator: 3, targetBasisPoints: 500 });
    expect(idr.local.unknown).toBe(1);
    expect(report(orders, asOf, US).metrics['idr.7d']).toBeUndefined();
  });
});
