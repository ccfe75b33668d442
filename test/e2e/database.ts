/**
 * The extension's IndexedDB as the worker sees it, for browser tests: every store read in one
 * transaction (a consistent snapshot), and a way to delete the database as the seller would by
 * clearing the extension's site data.
 */
import type { Page } from 'playwright-core';
import type { ExtensionGlobal, Harness } from './harness';

export interface StoredSnapshot {
  orders: ({ scope: string; orderId: string; status?: string } & Record<string, unknown>)[];
  defects: ({ scope: string; id: string } & Record<string, unknown>)[];
  readings: ({ scope: string; metric: string } & Record<string, unknown>)[];
  log: { ok: boolean; reason?: string; source: string; origin: string }[];
  meta: Record<string, unknown>;
}

export function readDatabase(h: Harness): Promise<StoredSnapshot> {
  return h.evaluateInServiceWorker(
    () =>
      new Promise<StoredSnapshot>((resolve, reject) => {
        const open = indexedDB.open('redline');
        const empty: StoredSnapshot = { orders: [], defects: [], readings: [], log: [], meta: {} };
        // No database yet: do not create an empty one (the worker's own open would then find no stores).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve(empty) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const names = ['orders', 'defects', 'readings', 'log', 'meta'].filter((n) => db.objectStoreNames.contains(n));
          if (names.length < 5) {
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
          const keys = new Promise<IDBValidKey[]>((res) => {
            const req = tx.objectStore('meta').getAllKeys();
            req.onsuccess = () => res(req.result);
          });
          void Promise.all([all('orders'), all('defects'), all('readings'), all('log'), all('meta'), keys]).then(([orders, defects, readings, log, metaValues, metaKeys]) => {
            db.close();
            const meta = Object.fromEntries(metaKeys.map((k, i) => [String(k), metaValues[i]]));
            resolve({ orders, defects, readings, log, meta } as StoredSnapshot);
          });
        };
      }),
  );
}

/** Deletes the whole database from the worker (what "clear site data" does to the extension). */
export function deleteDatabase(h: Harness): Promise<string> {
  return h.evaluateInServiceWorker(
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
  const envelope = (await page.evaluate((m) => (globalThis as ExtensionGlobal).chrome.runtime.sendMessage(m), message)) as { ok: boolean; value?: T; error?: string };
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
