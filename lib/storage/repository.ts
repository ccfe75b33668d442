import type { IDBPTransaction } from 'idb';
import { parseBatch, type AmazonReading, type Batch, type PolicyReading } from '../model';
import { calendarFor } from '../metrics/calendar';
import { marketplaceTimeZone } from '../marketplaces';
import type { RedlineDb } from './db';
import { orderDayOf, orderPartRecord, readOrderPart, type OrderDay, type OrderPart } from './order-days';
import { sameRecord, writeOrders, type WriteTx } from './order-writes';
import { LogEntry, StoredDefect, StoredOrder, StoredPolicyReading, StoredReading } from './records';
import type { RedlineSchema } from './schema';
import { scopeKey } from './scope';

/** The records a batch changed, as now stored. */
export interface WrittenRecords {
  orders: StoredOrder[];
  defects: StoredDefect[];
  readings: StoredReading[];
  policies: StoredPolicyReading[];
}

export interface ApplyCounts {
  ordersAdded: number;
  ordersUpdated: number;
  defects: number;
  readings: number;
  policies: number;
  /** Scopes (account|marketplace) whose data changed: their reports must be recomputed. */
  changedScopes: string[];
  written: WrittenRecords;
}

/**
 * Writes one reader batch in a single transaction: all of it or nothing, so a worker stopped
 * mid-write leaves the database as it was. Upserts are idempotent: the same batch twice changes
 * nothing; the same order from two sources merges field by field (newer observation wins).
 */
/** Counts of a batch before anything of it is written. */
function noneApplied(): ApplyCounts {
  return {
    ordersAdded: 0,
    ordersUpdated: 0,
    defects: 0,
    readings: 0,
    policies: 0,
    changedScopes: [],
    written: { orders: [], defects: [], readings: [], policies: [] },
  };
}

export async function applyBatch(db: RedlineDb, accountId: string, untrusted: Batch): Promise<ApplyCounts> {
  // Validate before the transaction opens: a bad record rejects the whole batch, none of it written.
  const batch = parseBatch(untrusted);
  // Nothing to write (a table's counts, an empty page): no transaction, so it never waits behind a long import's.
  if (!batch.orders.length && !batch.defects.length && !batch.readings.length && !batch.policies?.length) {
    return noneApplied();
  }
  const tx = db.transaction(['orderDays', 'orderParts', 'defects', 'readings', 'policyReadings'], 'readwrite');
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
  const counts = noneApplied();
  const changed = new Set<string>();
  const defects = tx.objectStore('defects');
  const readings = tx.objectStore('readings');
  const policies = tx.objectStore('policyReadings');

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
  const newer = { accountId, changed };
  const readingsKey = (r: AmazonReading, scope: string, day: string): [string, string, string] => [scope, r.metric, day];
  for (const { record, scope, day } of await newerOfDay(newer, batch.readings, readingsKey, (key) => readings.get(key))) {
    const next = StoredReading.parse({ ...record, scope, day });
    counts.written.readings.push(next);
    write(readings.put(next));
  }
  const policyKey = (p: PolicyReading, scope: string, day: string): [string, string, string] => [scope, p.category, day];
  for (const { record, scope, day } of await newerOfDay(newer, batch.policies ?? [], policyKey, (key) => policies.get(key))) {
    const next = StoredPolicyReading.parse({ ...record, scope, day });
    counts.written.policies.push(next);
    write(policies.put(next));
  }
  counts.readings = counts.written.readings.length;
  counts.policies = counts.written.policies.length;
  await Promise.all([...writes, tx.done]);
  counts.changedScopes = [...changed];
  counts.written.orders = orderWrites.written;
  counts.written.defects = [...pendingDefects.values()];
  return counts;
}

/**
 * One reading per metric (or policy category) per marketplace day, the day's latest: the readings newer
 * than the one stored for their day (and than any other of the batch for it), with their scope and day
 * (the engine's calendar: the day the report places them on). Their scopes are marked changed.
 */
async function newerOfDay<R extends { marketplaceId: string; observedAt: number }>(
  { accountId, changed }: { accountId: string; changed: Set<string> },
  records: readonly R[],
  keyOf: (record: R, scope: string, day: string) => [string, string, string],
  stored: (key: [string, string, string]) => Promise<{ observedAt: number } | undefined>,
): Promise<{ record: R; scope: string; day: string }[]> {
  const newer = new Map<string, { record: R; scope: string; day: string }>();
  for (const record of records) {
    const calendar = calendarFor(marketplaceTimeZone(record.marketplaceId));
    const scope = scopeKey({ accountId, marketplaceId: record.marketplaceId });
    const day = calendar.dateOf(calendar.dayOf(record.observedAt));
    const key = keyOf(record, scope, day);
    const id = key.join('\n');
    const known = newer.get(id)?.record ?? (await stored(key));
    if (known && known.observedAt >= record.observedAt) continue;
    changed.add(scope);
    newer.set(id, { record, scope, day });
  }
  return [...newer.values()];
}

export interface ScopeData {
  orders: StoredOrder[];
  defects: StoredDefect[];
  readings: StoredReading[];
  policies: StoredPolicyReading[];
}

type ReadTx = IDBPTransaction<RedlineSchema, ('orderParts' | 'defects' | 'readings' | 'policyReadings')[], 'readonly'>;
const READ_STORES = ['orderParts', 'defects', 'readings', 'policyReadings'] as const;

/** A scope's parts this many at a time: a year of a big seller is ~45 MB of JSON, read ~4 MB at a time. */
const PARTS_PER_READ = 32;

/** Every order of `scope` that `keep` keeps, read a few dozen parts at a time and parsed a part at a time. */
async function scopeOrders(tx: ReadTx, scope: string, keep: (order: StoredOrder) => boolean = () => true): Promise<StoredOrder[]> {
  const store = tx.objectStore('orderParts');
  const kept: StoredOrder[] = [];
  const end = [scope, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY] as [string, number, number];
  for (let after = [scope, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY] as [string, number, number]; ;) {
    const records: OrderPart[] = await store.getAll(IDBKeyRange.bound(after, end, true), PARTS_PER_READ);
    for (const record of records) for (const order of readOrderPart(record)) if (keep(order)) kept.push(order);
    if (records.length < PARTS_PER_READ) return kept;
    const last = records.at(-1)!;
    after = [scope, last.day, last.part];
  }
}

/** Everything stored for one scope, ready for the engine. */
export async function loadScope(db: RedlineDb, scope: string): Promise<ScopeData> {
  const tx = db.transaction(READ_STORES, 'readonly');
  const [orders, defects, readings, policies] = await Promise.all([
    scopeOrders(tx, scope),
    tx.objectStore('defects').index('scope').getAll(scope),
    tx.objectStore('readings').index('scope').getAll(scope),
    tx.objectStore('policyReadings').index('scope').getAll(scope),
  ]);
  await tx.done;
  return { orders, defects, readings, policies };
}

/** Everything stored, every scope (the seller's export). */
export async function loadAll(db: RedlineDb): Promise<ScopeData> {
  const tx = db.transaction(READ_STORES, 'readonly');
  const [parts, defects, readings, policies] = await Promise.all([
    tx.objectStore('orderParts').getAll(),
    tx.objectStore('defects').getAll(),
    tx.objectStore('readings').getAll(),
    tx.objectStore('policyReadings').getAll(),
  ]);
  await tx.done;
  return { orders: parts.flatMap(readOrderPart), defects, readings, policies };
}

/**
 * What one report needs of a scope: its defects and readings, the orders that reach `ordersFrom(readings)`
 * (the engine's `reportOrdersFrom`) and the orders with defects, whatever their age. The report on it
 * equals the report on everything stored (test/unit/storage/report-data.test.ts), at a fraction of the
 * orders: a year's history is mostly orders shipped long ago. The days are all read (a defect's order
 * may be on any of them: a defect does not say when its order was placed); only these orders are kept.
 */
export async function loadForReport(db: RedlineDb, scope: string, ordersFrom: (readings: readonly StoredReading[]) => number): Promise<ScopeData> {
  const tx = db.transaction(READ_STORES, 'readonly');
  const [defects, readings, policies] = await Promise.all([
    tx.objectStore('defects').index('scope').getAll(scope),
    tx.objectStore('readings').index('scope').getAll(scope),
    tx.objectStore('policyReadings').index('scope').getAll(scope),
  ]);
  const from = ordersFrom(readings);
  const withDefects = new Set(defects.map((d) => d.orderId));
  const orders = await scopeOrders(tx, scope, (order) => order.reachAt >= from || withDefects.has(order.orderId));
  await tx.done;
  return { orders, defects, readings, policies };
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
  for (const store of ['defects', 'readings', 'policyReadings'] as const) {
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
  const tx = db.transaction(['orderDays', 'orderParts', 'defects', 'readings', 'policyReadings'], 'readwrite');
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
    let cursor = await tx
      .objectStore('defects')
      .index('scopeDate')
      .openCursor(IDBKeyRange.bound([scope, Number.NEGATIVE_INFINITY], [scope, cutoff], false, true));
    while (cursor) {
      void cursor.delete();
      removed++;
      cursor = await cursor.continue();
    }
  }
  // One reading per metric (or policy category) per day: a few thousand at most.
  for (const store of ['readings', 'policyReadings'] as const) {
    let reading = await tx.objectStore(store).openCursor();
    while (reading) {
      if (reading.value.observedAt < cutoff) {
        void reading.delete();
        removed++;
      }
      reading = await reading.continue();
    }
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

/**
 * Adds what a page looked like to the newest log entry, when that entry is the failure of the same
 * page (`source`) within `withinMs` of `at` and has no shape yet: the content script learns that its
 * extraction was not recognized from the worker's answer, then sends the page's shape. True if amended.
 */
export async function amendLatestFailure(
  db: RedlineDb,
  source: string,
  at: number,
  withinMs: number,
  patch: Pick<LogEntry, 'page' | 'missing' | 'shape'>,
): Promise<boolean> {
  const tx = db.transaction('log', 'readwrite');
  const cursor = await tx.store.openCursor(null, 'prev');
  const latest = cursor?.value;
  const amend = !!latest && !latest.ok && !latest.shape && latest.source === source.slice(0, 300) && Math.abs(at - latest.at) <= withinMs;
  if (amend) await cursor.update(LogEntry.parse({ ...latest, ...patch }));
  await tx.done;
  return amend;
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
  const tx = db.transaction(['orderDays', 'orderParts', 'defects', 'readings', 'policyReadings', 'log', 'meta'], 'readwrite');
  await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()));
  await tx.done;
}
