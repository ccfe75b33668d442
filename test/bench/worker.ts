/**
 * Bench helpers that reach the extension's service worker: its heap through CDP, a raw IndexedDB
 * baseline inside it, and messages sent the way the extension's own pages send them.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Harness } from '../e2e/harness';

/**
 * The worker's JS heap after a full GC, bytes. Playwright gives no CDP session for a worker, so a
 * page's session attaches to the worker target and relays (Target.sendMessageToTarget).
 */
export async function workerHeapUsed(h: Harness, page: Page): Promise<number> {
  await h.serviceWorker(); // wake it
  const cdp: CDPSession = await h.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${h.extensionId}/`));
  if (!target) throw new Error('no service worker target');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let next = 1;
  const call = (method: string) =>
    new Promise<Record<string, number>>((resolve) => {
      const id = next++;
      const onMessage = (e: { sessionId?: string; message: string }) => {
        const reply = JSON.parse(e.message) as { id?: number; result?: Record<string, number> };
        if (reply.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        resolve(reply.result ?? {});
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  await call('HeapProfiler.collectGarbage');
  const usage = await call('Runtime.getHeapUsage');
  await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  await cdp.detach();
  return usage.usedSize ?? Number.NaN;
}

/** Sends a message from an extension page, as the popup and options page do; the round trip, ms. */
export async function timedMessage(page: Page, message: unknown): Promise<{ ms: number; answer: { ok: boolean; error?: string } }> {
  return page.evaluate(async (m) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } };
    const start = performance.now();
    const answer = await chrome.runtime.sendMessage(m);
    return { ms: performance.now() - start, answer };
  }, message);
}

/**
 * The baseline for storing orders: plain IndexedDB puts of the same records, one record per order (the
 * obvious way to store them, and Redline's own up to schema v2), in one transaction, in the same worker,
 * into a scratch database keyed by scope and order id, no index. ms.
 */
export async function rawPutMs(h: Harness, records: object[]): Promise<number> {
  return h.evaluateInServiceWorker(async (rows) => {
    const name = `redline-bench-raw-${Date.now()}`;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('orders', { keyPath: ['scope', 'orderId'] });
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const start = performance.now();
    const tx = db.transaction('orders', 'readwrite');
    for (const row of rows) tx.objectStore('orders').put(row);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    });
    const ms = performance.now() - start;
    db.close();
    indexedDB.deleteDatabase(name);
    return ms;
  }, records);
}
