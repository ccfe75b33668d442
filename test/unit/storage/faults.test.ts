import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { DB_NAME, openRedlineDb, type RedlineDb } from '../../../lib/storage/db';
import { DB_VERSION } from '../../../lib/storage/migrations';
import { reopening } from '../../../lib/storage/connection';
import { applyBatch, listScopes, loadScope, recentLog } from '../../../lib/storage/repository';
import { createRedlineService } from '../../../lib/background/service';
import type { Batch, Order } from '../../../lib/model';
import { fixture } from '../readers/helpers';

/**
 * Storage faults (docs/reliability.md): a full disk, a transaction cut off half-way (the MV3 worker
 * stopped), and a database deleted under the worker. Each leaves the database as it was before the
 * failed write, says so, and the next write works.
 */
const US = 'ATVPDKIKX0DER';
const SCOPE = `default|${US}`;
const T0 = Date.UTC(2026, 10, 20, 18);
const NOW = Date.UTC(2021, 10, 16, 20);
const HOST = 'sellercentral.amazon.com';
const SEARCH = fixture('seller-central/orders-api/search_mfn-unshipped_2021-11.json');

/** Order `n`, placed `n` days before T0: each on a day of its own, so each is a put of its own (lib/storage/order-days.ts). */
const order = (n: number): Order => ({
  orderId: `111-0000000-${String(n).padStart(7, '0')}`,
  marketplaceId: US,
  orderDate: T0 - n * 86_400_000,
  status: 'unshipped',
  observedAt: T0,
  source: 'orders-api/search',
});
const batchOf = (orders: Order[]): Batch => ({ format: 'orders-api/search', orders, defects: [], readings: [] });
const capture = (body: string) => ({
  type: 'captureResponse' as const,
  path: '/orders-api/search',
  status: 200,
  contentType: 'application/json',
  body,
  observedAt: NOW,
});

type Put = IDBObjectStore['put'];
const storeProto = () => (globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } }).IDBObjectStore.prototype;
let originalPut: Put;

/** From the `after`-th put on, every put fails as `fail` says (a full disk, or the worker stopping). */
function breakPuts(after: number, fail: (store: IDBObjectStore) => never | IDBRequest): void {
  let puts = 0;
  storeProto().put = function put(this: IDBObjectStore, ...args: Parameters<Put>) {
    if (++puts > after) return fail(this);
    return originalPut.apply(this, args);
  } as Put;
}
const quotaExceeded = (): never => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};

let db: RedlineDb;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  originalPut = storeProto().put;
  db = await openRedlineDb();
});
afterEach(() => {
  storeProto().put = originalPut;
  db.close();
});

describe('a full disk (QuotaExceededError)', () => {
  it('writes nothing of the batch, keeps what was stored, and the next write works', async () => {
    await applyBatch(db, 'default', batchOf([order(1)]));
    breakPuts(2, quotaExceeded);
    await expect(applyBatch(db, 'default', batchOf([order(2), order(3), order(4), order(5)]))).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect((await loadScope(db, SCOPE)).orders.map((o) => o.orderId)).toEqual([order(1).orderId]);
    storeProto().put = originalPut;
    await applyBatch(db, 'default', batchOf([order(2), order(3), order(4), order(5)]));
    expect((await loadScope(db, SCOPE)).orders).toHaveLength(5);
  });

  it('the service answers with the error and logs it for the popup; nothing is half-stored', async () => {
    const service = createRedlineService({ db, now: () => NOW });
    breakPuts(0, quotaExceeded);
    await expect(service.captureResponse(capture(SEARCH), HOST)).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await listScopes(db)).toEqual([]);
    const [entry] = await recentLog(db, 1);
    expect(entry).toMatchObject({ ok: false, reason: 'storageFailed', detail: expect.stringContaining('QuotaExceededError') });
    expect((await service.popupState()).problem).toMatchObject({ reason: 'storageFailed' });
    storeProto().put = originalPut;
    await expect(service.captureResponse(capture(SEARCH), HOST)).resolves.toMatchObject({ ok: true, orders: 1 });
    expect((await service.popupState()).problem).toBeNull();
  });
});

describe('a transaction cut off half-way (the worker stopped mid-write)', () => {
  it('leaves none of the batch; writing the batch again stores it exactly once', async () => {
    const batch = batchOf([order(1), order(2), order(3), order(4)]);
    breakPuts(2, (store) => {
      store.transaction.abort(); // what a worker stopped mid-transaction amounts to
      return originalPut.call(store, {});
    });
    await expect(applyBatch(db, 'default', batch)).rejects.toBeDefined();
    expect(await listScopes(db)).toEqual([]);
    storeProto().put = originalPut;
    await applyBatch(db, 'default', batch);
    await applyBatch(db, 'default', batch);
    expect((await loadScope(db, SCOPE)).orders.map((o) => o.orderId).sort()).toEqual(batch.orders.map((o) => o.orderId).sort());
  });
});

describe('the database deleted under the worker', () => {
  it('closes the old connection and opens a new, empty one on the next use', async () => {
    const connection = reopening((onClose) => openRedlineDb(DB_NAME, DB_VERSION, onClose));
    const first = await connection();
    await applyBatch(first, 'default', batchOf([order(1)]));
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DB_NAME); // as clearing the extension's site data does
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('delete failed'));
    });
    const second = await connection();
    expect(second).not.toBe(first);
    expect(await listScopes(second)).toEqual([]);
    await applyBatch(second, 'default', batchOf([order(2)]));
    expect((await loadScope(second, SCOPE)).orders).toHaveLength(1);
    second.close();
  });

  it('a failed open is tried again on the next use', async () => {
    let attempts = 0;
    const connection = reopening(async () => {
      if (++attempts === 1) throw new Error('blocked');
      return 'open';
    });
    await expect(connection()).rejects.toThrow('blocked');
    await expect(connection()).resolves.toBe('open');
  });
});
