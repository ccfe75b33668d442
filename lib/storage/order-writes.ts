/** Writing a batch's orders into their parts of a day (order-days.ts); repository.ts `applyBatch` calls it in its transaction. */
import type { IDBPTransaction } from 'idb';
import type { Order } from '../model';
import { mergeOrders } from '../model/merge';
import { APPEND_BELOW, candidateDays, orderDayOf, orderPartRecord, PART_MAX, readOrderPart, type OrderDay } from './order-days';
import { StoredOrder, storedOrder } from './records';
import type { RedlineSchema } from './schema';
import { scopeKey } from './scope';

/** The same stored record: a write that changes nothing is not made. */
export const sameRecord = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type WriteStores = ('orderDays' | 'orderParts' | 'defects' | 'readings' | 'policyReadings')[];
export type WriteTx = IDBPTransaction<RedlineSchema, WriteStores, 'readwrite'>;

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
export async function writeOrders(tx: WriteTx, accountId: string, batch: readonly Order[], write: (request: Promise<unknown>) => void) {
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
  const located = new Map<string, { scope: string; day: number; part: number }>();
  for (const { scope, day, parts } of directories.values()) {
    for (const { part, ids } of parts) for (const id of ids) if (inBatch.has(orderKey(scope, id))) located.set(orderKey(scope, id), { scope, day, part });
  }
  const loaded = new Map<string, LoadedPart>();
  const load = async (keys: Iterable<[string, number, number]>) => {
    for (const record of await Promise.all([...keys].map((key) => partStore.get(key)))) {
      if (record) loaded.set(partKey(record.scope, record.day, record.part), { ...record, orders: new Map(readOrderPart(record).map((o) => [o.orderId, o])) });
    }
  };
  const locatedParts = new Map<string, [string, number, number]>();
  for (const { scope, day, part } of located.values()) locatedParts.set(partKey(scope, day, part), [scope, day, part]);
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
  const arriving = new Map<string, { scope: string; day: number; orders: StoredOrder[] }>();
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
    const newDay = dayKey(next.scope, day);
    if (!arriving.has(newDay)) arriving.set(newDay, { scope: next.scope, day, orders: [] });
    arriving.get(newDay)!.orders.push(next);
  }
  // A few arrivals join the day's last part while it is small (it is read first); many start parts of their own.
  const appendable = (directory: OrderDay | undefined, arrivals: number) => {
    const last = directory?.parts.findLast((p) => p.ids.length > 0);
    return arrivals < APPEND_BELOW && last && last.ids.length < APPEND_BELOW ? last : undefined;
  };
  const lastParts: [string, number, number][] = [];
  for (const [key, { scope, day, orders }] of arriving) {
    const last = appendable(directories.get(key), orders.length);
    if (last && !loaded.has(partKey(scope, day, last.part))) lastParts.push([scope, day, last.part]);
  }
  await load(lastParts);
  for (const [key, { scope, day, orders }] of arriving) {
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
