/**
 * The extension's MV3 service worker, stopped on purpose: as the browser does when it ends a worker
 * (idle, or busy past its limits), through the DevTools protocol (`ServiceWorker.stopWorker`), and a
 * hook that holds one IndexedDB write transaction open so the stop lands in the middle of a batch.
 *
 *   const worker = await controlWorker(h);
 *   await worker.holdWrites('orderDays', 50);    // the 50th put on `orderDays` from now keeps its transaction open
 *   … start an import or a capture …
 *   await worker.whenHolding();                  // that transaction is open, with its puts pending
 *   await worker.stop();                         // the worker is gone; its transaction never commits
 *   await worker.wake(page);                     // a message from an extension page starts it again
 *
 * Or, instead of stopping it, `await worker.release()`: the held transaction commits, and whatever queued
 * behind it (other captures, another import) runs after it, as when writes arrive at once.
 * `failWrites('QuotaExceededError', …)` makes every put throw as on a full disk (Chromium does not apply a
 * quota to an extension with `unlimitedStorage`, even under `Storage.overrideQuotaForOrigin`).
 *
 * Never evaluate in the worker while it is stopped (Playwright closes the whole context then): wake it
 * first. The Worker handle Playwright gave stays valid for the restarted worker.
 */
import type { CDPSession, Page } from 'playwright-core';
import { launchHarness, type ExtensionGlobal, type Harness, type HarnessOptions } from './harness';

interface VersionInfo {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

export interface WorkerControl {
  /** From the `count`-th put on `store` on, that put's transaction is kept open (by chained reads) until released or the worker stops. */
  holdWrites(store: string, count: number): Promise<void>;
  /** Resolves once a transaction is held; says how many puts on the store it had issued by then. */
  whenHolding(timeoutMs?: number): Promise<number>;
  /** Lets the held transaction commit. */
  release(): Promise<void>;
  /** Every put from now on throws `new DOMException(message, name)`, as a full disk makes it fail (`QuotaExceededError`). */
  failWrites(name: string, message: string): Promise<void>;
  /** Puts work again (no hold, no failure). */
  restoreWrites(): Promise<void>;
  /** Stops the worker and resolves once the browser says it has stopped. */
  stop(): Promise<void>;
  /** Sends a message from `page` (an extension page) so the worker starts again; resolves once it runs. */
  wake(page: Page): Promise<void>;
  /** How many times the worker has stopped since this control was made. */
  readonly stops: number;
  close(): Promise<void>;
}

export async function controlWorker(h: Harness): Promise<WorkerControl> {
  const scriptPrefix = `chrome-extension://${h.extensionId}/`;
  // A page of its own: the session lives as long as the control, whatever the test opens and closes.
  const anchor = await h.context.newPage();
  const cdp: CDPSession = await h.context.newCDPSession(anchor);
  let version: VersionInfo | undefined;
  let stops = 0;
  const listeners = new Set<() => void>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: VersionInfo[] }) => {
    for (const v of event.versions) {
      if (!v.scriptURL.startsWith(scriptPrefix)) continue;
      if (v.runningStatus === 'stopped' && version?.runningStatus !== 'stopped') stops++;
      version = v;
    }
    for (const listener of listeners) listener();
  });
  await cdp.send('ServiceWorker.enable');

  const waitFor = (status: VersionInfo['runningStatus'], timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (version?.runningStatus !== status) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`the service worker did not become ${status} (it is ${version?.runningStatus ?? 'unknown'})`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });

  return {
    get stops() {
      return stops;
    },
    async holdWrites(store, count) {
      await hookPuts(h, { hold: { store, after: count, puts: 0, held: null, released: false } });
    },
    async failWrites(name, message) {
      await hookPuts(h, { fail: { name, message } });
    },
    async restoreWrites() {
      await hookPuts(h, {});
    },
    async whenHolding(timeoutMs = 120_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const held = await h.evaluateInServiceWorker(() => (globalThis as unknown as { __redlinePutHook?: PutHook }).__redlinePutHook?.hold?.held ?? null);
        if (held !== null) return held;
        if (Date.now() > end) throw new Error('no write transaction was held');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async release() {
      await h.evaluateInServiceWorker(() => {
        const hold = (globalThis as unknown as { __redlinePutHook?: PutHook }).__redlinePutHook?.hold;
        if (hold) hold.released = true;
      });
    },
    async stop() {
      if (!version) throw new Error('no service worker of the extension is known');
      await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
      await waitFor('stopped');
    },
    async wake(page) {
      await page.evaluate(() => (globalThis as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'getSettings' }).catch(() => undefined));
      await waitFor('running');
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await anchor.close().catch(() => undefined);
    },
  };
}

interface PutHook {
  hold?: { store: string; after: number; puts: number; held: number | null; released: boolean };
  fail?: { name: string; message: string };
}

/**
 * Installs (once per worker) a wrapper of `IDBObjectStore.prototype.put` that the storage code calls
 * through `idb`, and sets what it does: hold the transaction of the `after`-th put on `store`, or fail.
 */
function hookPuts(h: Harness, hook: PutHook): Promise<void> {
  return h.evaluateInServiceWorker((next: PutHook) => {
    const g = globalThis as unknown as { __redlinePutHook?: PutHook; __redlinePutHooked?: boolean };
    g.__redlinePutHook = next;
    if (g.__redlinePutHooked) return;
    g.__redlinePutHooked = true;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function hookedPut(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const { hold, fail } = g.__redlinePutHook ?? {};
      if (fail) throw new DOMException(fail.message, fail.name);
      const request = put.apply(this, args);
      if (hold && hold.held === null && this.name === hold.store && ++hold.puts >= hold.after) {
        hold.held = hold.puts;
        // A transaction commits when it has no request left: one read after another keeps it open.
        const keepOpen = () => {
          if (hold.released) return;
          try {
            this.count(IDBKeyRange.only(['~', '~'])).onsuccess = keepOpen;
          } catch {
            // the transaction ended (it cannot, short of the worker stopping)
          }
        };
        keepOpen();
      }
      return request;
    };
  }, hook);
}

/** A harness with its worker under control, closed together. */
export async function launchControlled(options?: HarnessOptions): Promise<{ h: Harness; worker: WorkerControl; close(): Promise<void> }> {
  const h = await launchHarness(options);
  const worker = await controlWorker(h);
  return {
    h,
    worker,
    async close() {
      await worker.close();
      await h.close();
    },
  };
}
