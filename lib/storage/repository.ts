import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import { parseBatch, type Batch, type Order } from '../model';
import { calendarFor } from '../metrics/calendar';
import { mergeOrders } from '../model/merge';
import { marketplaceTimeZone } from '../marketplaces';
import type { RedlineDb, RedlineSchema } from './db';
import { LogEntry, OPEN_REACH, StoredDefect, StoredOrder, storedOrder, StoredReading } from './records';
import { scopeKey } from './scope';

/** The records a batch changed, as now stored. */
export interface WrittenRecords {
  orders: StoredOrder[];
  defects: StoredDefect[];
  readings: StoredReading[];
}

export interface ApplyCounts {
  ordersAdded: number;
  ordersUpdated: number;
  defects: number;
  readings: number;
  /** Scopes (account|marketplace) whose data changed: their reports must be recomputed. */
  changedScopes: string[];
  written: WrittenRecords;
}

const sameRecord = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes one reader batch in a single transaction: all of it or nothing, so a worker stopped
 * mid-write leaves the database as it was. Upserts are idempotent: the same batch twice changes
 * nothing; the same order from two sources merges field by field (newer observation wins).
 */
export async function applyBatch(db: RedlineDb, accountId: string, untrusted: Batch): Promise<ApplyCounts> {
  // Validate before the transaction opens: a bad record rejects the whole batch, none of it written.
  const batch = parseBatch(untrusted);
  const tx = db.transaction(['orders', 'defects', 'readings'], 'readwrite');
  try {
    return await writeBatch(tx, accountId, batch);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted (a failed request aborts its transaction): the original error is the one to report.
    }
    await tx.done.catch(() => {});
    throw error;
  }
}

async function writeBatch(tx: IDBPTransaction<RedlineSchema, ('orders' | 'defects' | 'readings')[], 'readwrite'>, accountId: string, batch: Batch): Promise<ApplyCounts> {
  const counts: ApplyCounts = { ordersAdded: 0, ordersUpdated: 0, defects: 0, readings: 0, changedScopes: [], written: { orders: [], defects: [], readings: [] } };
  const changed = new Set<string>();
  const orders = tx.objectStore('orders');
  const defects = tx.objectStore('defects');
  const readings = tx.objectStore('readings');

  const writes: Promise<unknown>[] = [];
  // Requests fail together with their transaction; `tx.done` below reports it. A put that fails while
  // the loop still awaits a get must not become an unhandled rejection in the worker meanwhile.
  const write = (request: Promise<unknown>) => {
    request.catch(() => {});
    writes.push(request);
  };
  const orderScopes = batch.orders.map((o) => scopeKey({ accountId, marketplaceId: o.marketplaceId }));
  const storedOrders = await existingOrders(orders, batch.orders, orderScopes);
  // The same order twice in one batch merges like two batches would: the second sees the first.
  const pending = new Map<string, StoredOrder>();
  for (const [i, order] of batch.orders.entries()) {
    const scope = orderScopes[i]!;
    const key = `${scope}\n${order.orderId}`;
    const stored = pending.get(key) ?? storedOrders[i];
    let next: StoredOrder;
    if (stored) {
      const { scope: _s, reachAt: _r, ...known } = stored;
      // A merge of two valid orders is checked again: a merge bug must not store a wrong shape.
      next = StoredOrder.parse(storedOrder(mergeOrders(known, order), scope));
      if (sameRecord(next, stored)) continue;
      counts.ordersUpdated++;
    } else {
      // New: the batch was validated as a whole (parseBatch); scope and reach are ours.
      next = storedOrder(order, scope);
      counts.ordersAdded++;
    }
    changed.add(scope);
    pending.set(key, next);
    write(orders.put(next));
  }
  // Defects too are asked for all at once; one seen twice in the batch is judged against the first.
  const defectScopes = batch.defects.map((d) => scopeKey({ accountId, marketplaceId: d.marketplaceId }));
  const storedDefects = await Promise.all(batch.defects.map((d, i) => defects.get([defectScopes[i]!, d.id])));
  const pendingDefects = new Map<string, StoredDefect>();
  for (const [i, defect] of batch.defects.entries()) {
    const scope = defectScopes[i]!;
    const key = `${scope}\n${defect.id}`;
    const stored = pendingDefects.get(key) ?? storedDefects[i];
    if (stored && stored.observedAt > defect.observedAt) continue;
    const next = StoredDefect.parse({ ...defect, scope });
    if (stored && sameRecord(next, stored)) continue;
    counts.defects++;
    changed.add(scope);
    pendingDefects.set(key, next);
    write(defects.put(next));
  }
  for (const reading of batch.readings) {
    const scope = scopeKey({ accountId, marketplaceId: reading.marketplaceId });
    // The engine's calendar: the reading's day is the day the report places it on.
    const calendar = calendarFor(marketplaceTimeZone(reading.marketplaceId));
    const day = calendar.dateOf(calendar.dayOf(reading.observedAt));
    const stored = await readings.get([scope, reading.metric, day]);
    // One reading per metric per day: the day's latest.
    if (stored && stored.observedAt >= reading.observedAt) continue;
    counts.readings++;
    changed.add(scope);
    const next = StoredReading.parse({ ...reading, scope, day });
    counts.written.readings.push(next);
    write(readings.put(next));
  }
  await Promise.all([...writes, tx.done]);
  counts.changedScopes = [...changed];
  counts.written.orders = [...pending.values()];
  counts.written.defects = [...pendingDefects.values()];
  return counts;
}

/** Above this many orders, a batch asks for the keys of its scopes first (an import), not for each order. */
const BULK_ORDERS = 2_000;

type OrderStore = IDBPObjectStore<RedlineSchema, ('orders' | 'defects' | 'readings')[], 'orders', 'readwrite'>;

/**
 * The stored version of each order of the batch, or undefined. A capture asks for each of its orders
 * at once (IndexedDB answers them back to back; awaiting each get would cost an event-loop round trip
 * per order). An import of tens of thousands, mostly new, first reads the keys its scopes hold and gets
 * only the orders that exist: a fresh import does no gets at all.
 */
async function existingOrders(store: OrderStore, batch: readonly Order[], scopes: readonly string[]): Promise<(StoredOrder | undefined)[]> {
  if (batch.length <= BULK_ORDERS) return Promise.all(batch.map((o, i) => store.get([scopes[i]!, o.orderId])));
  const held = new Set<string>();
  for (const scope of new Set(scopes)) {
    for (const [, orderId] of await store.index('scope').getAllKeys(scope)) held.add(`${scope}\n${orderId}`);
  }
  return Promise.all(batch.map((o, i) => (held.has(`${scopes[i]!}\n${o.orderId}`) ? store.get([scopes[i]!, o.orderId]) : undefined)));
}

export interface ScopeData {
  orders: Order[];
  defects: StoredDefect[];
  readings: StoredReading[];
}

/** Everything stored for one scope, ready for the engine. */
export async function loadScope(db: RedlineDb, scope: string): Promise<ScopeData> {
  const tx = db.transaction(['orders', 'defects', 'readings'], 'readonly');
  const [orders, defects, readings] = await Promise.all([
    tx.objectStore('orders').index('scope').getAll(scope),
    tx.objectStore('defects').index('scope').getAll(scope),
    tx.objectStore('readings').index('scope').getAll(scope),
  ]);
  await tx.done;
  return { orders, defects, readings };
}

/**
 * What one report needs of a scope: its defects and readings, the orders that reach `ordersFrom(readings)`
 * (the engine's `reportOrdersFrom`) and the orders with defects, whatever their age. The report on it
 * equals the report on everything stored (test/unit/storage/report-data.test.ts), at a fraction of the
 * records: a year's history is mostly orders shipped long ago.
 */
export async function loadForReport(db: RedlineDb, scope: string, ordersFrom: (readings: readonly StoredReading[]) => number): Promise<ScopeData> {
  const tx = db.transaction(['orders', 'defects', 'readings'], 'readonly');
  const orderStore = tx.objectStore('orders');
  const [defects, readings] = await Promise.all([tx.objectStore('defects').index('scope').getAll(scope), tx.objectStore('readings').index('scope').getAll(scope)]);
  const from = ordersFrom(readings);
  const defectOrderIds = [...new Set(defects.map((d) => d.orderId))];
  const [recent, ...withDefects] = await Promise.all([
    orderStore.index('scopeReach').getAll(IDBKeyRange.bound([scope, from], [scope, OPEN_REACH])),
    ...defectOrderIds.map((orderId) => orderStore.get([scope, orderId])),
  ]);
  await tx.done;
  const orders: Order[] = recent;
  for (const order of withDefects) if (order && !(order.reachAt >= from)) orders.push(order);
  return { orders, defects, readings };
}

/** Every scope that has any data, for the account/marketplace switcher. */
export async function listScopes(db: RedlineDb): Promise<string[]> {
  const scopes = new Set<string>();
  for (const store of ['orders', 'defects', 'readings'] as const) {
    // One seek per scope: from each scope straight to the smallest key after it (`scope + '\0'`).
    // A 'nextunique' cursor walks every entry of the index in Chromium: 100,000 orders, seconds.
    let cursor = await db.transaction(store).store.index('scope').openKeyCursor();
    while (cursor) {
      scopes.add(cursor.key);
      cursor = await cursor.continue(`${cursor.key}\0`);
    }
  }
  return [...scopes].sort();
}

/**
 * Drops every record older than `cutoff` (retention, settings.retentionDays): orders by order date,
 * defects by their date, readings by when they were taken. Orders and defects are found through their
 * date indexes, so the alarm's daily-nothing-to-do costs a seek per scope, not a walk over a year of
 * orders in a read-write transaction (which held up every other request for seconds).
 */
export async function pruneBefore(db: RedlineDb, cutoff: number): Promise<number> {
  const scopes = await listScopes(db);
  const tx = db.transaction(['orders', 'defects', 'readings'], 'readwrite');
  let removed = 0;
  const dated = [tx.objectStore('orders').index('scopeOrderDate'), tx.objectStore('defects').index('scopeDate')] as const;
  for (const scope of scopes) {
    const before = IDBKeyRange.bound([scope, Number.NEGATIVE_INFINITY], [scope, cutoff], false, true);
    for (const index of dated) {
      let cursor = await index.openCursor(before);
      while (cursor) {
        void cursor.delete();
        removed++;
        cursor = await cursor.continue();
      }
    }
  }
  // One reading per metric per day: a few thousand at most.
  let cursor = await tx.objectStore('readings').openCursor();
  while (cursor) {
    if (cursor.value.observedAt < cutoff) {
      void cursor.delete();
      removed++;
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  return removed;
}

const LOG_KEEP = 500;

/** Records a capture or import outcome, keeping the latest few hundred entries. */
export async function appendLog(db: RedlineDb, entry: LogEntry): Promise<void> {
  const tx = db.transaction('log', 'readwrite');
  // Paths and reasons come from pages and readers: cut to what the log keeps, so an odd one is still logged.
  const clipped = { ...entry, source: entry.source.slice(0, 300), ...(entry.detail !== undefined ? { detail: entry.detail.slice(0, 500) } : {}) };
  const { seq: _seq, ...rest } = LogEntry.parse(clipped);
  await tx.store.add(rest);
  const count = await tx.store.count();
  if (count > LOG_KEEP) {
    let cursor = await tx.store.openCursor();
    for (let excess = count - LOG_KEEP; cursor && excess > 0; excess--) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}

export async function recentLog(db: RedlineDb, limit = 50): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  let cursor = await db.transaction('log').store.openCursor(null, 'prev');
  while (cursor && entries.length < limit) {
    entries.push(cursor.value);
    cursor = await cursor.continue();
  }
  return entries;
}

/** Deletes every record Redline holds (the seller's "delete all data"). */
export async function clearAll(db: RedlineDb): Promise<void> {
  const tx = db.transaction(['orders', 'defects', 'readings', 'log', 'meta'], 'readwrite');
  await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()));
  await tx.done;
}
