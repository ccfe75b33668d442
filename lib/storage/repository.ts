import type { IDBPTransaction } from 'idb';
import { parseBatch, type Batch, type Order } from '../model';
import { calendarFor } from '../metrics/calendar';
import { mergeOrders } from '../model/merge';
import { marketplaceTimeZone } from '../marketplaces';
import type { RedlineDb, RedlineSchema } from './db';
import { APPEND_BELOW, candidateDays, orderDayOf, orderPartRecord, PART_MAX, readOrderPart, type OrderDay, type OrderPart } from './order-days';
import { LogEntry, StoredDefect, StoredOrder, storedOrder, StoredReading } from './records';
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
  const tx = db.transaction(['orderDays', 'orderParts', 'defects', 'readings'], 'readwrite');
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

async function writeBatch(tx: WriteTx, accountId: string, batch: Batch): Promise<ApplyCounts> {
  const counts: ApplyCounts = { ordersAdded: 0, ordersUpdated: 0, defects: 0, readings: 0, changedScopes: [], written: { orders: [], defects: [], readings: [] } };
  const changed = new Set<string>();
  const defects = tx.objectStore('defects');
  const readings = tx.objectStore('readings');

  const writes: Promise<unknown>[] = [];
  // Requests fail together with their transaction; `tx.done` below reports it. A put that fails while
  // the loop still awaits a get must not become an unhandled rejection in the worker meanwhile.
  const write = (request: Promise<unknown>) => {
    request.catch(() => {});
    writes.push(request);
  };
  const orderWrites = await writeOrders(tx, accountId, batch.orders, write);
  counts.ordersAdded = orderWrites.added;
  counts.ordersUpdated = orderWrites.updated;
  for (const order of orderWrites.written) changed.add(order.scope);
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
  counts.written.orders = orderWrites.written;
  counts.written.defects = [...pendingDefects.values()];
  return counts;
}

type WriteStores = ('orderDays' | 'orderParts' | 'defects' | 'readings')[];
type WriteTx = IDBPTransaction<RedlineSchema, WriteStores, 'readwrite'>;

interface LoadedPart {
  scope: string;
  day: number;
  part: number;
  orders: Map<string, StoredOrder>;
}

/**
 * Merges a batch's orders into their parts (order-days.ts): reads the directories of every day an
 * order may be on, then the parts that hold the batch's known orders; writes the parts and directories
 * that changed (`write` collects the requests). The same order twice in one batch merges like two
 * batches would: the second sees the first. An order whose merged `orderDate` moves it to another day
 * leaves its old part.
 */
async function writeOrders(tx: WriteTx, accountId: string, batch: readonly Order[], write: (request: Promise<unknown>) => void) {
  const dayStore = tx.objectStore('orderDays');
  const partStore = tx.objectStore('orderParts');
  const scopes = batch.map((o) => scopeKey({ accountId, marketplaceId: o.marketplaceId }));
  const dayKey = (scope: string, day: number) => `${scope}\n${day}`;
  const partKey = (scope: string, day: number, part: number) => `${scope}\n${day}\n${part}`;
  const orderKey = (scope: string, orderId: string) => `${scope}\n${orderId}`;

  // The directories of every day the batch's orders may be on, asked all at once (IndexedDB answers them back to back).
  const wanted = new Map<string, [string, number]>();
  for (const [i, order] of batch.entries()) for (const day of candidateDays(order.orderDate)) wanted.set(dayKey(scopes[i]!, day), [scopes[i]!, day]);
  const directories = new Map<string, OrderDay>();
  for (const directory of await Promise.all([...wanted.values()].map((key) => dayStore.get(key)))) {
    if (directory) directories.set(dayKey(directory.scope, directory.day), directory);
  }
  const inBatch = new Set(batch.map((o, i) => orderKey(scopes[i]!, o.orderId)));
  const located = new Map<string, { day: number; part: number }>();
  for (const { scope, day, parts } of directories.values()) {
    for (const { part, ids } of parts) for (const id of ids) if (inBatch.has(orderKey(scope, id))) located.set(orderKey(scope, id), { day, part });
  }
  const loaded = new Map<string, LoadedPart>();
  const load = async (keys: Iterable<[string, number, number]>) => {
    for (const record of await Promise.all([...keys].map((key) => partStore.get(key)))) {
      if (record) loaded.set(partKey(record.scope, record.day, record.part), { ...record, orders: new Map(readOrderPart(record).map((o) => [o.orderId, o])) });
    }
  };
  const locatedParts = new Map<string, [string, number, number]>();
  for (const [key, { day, part }] of located) {
    const scope = key.slice(0, key.lastIndexOf('\n'));
    locatedParts.set(partKey(scope, day, part), [scope, day, part]);
  }
  await load(locatedParts.values());
  const storedOf = (scope: string, orderId: string) => {
    const at = located.get(orderKey(scope, orderId));
    return at && loaded.get(partKey(scope, at.day, at.part))?.orders.get(orderId);
  };

  // Merge, in batch order.
  const written = new Map<string, StoredOrder>();
  let added = 0;
  let updated = 0;
  for (const [i, order] of batch.entries()) {
    const scope = scopes[i]!;
    const key = orderKey(scope, order.orderId);
    const stored = written.get(key) ?? storedOf(scope, order.orderId);
    let next: StoredOrder;
    if (stored) {
      const { scope: _s, reachAt: _r, ...known } = stored;
      // A merge of two valid orders is checked again: a merge bug must not store a wrong shape.
      next = StoredOrder.parse(storedOrder(mergeOrders(known, order), scope));
      if (sameRecord(next, stored)) continue;
      updated++;
    } else {
      // New: the batch was validated as a whole (parseBatch); scope and reach are ours.
      next = storedOrder(order, scope);
      added++;
    }
    written.set(key, next);
  }

  // Place: in its part if its day stayed, else (new, or moved) with the day's new orders.
  const dirtyParts = new Set<string>();
  const dirtyDays = new Set<string>();
  const arriving = new Map<string, StoredOrder[]>();
  for (const [key, next] of written) {
    const at = located.get(key);
    const day = orderDayOf(next.orderDate);
    if (at) {
      const part = loaded.get(partKey(next.scope, at.day, at.part))!;
      if (at.day === day) {
        part.orders.set(next.orderId, next);
        dirtyParts.add(partKey(next.scope, at.day, at.part));
        continue;
      }
      part.orders.delete(next.orderId);
      dirtyParts.add(partKey(next.scope, at.day, at.part));
      const directory = directories.get(dayKey(next.scope, at.day))!;
      for (const entry of directory.parts) if (entry.part === at.part) entry.ids = entry.ids.filter((id) => id !== next.orderId);
      dirtyDays.add(dayKey(next.scope, at.day));
    }
    const list = arriving.get(dayKey(next.scope, day)) ?? [];
    list.push(next);
    arriving.set(dayKey(next.scope, day), list);
  }
  // A few arrivals join the day's last part while it is small (it is read first); many start parts of their own.
  const appendable = (directory: OrderDay | undefined, arrivals: number) => {
    const last = directory?.parts.findLast((p) => p.ids.length > 0);
    return arrivals < APPEND_BELOW && last && last.ids.length < APPEND_BELOW ? last : undefined;
  };
  const lastParts: [string, number, number][] = [];
  for (const [key, [first, ...others]] of arriving) {
    const last = appendable(directories.get(key), others.length + 1);
    if (last && !loaded.has(partKey(first!.scope, orderDayOf(first!.orderDate), last.part))) lastParts.push([first!.scope, orderDayOf(first!.orderDate), last.part]);
  }
  await load(lastParts);
  for (const [key, orders] of arriving) {
    const { scope } = orders[0]!;
    const day = orderDayOf(orders[0]!.orderDate);
    let directory = directories.get(key);
    if (!directory) directories.set(key, (directory = { scope, day, parts: [] }));
    dirtyDays.add(key);
    let rest = orders;
    const last = appendable(directory, orders.length);
    if (last) {
      const part = loaded.get(partKey(scope, day, last.part))!;
      const joining = rest.slice(0, APPEND_BELOW - last.ids.length);
      for (const order of joining) part.orders.set(order.orderId, order);
      last.ids.push(...joining.map((o) => o.orderId));
      dirtyParts.add(partKey(scope, day, last.part));
      rest = rest.slice(joining.length);
    }
    for (let start = 0; start < rest.length; start += PART_MAX) {
      const chunk = rest.slice(start, start + PART_MAX);
      const part = directory.parts.reduce((max, p) => Math.max(max, p.part + 1), 0);
      directory.parts.push({ part, ids: chunk.map((o) => o.orderId) });
      loaded.set(partKey(scope, day, part), { scope, day, part, orders: new Map(chunk.map((o) => [o.orderId, o])) });
      dirtyParts.add(partKey(scope, day, part));
    }
  }

  for (const key of dirtyParts) {
    const { scope, day, part, orders } = loaded.get(key)!;
    write(orders.size ? partStore.put(orderPartRecord(scope, day, part, [...orders.values()])) : partStore.delete([scope, day, part]));
  }
  for (const key of dirtyDays) {
    const directory = directories.get(key)!;
    const parts = directory.parts.filter((p) => p.ids.length > 0);
    write(parts.length ? dayStore.put({ ...directory, parts }) : dayStore.delete([directory.scope, directory.day]));
  }
  return { added, updated, written: [...written.values()] };
}

export interface ScopeData {
  orders: StoredOrder[];
  defects: StoredDefect[];
  readings: StoredReading[];
}

type ReadTx = IDBPTransaction<RedlineSchema, ('orderParts' | 'defects' | 'readings')[], 'readonly'>;

/** A scope's parts this many at a time: a year of a big seller is ~45 MB of JSON, read ~4 MB at a time. */
const PARTS_PER_READ = 32;

/** Every order of `scope` that `keep` keeps, read a few dozen parts at a time and parsed a part at a time. */
async function scopeOrders(tx: ReadTx, scope: string, keep: (order: StoredOrder) => boolean = () => true): Promise<StoredOrder[]> {
  const store = tx.objectStore('orderParts');
  const kept: StoredOrder[] = [];
  const end = [scope, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY] as [string, number, number];
  for (let after = [scope, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY] as [string, number, number]; ; ) {
    const records: OrderPart[] = await store.getAll(IDBKeyRange.bound(after, end, true), PARTS_PER_READ);
    for (const record of records) for (const order of readOrderPart(record)) if (keep(order)) kept.push(order);
    if (records.length < PARTS_PER_READ) return kept;
    const last = records.at(-1)!;
    after = [scope, last.day, last.part];
  }
}

/** Everything stored for one scope, ready for the engine. */
export async function loadScope(db: RedlineDb, scope: string): Promise<ScopeData> {
  const tx = db.transaction(['orderParts', 'defects', 'readings'], 'readonly');
  const [orders, defects, readings] = await Promise.all([
    scopeOrders(tx, scope),
    tx.objectStore('defects').index('scope').getAll(scope),
    tx.objectStore('readings').index('scope').getAll(scope),
  ]);
  await tx.done;
  return { orders, defects, readings };
}

/** Everything stored, every scope (the seller's export). */
export async function loadAll(db: RedlineDb): Promise<ScopeData> {
  const tx = db.transaction(['orderParts', 'defects', 'readings'], 'readonly');
  const [parts, defects, readings] = await Promise.all([tx.objectStore('orderParts').getAll(), tx.objectStore('defects').getAll(), tx.objectStore('readings').getAll()]);
  await tx.done;
  return { orders: parts.flatMap(readOrderPart), defects, readings };
}

/**
 * What one report needs of a scope: its defects and readings, the orders that reach `ordersFrom(readings)`
 * (the engine's `reportOrdersFrom`) and the orders with defects, whatever their age. The report on it
 * equals the report on everything stored (test/unit/storage/report-data.test.ts), at a fraction of the
 * orders: a year's history is mostly orders shipped long ago. The days are all read (a defect's order
 * may be on any of them: a defect does not say when its order was placed); only these orders are kept.
 */
export async function loadForReport(db: RedlineDb, scope: string, ordersFrom: (readings: readonly StoredReading[]) => number): Promise<ScopeData> {
  const tx = db.transaction(['orderParts', 'defects', 'readings'], 'readonly');
  const [defects, readings] = await Promise.all([tx.objectStore('defects').index('scope').getAll(scope), tx.objectStore('readings').index('scope').getAll(scope)]);
  const from = ordersFrom(readings);
  const withDefects = new Set(defects.map((d) => d.orderId));
  const orders = await scopeOrders(tx, scope, (order) => order.reachAt >= from || withDefects.has(order.orderId));
  await tx.done;
  return { orders, defects, readings };
}

/** Every scope that has any data, for the account/marketplace switcher. */
export async function listScopes(db: RedlineDb): Promise<string[]> {
  const scopes = new Set<string>();
  // One seek per scope: from each scope straight to the smallest key after it (`scope + '\0'`).
  // A 'nextunique' cursor walks every entry of the index in Chromium: 100,000 orders, seconds.
  let days = await db.transaction('orderDays').store.openKeyCursor();
  while (days) {
    scopes.add(days.key[0]);
    days = await days.continue([`${days.key[0]}\0`] as unknown as [string, number]);
  }
  for (const store of ['defects', 'readings'] as const) {
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
 * defects by their date, readings by when they were taken. Orders are found by their days' keys and
 * defects through their date index, so the alarm's daily-nothing-to-do costs a seek per scope, not a
 * walk over a year of orders in a read-write transaction (which held up every other request for seconds).
 */
export async function pruneBefore(db: RedlineDb, cutoff: number): Promise<number> {
  const scopes = await listScopes(db);
  const tx = db.transaction(['orderDays', 'orderParts', 'defects', 'readings'], 'readwrite');
  let removed = 0;
  const cutoffDay = orderDayOf(cutoff);
  for (const scope of scopes) {
    // Orders: the days before the cutoff's day go whole; that day keeps its orders from the cutoff on.
    let day = await tx.objectStore('orderDays').openCursor(IDBKeyRange.bound([scope, Number.NEGATIVE_INFINITY], [scope, cutoffDay]));
    while (day) {
      const directory = day.value;
      const parts = tx.objectStore('orderParts');
      if (directory.day < cutoffDay) {
        removed += directory.parts.reduce((n, p) => n + p.ids.length, 0);
        void parts.delete(IDBKeyRange.bound([scope, directory.day, Number.NEGATIVE_INFINITY], [scope, directory.day, Number.POSITIVE_INFINITY]));
        void day.delete();
      } else {
        const kept: OrderDay['parts'] = [];
        for (const { part } of directory.parts) {
          const orders = readOrderPart((await parts.get([scope, directory.day, part]))!);
          const staying = orders.filter((o) => o.orderDate >= cutoff);
          removed += orders.length - staying.length;
          if (staying.length) kept.push({ part, ids: staying.map((o) => o.orderId) });
          if (!staying.length) void parts.delete([scope, directory.day, part]);
          else if (staying.length < orders.length) void parts.put(orderPartRecord(scope, directory.day, part, staying));
        }
        if (!kept.length) void day.delete();
        else void day.update({ ...directory, parts: kept });
      }
      day = await day.continue();
    }
    let cursor = await tx.objectStore('defects').index('scopeDate').openCursor(IDBKeyRange.bound([scope, Number.NEGATIVE_INFINITY], [scope, cutoff], false, true));
    while (cursor) {
      void cursor.delete();
      removed++;
      cursor = await cursor.continue();
    }
  }
  // One reading per metric per day: a few thousand at most.
  let reading = await tx.objectStore('readings').openCursor();
  while (reading) {
    if (reading.value.observedAt < cutoff) {
      void reading.delete();
      removed++;
    }
    reading = await reading.continue();
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
  const seq = await tx.store.add(rest);
  // Keys count up: everything LOG_KEEP entries before this one goes in one request (no count, no cursor walk).
  void tx.store.delete(IDBKeyRange.upperBound(seq - LOG_KEEP));
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
  const tx = db.transaction(['orderDays', 'orderParts', 'defects', 'readings', 'log', 'meta'], 'readwrite');
  await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()));
  await tx.done;
}
