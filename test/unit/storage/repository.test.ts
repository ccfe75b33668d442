import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openRedlineDb, type RedlineDb } from '../../../lib/storage/db';
import { appendLog, applyBatch, clearAll, listScopes, loadScope, pruneBefore, recentLog } from '../../../lib/storage/repository';
import type { Batch, Order } from '../../../lib/model';
import { OPEN_REACH } from '../../../lib/storage/records';
import { APPEND_BELOW, orderDayOf, PART_MAX, readOrderPart } from '../../../lib/storage/order-days';

const US = 'ATVPDKIKX0DER';
const DE = 'A1PA6795UKMFR9';
const T0 = Date.UTC(2026, 10, 20, 18);
const HOUR = 3_600_000;

const order = (id: string, patch: Partial<Order> = {}): Order => ({
  orderId: id,
  marketplaceId: US,
  channel: 'MFN',
  orderDate: T0 - 24 * HOUR,
  status: 'unshipped',
  latestShipDate: T0 + 24 * HOUR,
  observedAt: T0,
  source: 'orders-api/search',
  ...patch,
});
const batch = (orders: Order[], rest: Partial<Batch> = {}): Batch => ({ format: 'orders-api/search', orders, defects: [], readings: [], ...rest });

/** Where the orders are: [scope, day, part, order ids] per part; checks that each day's directory lists exactly that. */
async function layout(): Promise<[string, number, number, string[]][]> {
  const parts = (await db.getAll('orderParts')).map((p): [string, number, number, string[]] => [
    p.scope,
    p.day,
    p.part,
    readOrderPart(p).map((o) => o.orderId),
  ]);
  const directories = (await db.getAll('orderDays')).flatMap((d) => d.parts.map((p) => [d.scope, d.day, p.part, p.ids]));
  expect(directories).toEqual(parts);
  return parts;
}

let db: RedlineDb;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openRedlineDb();
});

describe('applyBatch', () => {
  it('stores orders per account and marketplace', async () => {
    const counts = await applyBatch(db, 'default', batch([order('111-0000000-0000001'), order('111-0000000-0000002', { marketplaceId: DE })]));
    expect(counts).toMatchObject({ ordersAdded: 2, ordersUpdated: 0 });
    expect(counts.changedScopes.sort()).toEqual([`default|${DE}`, `default|${US}`]);
    expect(await listScopes(db)).toEqual([`default|${DE}`, `default|${US}`]);
    expect((await loadScope(db, `default|${US}`)).orders.map((o) => o.orderId)).toEqual(['111-0000000-0000001']);
  });

  it('is idempotent: the same batch twice changes nothing', async () => {
    const b = batch([order('111-0000000-0000001'), order('111-0000000-0000002')]);
    await applyBatch(db, 'default', b);
    const before = await loadScope(db, `default|${US}`);
    const again = await applyBatch(db, 'default', b);
    expect(again).toMatchObject({ ordersAdded: 0, ordersUpdated: 0, changedScopes: [] });
    expect(await loadScope(db, `default|${US}`)).toEqual(before);
  });

  it('brackets the ship confirmation between the last unshipped and the first shipped sighting', async () => {
    // Readers bracket each sighting (unshipped: not before now; shipped: not after now); storage merges them.
    await applyBatch(db, 'default', batch([order('111-0000000-0000001', { shipConfirmation: { notBefore: T0 } })]));
    await applyBatch(
      db,
      'default',
      batch([order('111-0000000-0000001', { status: 'shipped', shipConfirmation: { notAfter: T0 + 3 * HOUR }, observedAt: T0 + 3 * HOUR })]),
    );
    const [stored] = (await loadScope(db, `default|${US}`)).orders;
    expect(stored).toMatchObject({ status: 'shipped', shipConfirmation: { notBefore: T0, notAfter: T0 + 3 * HOUR } });
  });

  it("keeps each order's reach current: open while unshipped, its last date once shipped", async () => {
    await applyBatch(db, 'default', batch([order('111-0000000-0000001')]));
    expect((await loadScope(db, `default|${US}`)).orders[0]).toMatchObject({ reachAt: OPEN_REACH });
    await applyBatch(
      db,
      'default',
      batch([order('111-0000000-0000001', { status: 'shipped', shipConfirmation: { at: T0 + HOUR }, observedAt: T0 + 3 * HOUR })]),
    );
    expect((await loadScope(db, `default|${US}`)).orders[0]).toMatchObject({ reachAt: T0 + 24 * HOUR });
  });

  it('keeps an exact confirmation time over a bracket', async () => {
    await applyBatch(db, 'default', batch([order('111-0000000-0000001')]));
    await applyBatch(
      db,
      'default',
      batch([order('111-0000000-0000001', { status: 'shipped', shipConfirmation: { at: T0 + HOUR }, observedAt: T0 + 3 * HOUR })]),
    );
    const [stored] = (await loadScope(db, `default|${US}`)).orders;
    expect(stored!.shipConfirmation).toEqual({ at: T0 + HOUR });
  });

  it('never lets an unknown field overwrite a known one', async () => {
    await applyBatch(db, 'default', batch([order('111-0000000-0000001', { latestDeliveryDate: T0 + 100 * HOUR })]));
    const { latestDeliveryDate: _dropped, ...withoutDelivery } = order('111-0000000-0000001', { observedAt: T0 + HOUR });
    await applyBatch(db, 'default', batch([withoutDelivery]));
    const [stored] = (await loadScope(db, `default|${US}`)).orders;
    expect(stored!.latestDeliveryDate).toBe(T0 + 100 * HOUR);
  });

  it('merges an order that appears twice in one batch', async () => {
    const counts = await applyBatch(
      db,
      'default',
      batch([
        order('111-0000000-0000001', { latestDeliveryDate: T0 + 100 * HOUR }),
        order('111-0000000-0000001', { status: 'shipped', observedAt: T0 + HOUR }),
      ]),
    );
    expect(counts).toMatchObject({ ordersAdded: 1, ordersUpdated: 1 });
    expect((await loadScope(db, `default|${US}`)).orders).toEqual([expect.objectContaining({ status: 'shipped', latestDeliveryDate: T0 + 100 * HOUR })]);
  });

  it('imports a big batch onto stored orders: new ones added, known ones merged, nothing twice', async () => {
    const id = (i: number) => `111-${String(i).padStart(7, '0')}-0000001`;
    await applyBatch(
      db,
      'default',
      batch([order(id(1), { latestDeliveryDate: T0 + 100 * HOUR }), order(id(2)), order('222-0000000-0000001', { marketplaceId: DE })]),
    );
    const big = Array.from({ length: 3_000 }, (_, i) => order(id(i), { status: 'shipped', observedAt: T0 + HOUR }));
    const counts = await applyBatch(db, 'default', batch(big));
    expect(counts).toMatchObject({ ordersAdded: 2_998, ordersUpdated: 2 });
    const stored = (await loadScope(db, `default|${US}`)).orders;
    expect(stored).toHaveLength(3_000);
    expect(stored.find((o) => o.orderId === id(1))).toMatchObject({ status: 'shipped', latestDeliveryDate: T0 + 100 * HOUR });
    expect((await loadScope(db, `default|${DE}`)).orders).toHaveLength(1);
  });

  it('keeps orders in parts of a scope and UTC order day', async () => {
    const day = Date.UTC(2026, 10, 19);
    await applyBatch(
      db,
      'default',
      batch([
        order('111-0000000-0000001', { orderDate: day }),
        order('111-0000000-0000002', { orderDate: day + 23 * HOUR }),
        order('111-0000000-0000003', { orderDate: day + 24 * HOUR }),
        order('222-0000000-0000001', { marketplaceId: DE, orderDate: day }),
      ]),
    );
    expect(await layout()).toEqual([
      [`default|${DE}`, orderDayOf(day), 0, ['222-0000000-0000001']],
      [`default|${US}`, orderDayOf(day), 0, ['111-0000000-0000001', '111-0000000-0000002']],
      [`default|${US}`, orderDayOf(day) + 1, 0, ['111-0000000-0000003']],
    ]);
  });

  it("adds a few new orders to a day's small last part, many to parts of their own; a revisit rewrites only the part it is in", async () => {
    const day = Date.UTC(2026, 10, 19);
    const id = (i: number) => `111-0000000-${String(i).padStart(7, '0')}`;
    const captured = Array.from({ length: 10 }, (_, i) => order(id(i), { orderDate: day + i * 1000 }));
    await applyBatch(db, 'default', batch(captured));
    const more = Array.from({ length: 5 }, (_, i) => order(id(50 + i), { orderDate: day + 20_000 + i * 1000 }));
    await applyBatch(db, 'default', batch(more));
    const imported = Array.from({ length: PART_MAX + 44 }, (_, i) => order(id(100 + i), { orderDate: day + HOUR + i * 1000 }));
    await applyBatch(db, 'default', batch(imported));
    const parts = await layout();
    expect(parts.map(([, , part, ids]) => [part, ids.length])).toEqual([
      [0, 15],
      [1, PART_MAX],
      [2, 44],
    ]);
    expect(parts[0]![3]).toEqual([...captured, ...more].map((o) => o.orderId));
    // A few more join the last part, which is small.
    await applyBatch(db, 'default', batch([order(id(99), { orderDate: day + 2 * HOUR })]));
    expect((await layout()).map(([, , part, ids]) => [part, ids.length])).toEqual([
      [0, 15],
      [1, PART_MAX],
      [2, 45],
    ]);
    expect(APPEND_BELOW).toBeGreaterThan(45);

    const proto = (globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } }).IDBObjectStore.prototype;
    const put = proto.put;
    const puts: string[] = [];
    proto.put = function counted(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      puts.push(this.name);
      return put.apply(this, args);
    };
    try {
      await applyBatch(db, 'default', batch(captured.map((o) => ({ ...o, status: 'shipped' as const, observedAt: T0 + HOUR }))));
    } finally {
      proto.put = put;
    }
    expect(puts).toEqual(['orderParts']);
    expect((await layout()).map(([, , part, ids]) => [part, ids.length])).toEqual([
      [0, 15],
      [1, PART_MAX],
      [2, 45],
    ]);
  });

  it('finds an order whose date a later sighting moves to the next day: merged and moved, never stored twice', async () => {
    // A report's date read as local midnight against the API's instant: the same order, a day apart in UTC.
    const before = Date.UTC(2026, 10, 19, 23);
    await applyBatch(
      db,
      'default',
      batch([order('111-0000000-0000001', { orderDate: before, latestDeliveryDate: T0 + 100 * HOUR }), order('111-0000000-0000002', { orderDate: before })]),
    );
    const counts = await applyBatch(
      db,
      'default',
      batch([order('111-0000000-0000001', { orderDate: before + 2 * HOUR, status: 'shipped', observedAt: T0 + HOUR })]),
    );
    expect(counts).toMatchObject({ ordersAdded: 0, ordersUpdated: 1 });
    const stored = (await loadScope(db, `default|${US}`)).orders;
    expect(stored.map((o) => o.orderId).sort()).toEqual(['111-0000000-0000001', '111-0000000-0000002']);
    expect(stored.find((o) => o.orderId === '111-0000000-0000001')).toMatchObject({
      orderDate: before + 2 * HOUR,
      status: 'shipped',
      latestDeliveryDate: T0 + 100 * HOUR,
    });
    expect((await layout()).map(([, day, part, ids]) => [day, part, ids])).toEqual([
      [orderDayOf(before), 0, ['111-0000000-0000002']],
      [orderDayOf(before) + 1, 0, ['111-0000000-0000001']],
    ]);
    // Moved back again, its new day left empty: that day's record goes.
    await applyBatch(db, 'default', batch([order('111-0000000-0000001', { orderDate: before, observedAt: T0 + 2 * HOUR })]));
    expect((await layout()).map(([, day, part, ids]) => [day, part, ids])).toEqual([[orderDayOf(before), 0, ['111-0000000-0000002', '111-0000000-0000001']]]);
  });

  it('refuses a marketplace id that is not one (it would break the scope key)', async () => {
    await expect(applyBatch(db, 'default', batch([order('111-0000000-0000001', { marketplaceId: '<b>|</b>' })]))).rejects.toThrow();
    expect(await listScopes(db)).toEqual([]);
  });

  it('writes all of a batch or none of it', async () => {
    const bad = batch([order('111-0000000-0000001'), { ...order('111-0000000-0000002'), orderDate: -5 }]);
    await expect(applyBatch(db, 'default', bad)).rejects.toThrow();
    expect(await listScopes(db)).toEqual([]);
  });

  it('keeps one Amazon reading per metric per marketplace day, the latest', async () => {
    const reading = (observedAt: number, rate: number) => ({ marketplaceId: US, metric: 'lsr.10d' as const, observedAt, source: 'dom/account-health', rate });
    await applyBatch(db, 'default', batch([], { readings: [reading(T0, 0.01)] }));
    await applyBatch(db, 'default', batch([], { readings: [reading(T0 + HOUR, 0.02)] }));
    await applyBatch(db, 'default', batch([], { readings: [reading(T0 + 30 * HOUR, 0.03)] }));
    const { readings } = await loadScope(db, `default|${US}`);
    expect(readings.map((r) => [r.day, r.rate])).toEqual([
      ['2026-11-20', 0.02],
      ['2026-11-21', 0.03],
    ]);
  });

  it('keeps one policy reading per category per marketplace day, the latest; an unknown count stays unknown', async () => {
    const policy = (observedAt: number, category: string, count?: number) => ({
      marketplaceId: US,
      category,
      observedAt,
      source: 'dom/account-health',
      ...(count === undefined ? {} : { count }),
    });
    const first = await applyBatch(db, 'default', batch([], { policies: [policy(T0, 'listingPolicyViolations', 0), policy(T0, 'policies-new-row')] }));
    expect(first).toMatchObject({ policies: 2, changedScopes: [`default|${US}`] });
    expect(first.written.policies.map((p) => [p.category, p.day])).toEqual([
      ['listingPolicyViolations', '2026-11-20'],
      ['policies-new-row', '2026-11-20'],
    ]);
    // Two of one day in one batch: the later one, whatever their order.
    await applyBatch(
      db,
      'default',
      batch([], { policies: [policy(T0 + HOUR, 'listingPolicyViolations', 1), policy(T0 + 30 * 60_000, 'listingPolicyViolations', 7)] }),
    );
    expect((await applyBatch(db, 'default', batch([], { policies: [policy(T0 - HOUR, 'listingPolicyViolations', 5)] }))).policies).toBe(0);
    await applyBatch(db, 'default', batch([], { policies: [policy(T0 + 30 * HOUR, 'listingPolicyViolations', 2)] }));
    const { policies } = await loadScope(db, `default|${US}`);
    expect(policies.map((p) => [p.category, p.day, p.count ?? null])).toEqual([
      ['listingPolicyViolations', '2026-11-20', 1],
      ['listingPolicyViolations', '2026-11-21', 2],
      ['policies-new-row', '2026-11-20', null],
    ]);
    // A scope known only from policy readings is listed.
    await applyBatch(db, 'default', batch([], { policies: [{ ...policy(T0, 'listingPolicyViolations', 0), marketplaceId: DE }] }));
    expect(await listScopes(db)).toEqual([`default|${DE}`, `default|${US}`]);
  });
});

describe('retention and log', () => {
  it('prunes records older than the cutoff and nothing newer', async () => {
    await applyBatch(db, 'default', batch([order('111-0000000-0000001', { orderDate: T0 - 500 * 24 * HOUR }), order('111-0000000-0000002')]));
    const old = T0 - 500 * 24 * HOUR;
    const defect = (id: string, date: number) => ({
      kind: 'feedback' as const,
      id,
      orderId: '111-0000000-0000001',
      marketplaceId: US,
      date,
      observedAt: T0,
      source: 'test',
      rating: 1,
    });
    const reading = (observedAt: number) => ({ marketplaceId: US, metric: 'lsr.10d' as const, observedAt, source: 'test', rate: 0.01 });
    const policy = (observedAt: number) => ({ marketplaceId: US, category: 'listingPolicyViolations', observedAt, source: 'test', count: 0 });
    await applyBatch(
      db,
      'default',
      batch([], { defects: [defect('f1', old), defect('f2', T0)], readings: [reading(old), reading(T0)], policies: [policy(old), policy(T0)] }),
    );
    await applyBatch(db, 'default', batch([order('111-0000000-0000003', { marketplaceId: DE, orderDate: old })]));
    expect(await pruneBefore(db, T0 - 400 * 24 * HOUR)).toBe(5);
    const kept = await loadScope(db, `default|${US}`);
    expect(kept.orders.map((o) => o.orderId)).toEqual(['111-0000000-0000002']);
    expect(kept.defects.map((d) => d.id)).toEqual(['f2']);
    expect(kept.readings.map((r) => r.observedAt)).toEqual([T0]);
    expect(kept.policies.map((p) => p.observedAt)).toEqual([T0]);
    expect(await listScopes(db)).toEqual([`default|${US}`]);
  });

  it("prunes orders within the cutoff's own day by their time", async () => {
    const cutoff = Date.UTC(2026, 10, 19, 12);
    await applyBatch(
      db,
      'default',
      batch([
        order('111-0000000-0000001', { orderDate: cutoff - HOUR }),
        order('111-0000000-0000002', { orderDate: cutoff }),
        order('111-0000000-0000003', { orderDate: cutoff - 13 * HOUR }),
      ]),
    );
    expect(await pruneBefore(db, cutoff)).toBe(2);
    expect((await loadScope(db, `default|${US}`)).orders.map((o) => o.orderId)).toEqual(['111-0000000-0000002']);
    expect((await layout()).map(([, day, , ids]) => [day, ids])).toEqual([[orderDayOf(cutoff), ['111-0000000-0000002']]]);
    expect(await pruneBefore(db, cutoff)).toBe(0);
  });

  it('logs an entry whose page path or detail is longer than the log keeps, cut', async () => {
    await appendLog(db, {
      at: T0,
      origin: 'capture',
      source: `/orders-api/${'x'.repeat(490)}`,
      ok: false,
      reason: 'invalid',
      detail: 'y'.repeat(2000),
      orders: 0,
      defects: 0,
      readings: 0,
    });
    const [entry] = await recentLog(db, 1);
    expect([entry!.source.length, entry!.detail!.length]).toEqual([300, 500]);
  });

  it('keeps the newest log entries first and caps the log', async () => {
    for (let i = 0; i < 510; i++)
      await appendLog(db, { at: T0 + i, origin: 'capture', source: '/orders-api/search', ok: true, orders: i, defects: 0, readings: 0 });
    const log = await recentLog(db, 600);
    expect(log).toHaveLength(500);
    expect(log[0]!.orders).toBe(509);
  });

  it('deletes everything', async () => {
    await applyBatch(
      db,
      'default',
      batch([order('111-0000000-0000001')], {
        policies: [{ marketplaceId: US, category: 'listingPolicyViolations', observedAt: T0, source: 'test', count: 1 }],
      }),
    );
    await clearAll(db);
    expect(await listScopes(db)).toEqual([]);
    expect(await db.count('policyReadings')).toBe(0);
  });
});
