/**
 * The extension's IndexedDB as its background sees it, for browser tests in either browser: every store read in one
 * transaction (a consistent snapshot), and a way to delete the database as the seller would by
 * clearing the extension's site data.
 */
import type { Page } from 'playwright-core';
import { ENGINE_CHECKS } from '../../lib/background/prevention';
import { computeHealthReport, type HealthData } from '../../lib/metrics';
import type { Settings } from '../../lib/model';
import type { ExtensionDriver } from './driver';
import type { ExtensionGlobal } from './harness';

/** Where the reads run: any context of the extension's origin (a Chromium `Harness`, any `ExtensionDriver`). */
type InExtension = Pick<ExtensionDriver, 'evaluateInExtension'>;

export interface StoredSnapshot {
  orders: ({ scope: string; orderId: string; status?: string } & Record<string, unknown>)[];
  defects: ({ scope: string; id: string } & Record<string, unknown>)[];
  readings: ({ scope: string; metric: string } & Record<string, unknown>)[];
  /** Amazon's policy categories (schema v5). */
  policies: ({ scope: string; category: string } & Record<string, unknown>)[];
  log: { ok: boolean; reason?: string; source: string; origin: string }[];
  meta: Record<string, unknown>;
}

export function readDatabase(h: InExtension): Promise<StoredSnapshot> {
  return h.evaluateInExtension(
    () =>
      new Promise<StoredSnapshot>((resolve, reject) => {
        const open = indexedDB.open('redline');
        const empty: StoredSnapshot = { orders: [], defects: [], readings: [], policies: [], log: [], meta: {} };
        // No database yet: do not create an empty one (the worker's own open would then find no stores).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve(empty) : reject(open.error ?? new Error('open failed')));
        open.onsuccess = () => {
          const db = open.result;
          const names = ['orderParts', 'defects', 'readings', 'policyReadings', 'log', 'meta'].filter((n) => db.objectStoreNames.contains(n));
          if (names.length < 6) {
            db.close();
            resolve(empty);
            return;
          }
          const tx = db.transaction(names, 'readonly');
          const all = (name: string) =>
            new Promise<unknown[]>((res) => {
              const req = tx.objectStore(name).getAll();
              req.onsuccess = () => res(req.result);
            });
          const keys = new Promise<string[]>((res) => {
            const req = tx.objectStore('meta').getAllKeys();
            req.onsuccess = () => res(req.result as string[]); // the meta store's keys are names (lib/storage/schema.ts)
          });
          void Promise.all([all('orderParts'), all('defects'), all('readings'), all('policyReadings'), all('log'), all('meta'), keys]).then(
            ([parts, defects, readings, policies, log, metaValues, metaKeys]) => {
              db.close();
              const meta = Object.fromEntries(metaKeys.map((k, i) => [k, metaValues[i]]));
              // Orders are stored in parts of a day (lib/storage/order-days.ts): listed one by one here.
              const orders = (parts as { orders: string }[]).flatMap((part) => JSON.parse(part.orders) as unknown[]);
              resolve({ orders, defects, readings, policies, log, meta } as StoredSnapshot);
            },
          );
        };
      }),
  );
}

/** Deletes the whole database from the worker (what "clear site data" does to the extension). */
export function deleteDatabase(h: InExtension): Promise<string> {
  return h.evaluateInExtension(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.deleteDatabase('redline');
        request.onsuccess = () => resolve('deleted');
        request.onerror = () => resolve(`error: ${String(request.error)}`);
        request.onblocked = () => resolve('blocked');
      }),
  );
}

/** Sends a message to the worker from an extension page, as the popup and options page do; returns the envelope's value. */
export async function ask<T = unknown>(page: Page, message: Record<string, unknown>): Promise<T> {
  const envelope = (await page.evaluate((m) => (globalThis as ExtensionGlobal).chrome.runtime.sendMessage(m), message)) as {
    ok: boolean;
    value?: T;
    error?: string;
  };
  if (!envelope?.ok) throw new Error(envelope?.error ?? 'no answer');
  return envelope.value as T;
}

/** Polls `read` until `ok` holds (captures are asynchronous: page → bridge → content script → worker → IndexedDB). */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Lighter reads for big databases (tens of thousands of orders), in the worker: one store's primary
 * keys, records by key, all its records, or a count. `readDatabase` ships every record of every store.
 * A read waits for any write transaction on its store to end. `orders` reads the `orderParts` store and
 * answers as if each order were a record keyed `[scope, orderId]` (lib/storage/order-days.ts).
 */
type StoreName = 'orders' | 'defects' | 'readings' | 'policyReadings' | 'log';
export function storedKeys(h: InExtension, store: StoreName): Promise<IDBValidKey[]> {
  return inStore(h, store, { op: 'keys' }) as Promise<IDBValidKey[]>;
}
export function storedRecords(h: InExtension, store: StoreName, keys: IDBValidKey[]): Promise<unknown[]> {
  return inStore(h, store, { op: 'get', keys }) as Promise<unknown[]>;
}
export function storedAll<T = unknown>(h: InExtension, store: StoreName): Promise<T[]> {
  return inStore(h, store, { op: 'all' }) as Promise<T[]>;
}
export function storedCount(h: InExtension, store: StoreName): Promise<number> {
  return inStore(h, store, { op: 'count' }) as Promise<number>;
}

type StoreQuery = { op: 'keys' } | { op: 'all' } | { op: 'count' } | { op: 'get'; keys: IDBValidKey[] };

function inStore(h: InExtension, store: string, query: StoreQuery): Promise<unknown> {
  return h.evaluateInExtension(
    ({ store: name, query: q }: { store: string; query: StoreQuery }) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('redline');
        open.onupgradeneeded = () => open.transaction?.abort(); // no database yet: do not make one
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve(q.op === 'count' ? 0 : []) : reject(open.error ?? new Error('open failed')));
        open.onsuccess = () => {
          const db = open.result;
          const done = (value: unknown) => {
            db.close();
            resolve(value);
          };
          if (name === 'orders') {
            const tx = db.transaction('orderParts', 'readonly');
            const request = tx.objectStore('orderParts').getAll();
            tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
            request.onsuccess = () => {
              const orders = (request.result as { orders: string }[]).flatMap((part) => JSON.parse(part.orders) as { scope: string; orderId: string }[]);
              const key = (scope: unknown, orderId: unknown) => `${String(scope)}\n${String(orderId)}`;
              const byKey = new Map(orders.map((o) => [key(o.scope, o.orderId), o]));
              if (q.op === 'keys') done(orders.map((o) => [o.scope, o.orderId]));
              else if (q.op === 'all') done(orders);
              else if (q.op === 'count') done(orders.length);
              else done(q.keys.map((k) => byKey.get(key((k as unknown[])[0], (k as unknown[])[1]))));
            };
            return;
          }
          const tx = db.transaction(name, 'readonly');
          const objects = tx.objectStore(name);
          if (q.op === 'keys' || q.op === 'all') {
            const request = q.op === 'keys' ? objects.getAllKeys() : objects.getAll();
            request.onsuccess = () => done(request.result);
          } else if (q.op === 'count') {
            const request = objects.count();
            request.onsuccess = () => done(request.result);
          } else {
            const found: unknown[] = new Array(q.keys.length);
            q.keys.forEach((key, i) => {
              const request = objects.get(key);
              request.onsuccess = () => (found[i] = request.result);
            });
            tx.oncomplete = () => done(found);
          }
          tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
        };
      }),
    { store, query },
  );
}

/**
 * Waits until the worker's report for `marketplaceId` is the engine's report on `data`, computed as of
 * the report's own time with the stored settings: what the worker shows after an uninterrupted write of
 * exactly that data. The worker recomputes after it answers a write, so the report is polled, not assumed.
 */
export async function untilReportIs(page: Page, marketplaceId: string, data: HealthData, timeoutMs = 90_000): Promise<void> {
  const settings = await ask<Settings>(page, { type: 'getSettings' });
  const scope = `default|${marketplaceId}`;
  let last = 'none';
  await until(
    () => ask<{ report: ReturnType<typeof computeHealthReport> | null }>(page, { type: 'getPopupState', scope }),
    ({ report }) => {
      if (!report) return false;
      last = JSON.stringify(report).slice(0, 300);
      return JSON.stringify(report) === JSON.stringify(computeHealthReport(data, report.asOf, settings, marketplaceId, ENGINE_CHECKS));
    },
    'the report on the expected data',
    timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; the last report began ${last}`);
  });
}
