import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { orderDayRecords, orderPartRecord, readOrderPart } from './order-days';
import { reachOf, type StoredOrder } from './records';
import type { RedlineSchema } from './schema';

/**
 * Schema migrations, one per version, applied in order on upgrade (each may await requests on the
 * upgrade transaction, nothing else: the transaction must stay active). A released migration is never
 * edited: a change to the stores is a new entry at the end (and a new fixture database in
 * test/fixtures/db/ with a test that upgrades it).
 */
/** Every store any version had: `orders` (one record per order) until v3. */
interface AllVersionsSchema extends RedlineSchema {
  orders: { key: [string, string]; value: StoredOrder; indexes: { scope: string; scopeOrderDate: [string, number]; scopeReach: [string, number] } };
}
export type UpgradeDb = IDBPDatabase<AllVersionsSchema>;
export type UpgradeTx = IDBPTransaction<AllVersionsSchema, StoreNames<AllVersionsSchema>[], 'versionchange'>;
type Upgrade = (db: UpgradeDb, tx: UpgradeTx) => void | Promise<void>;

export const MIGRATIONS: readonly Upgrade[] = [
  // v1 (0.1.0): orders, defects, Amazon's readings, the capture/import log, and key-value metadata.
  (db) => {
    const orders = db.createObjectStore('orders', { keyPath: ['scope', 'orderId'] });
    orders.createIndex('scope', 'scope');
    orders.createIndex('scopeOrderDate', ['scope', 'orderDate']);
    const defects = db.createObjectStore('defects', { keyPath: ['scope', 'id'] });
    defects.createIndex('scope', 'scope');
    const readings = db.createObjectStore('readings', { keyPath: ['scope', 'metric', 'day'] });
    readings.createIndex('scope', 'scope');
    db.createObjectStore('log', { keyPath: 'seq', autoIncrement: true });
    db.createObjectStore('meta');
  },
  // v2 (0.2.0): each order's reach (records.ts `reachAt`), indexed with its scope: a report loads the
  // orders it can see (a quarter of a year's history), not all of them. Defects by date: retention
  // finds the old ones without reading the rest.
  async (_db, tx) => {
    tx.objectStore('defects').createIndex('scopeDate', ['scope', 'date']);
    const orders = tx.objectStore('orders');
    orders.createIndex('scopeReach', ['scope', 'reachAt']);
    let cursor = await orders.openCursor();
    while (cursor) {
      const order = cursor.value as Omit<StoredOrder, 'reachAt'>;
      await cursor.update({ ...order, reachAt: reachOf(order) });
      cursor = await cursor.continue();
    }
  },
  // v3 (0.3.0): orders in parts of a day (order-days.ts): one record per order cost ~0.25 ms a put in
  // Chromium (an import of 50,000: 15 s). A report reads all of a scope's parts (a defect's order may be
  // on any day), so neither store needs an index.
  async (db, tx) => {
    const days = db.createObjectStore('orderDays', { keyPath: ['scope', 'day'] });
    const parts = db.createObjectStore('orderParts', { keyPath: ['scope', 'day', 'part'] });
    const records = orderDayRecords(await tx.objectStore('orders').getAll());
    await Promise.all([...records.days.map((d) => days.put(d)), ...records.parts.map((p) => parts.put(p))]);
    db.deleteObjectStore('orders');
  },
  // v4 (0.4.0): the v2 rules (metrics-spec v2).
  // - Each order's reach is recomputed: it now reaches to an Amazon cancellation and its auto-cancel
  //   deadline (order-pass.ts `orderReachAt`), which a report must see.
  // - The readings v3 kept as `otdr.14d` from Amazon's report (the SP-API document and the performance
  //   summary, which read `onTimeDeliveryRate`) are Amazon's 30-day package figure: they move to
  //   `otdr.30d`, so they are never compared with the local unit figure again. The Account Health page's
  //   reading (`#unit-on-time-delivery-rate-row`) is the unit figure and stays.
  async (_db, tx) => {
    const parts = tx.objectStore('orderParts');
    const all = await parts.getAll();
    await Promise.all(
      all.map((part) =>
        parts.put(
          orderPartRecord(
            part.scope,
            part.day,
            part.part,
            readOrderPart(part).map((o) => ({ ...o, reachAt: reachOf(o) })),
          ),
        ),
      ),
    );
    const readings = tx.objectStore('readings');
    const packageFigures = (await readings.getAll()).filter((r) => r.metric === 'otdr.14d' && REPORT_SOURCES.has(r.source));
    for (const r of packageFigures) {
      await readings.delete([r.scope, r.metric, r.day]);
      await readings.put({ ...r, metric: 'otdr.30d' });
    }
  },
  // v5 (0.5.0): Amazon's policy compliance (metrics-spec v2 §2.2), one reading per category per
  // marketplace day, like the metrics' readings: a category is any name (a new one Amazon adds is
  // kept), so it cannot share the readings store, whose metric is one of Redline's keys.
  (db) => {
    const policies = db.createObjectStore('policyReadings', { keyPath: ['scope', 'category', 'day'] });
    policies.createIndex('scope', 'scope');
  },
];

/** The sources whose `otdr.14d` readings v3 took from `onTimeDeliveryRate` (v4 moves them). */
const REPORT_SOURCES = new Set(['sp-api/performance-report', 'performance-api/summary']);

export const DB_VERSION = MIGRATIONS.length;

/** Runs the migrations from version `from` up to `to`, one after the other on the upgrade transaction. */
export async function migrate(db: UpgradeDb, tx: UpgradeTx, from: number, to: number): Promise<void> {
  for (let v = from; v < to; v++) {
    const upgrade = MIGRATIONS[v];
    if (!upgrade) throw new Error(`No migration to version ${v + 1}.`);
    await upgrade(db, tx);
  }
}
