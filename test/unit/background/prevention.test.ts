import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRedlineService, type RedlineService } from '../../../lib/background/service';
import { openRedlineDb, type RedlineDb } from '../../../lib/storage/db';
import { appendLog, applyBatch } from '../../../lib/storage/repository';
import { claim, DAY, feedback, HOUR, local, order, shipped, US } from '../metrics/helpers';

const NOW = local('2026-11-26T12:00', US);
const HOST = 'sellercentral.amazon.com';

let db: RedlineDb;
let service: RedlineService;

/** Stores records as a capture would (batch, then a log line: the worker's cache keys on the log). */
async function store(orders: ReturnType<typeof order>[], defects: ReturnType<typeof feedback>[] = []) {
  await applyBatch(db, 'default', { format: 'test', orders, defects, readings: [] });
  await appendLog(db, { at: NOW, origin: 'capture', source: '/test', ok: true, orders: orders.length, defects: defects.length, readings: 0 });
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openRedlineDb();
  service = createRedlineService({ db, now: () => NOW });
});

describe('act before Amazon counts it: the worker', () => {
  it('checks a typed tracking number, and finds it on another order', async () => {
    const earlier = shipped(NOW - 3 * DAY, NOW - 2 * DAY, NOW - 2 * DAY, { packages: [{ carrier: 'UPS', trackingNumber: '1Z5R89390357567127' }] });
    const open = order({ orderDate: NOW - HOUR });
    await store([earlier, open]);
    expect(await service.checkTracking(open.orderId, 'UPS', '1z5r 8939 0357 5671 27', HOST)).toEqual({
      normalised: '1Z5R89390357567127',
      format: 'checked',
      problems: [{ kind: 'reused', orderIds: [earlier.orderId] }],
    });
    // The same number on its own order is not a reuse.
    expect((await service.checkTracking(earlier.orderId, 'UPS', '1Z5R89390357567127', HOST)).problems).toEqual([]);
    expect((await service.checkTracking(open.orderId, 'Other', '', HOST)).problems.map((p) => p.kind)).toEqual(['carrierNotRecognised', 'noNumber']);
  });

  it('answers what a cancellation does to CR, and whether the buyer asked for it', async () => {
    const orders = Array.from({ length: 20 }, (_, i) => order({ orderDate: NOW - (i % 5) * DAY - HOUR, status: 'shipped' }));
    const requested = { ...order({ orderDate: NOW - HOUR }), buyerCancelRequestOpen: true };
    await store([...orders, requested]);
    expect(await service.actionImpact(requested.orderId, 'sellerCancel', HOST)).toMatchObject({
      buyerCancelRequestOpen: true,
      impact: { metric: 'cr.7d', before: { num: 0, den: 21 }, after: { num: 1, den: 21, status: 'breach' } },
    });
    // A page of a marketplace Redline has no data for has nothing to compare with.
    expect(await service.actionImpact(requested.orderId, 'sellerCancel', 'sellercentral.amazon.co.jp')).toBeNull();
  });

  it('lists removable negative feedback with its ground and the ODR if removed, and open disputes', async () => {
    const orders = Array.from({ length: 200 }, (_, i) => shipped(NOW - (20 + (i % 40)) * DAY, NOW - (19 + (i % 40)) * DAY, NOW - (19 + (i % 40)) * DAY));
    const defects = [
      feedback(orders[0]!.orderId, NOW - 10 * DAY, 1, { comment: 'Broke after a week, poor quality.' }),
      feedback(orders[1]!.orderId, NOW - 9 * DAY, 1, { comment: 'the product broke and the seller never answered' }),
      claim(orders[2]!.orderId, NOW - 2 * DAY, 'open', { responseDeadline: NOW + 30 * HOUR }),
    ];
    await store(orders, defects);
    const removable = await service.removableFeedback(HOST);
    expect(removable?.items).toHaveLength(1);
    expect(removable?.items[0]).toMatchObject({
      orderId: orders[0]!.orderId,
      daysLeft: 80,
      grounds: [{ ground: 'productReview' }],
      // Spec v2 §2.1: the open claim is not counted, so ODR is the two feedbacks.
      odr: { metric: 'odr.mfn', before: { num: 2, den: 200 }, after: { num: 1, den: 200 } },
    });
    const disputes = await service.openDisputes(HOST);
    // The claim's outcomes: granted against the seller it joins ODR (3), decided for the seller ODR stays (2).
    expect(disputes?.items).toEqual([
      expect.objectContaining({
        kind: 'claim',
        orderId: orders[2]!.orderId,
        deadline: NOW + 30 * HOUR,
        odr: expect.objectContaining({ before: expect.objectContaining({ num: 3 }), after: expect.objectContaining({ num: 2 }) }),
      }),
    ]);
    // Asked again (the popup, then Feedback Manager) with nothing stored since: the same answer, not computed again.
    expect(await service.openDisputes(HOST)).toBe(disputes);
    // Something stored since (the log moved on): computed again.
    await appendLog(db, { at: NOW, origin: 'capture', source: '/test', ok: true, orders: 0, defects: 0, readings: 0 });
    expect(await service.openDisputes(HOST)).not.toBe(disputes);
  });
});
