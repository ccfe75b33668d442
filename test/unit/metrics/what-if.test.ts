import { describe, expect, it } from 'vitest';
import { computeHealthReport } from '../../../lib/metrics';
import { whatIf } from '../../../lib/metrics/what-if';
import type { Order } from '../../../lib/model';
import { claim, DAY, feedback, HOUR, local, order, reading, settings, shipped, US } from './helpers';

const AS_OF = local('2026-11-26T12:00', US);
const S = settings();

/** 50 MFN orders over the last 6 days, one of them cancelled by the seller: CR 7 d = 1 / 50 = 2 %. */
function cancelWindow(): Order[] {
  const orders = Array.from({ length: 50 }, (_, i) => order({ orderDate: AS_OF - (i % 6) * DAY - HOUR, status: i < 10 ? 'unshipped' : 'shipped' }));
  orders[0] = { ...orders[0]!, status: 'cancelled', cancellation: { by: 'SELLER', buyerRequested: false } };
  return orders;
}

describe('what a change does to a metric, by the engine', () => {
  it('a seller cancellation adds one cancelled order to CR 7 d, and says when that crosses the line', () => {
    const orders = cancelWindow();
    const data = { orders, defects: [], readings: [] };
    const report = computeHealthReport(data, AS_OF, S, US);
    expect(report.metrics['cr.7d']).toMatchObject({ numerator: 1, denominator: 50, rate: 0.02, status: 'warning' });

    const result = whatIf(data, AS_OF, S, US, { kind: 'sellerCancel', orderId: orders[5]!.orderId }, { baseline: report });
    expect(result).toMatchObject({ metric: 'cr.7d', from: null, noEffect: false, orderAssumed: false });
    expect(result.before).toEqual({ num: 1, den: 50, rate: 0.02, margin: report.metrics['cr.7d'].margin, status: 'warning' });
    // 2 / 50 = 4 % is not < 2.5 %: one more cancellation than the margin allows.
    expect(result.after).toMatchObject({ num: 2, den: 50, rate: 0.04, status: 'breach' });
    expect(result.after.margin).toBe(result.before.margin! - 1);
  });

  it('a cancellation the buyer asked for through Amazon would not count, but one for another reason does', () => {
    const orders = cancelWindow();
    orders[5] = { ...orders[5]!, buyerCancelRequestOpen: true };
    const result = whatIf({ orders, defects: [], readings: [] }, AS_OF, S, US, { kind: 'sellerCancel', orderId: orders[5]!.orderId });
    expect(result.after).toMatchObject({ num: 2, den: 50 });
  });

  it('an order placed before the window does not change CR 7 d', () => {
    const orders = [...cancelWindow(), order({ orderDate: AS_OF - 9 * DAY })];
    const result = whatIf({ orders, defects: [], readings: [] }, AS_OF, S, US, { kind: 'sellerCancel', orderId: orders.at(-1)!.orderId });
    expect(result).toMatchObject({ noEffect: true, before: { num: 1, den: 50 }, after: { num: 1, den: 50 } });
  });

  it('an order Redline has not seen joins the window as a cancelled order of today (den + 1)', () => {
    const result = whatIf({ orders: cancelWindow(), defects: [], readings: [] }, AS_OF, S, US, { kind: 'sellerCancel', orderId: '999-0000000-0000000' });
    expect(result).toMatchObject({ orderAssumed: true, after: { num: 2, den: 51 } });
  });

  it('a cancellation on a day Amazon’s reading covers still counts: added to the projected figures', () => {
    const orders = cancelWindow();
    // Amazon read CR over the last 7 days yesterday: 1 of 80 orders (it knows more orders than Redline saw).
    const cr = reading({
      metric: 'cr.7d',
      observedAt: AS_OF - 12 * HOUR,
      rate: 1 / 80,
      numerator: 1,
      denominator: 80,
      windowFrom: local('2026-11-19T00:00', US),
      windowTo: local('2026-11-25T23:59:59', US),
    });
    const data = { orders, defects: [], readings: [cr] };
    const inWindow = orders.find((o) => o.status === 'unshipped' && o.orderDate < local('2026-11-25T00:00', US))!;
    const result = whatIf(data, AS_OF, S, US, { kind: 'sellerCancel', orderId: inWindow.orderId });
    expect(result.after.num).toBe(result.before.num + 1);
    expect(result.after.den).toBe(result.before.den);
    expect(result.after.rate).toBe(result.after.num / result.after.den);
  });

  it('confirming without valid tracking adds a package without valid tracking to VTR on its promised delivery day', () => {
    // Spec v2: VTR by promised delivery with a two-week latency: the change shows when that day enters the window.
    const orders = Array.from({ length: 30 }, (_, i) =>
      shipped(AS_OF - (i + 22) * DAY, AS_OF - (i + 21) * DAY, AS_OF - (i + 21) * DAY - HOUR, { latestDeliveryDate: AS_OF - (i + 16) * DAY }),
    );
    const open = order({ orderDate: AS_OF - 3 * HOUR, latestShipDate: AS_OF + 10 * HOUR, latestDeliveryDate: AS_OF + 3 * DAY });
    const result = whatIf({ orders: [...orders, open], defects: [], readings: [] }, AS_OF, S, US, { kind: 'shipWithoutValidTracking', orderId: open.orderId });
    expect(result).toMatchObject({ metric: 'vtr.30d', from: '2026-12-13', noEffect: false }); // promised 11-29, in the window 14 days later
    expect(result.after.den).toBe(result.before.den);
    expect(result.after.num).toBe(result.before.num - 1);
  });

  it('a removed feedback or a claim decided for the seller leaves ODR; an open claim granted against the seller joins it', () => {
    const orders = Array.from({ length: 200 }, (_, i) => shipped(AS_OF - (20 + (i % 40)) * DAY, AS_OF - (19 + (i % 40)) * DAY, AS_OF - (19 + (i % 40)) * DAY));
    const defects = [
      feedback(orders[0]!.orderId, AS_OF - 10 * DAY, 1),
      feedback(orders[2]!.orderId, AS_OF - 10 * DAY, 2),
      claim(orders[1]!.orderId, AS_OF - 9 * DAY, 'granted'),
    ];
    const data = { orders, defects, readings: [] };
    expect(whatIf(data, AS_OF, S, US, { kind: 'feedbackRemoved', orderId: orders[0]!.orderId })).toMatchObject({
      metric: 'odr.mfn',
      // 3 / 200 = 1.5 % is not < 1 %; 2 / 200 = 1 % is not either.
      before: { num: 3, den: 200, status: 'breach' },
      after: { num: 2, den: 200, status: 'breach' },
    });
    expect(whatIf(data, AS_OF, S, US, { kind: 'decidedForSeller', defectId: defects[2]!.id })).toMatchObject({ after: { num: 2, den: 200 } });
    const open = { ...data, defects: [defects[0]!, claim(orders[1]!.orderId, AS_OF - 9 * DAY, 'open')] };
    expect(whatIf(open, AS_OF, S, US, { kind: 'decidedAgainstSeller', defectId: open.defects[1]!.id })).toMatchObject({
      before: { num: 1, den: 200, status: 'warning' },
      after: { num: 2, den: 200, status: 'breach' },
    });
  });

  it('feedback on an order not yet in the ODR window shows on the day the order enters it', () => {
    const orders = Array.from({ length: 100 }, (_, i) => shipped(AS_OF - (20 + (i % 40)) * DAY, AS_OF - (19 + (i % 40)) * DAY, AS_OF - (19 + (i % 40)) * DAY));
    const fresh = shipped(AS_OF - 10 * DAY, AS_OF - 9 * DAY, AS_OF - 9 * DAY);
    const data = { orders: [...orders, fresh], defects: [feedback(fresh.orderId, AS_OF - 2 * DAY, 2)], readings: [] };
    const result = whatIf(data, AS_OF, S, US, { kind: 'feedbackRemoved', orderId: fresh.orderId });
    // Placed 10 days ago; the window ends 14 days before today: it enters in 4 days.
    expect(result.from).toBe('2026-11-30');
    expect(result.after.num).toBe(result.before.num - 1);
  });
});

describe('a what-if on too few orders', () => {
  it('says "too few to judge", as the figure itself does, not "over the line"', () => {
    const orders = Array.from({ length: 3 }, (_, i) => order({ orderDate: AS_OF - (i + 1) * HOUR, status: 'shipped' }));
    const result = whatIf({ orders, defects: [], readings: [] }, AS_OF, S, US, { kind: 'sellerCancel', orderId: orders[0]!.orderId });
    expect(result.before.status).toBe('insufficient');
    expect(result.after).toMatchObject({ num: 1, den: 3, status: 'insufficient' });
  });
});
