// An import's files reach the worker by the service worker's postMessage (lib/messaging/bulk.ts), not
// by runtime.sendMessage, which serialises megabytes to JSON: the options page previews and saves a
// file without one `importBatches` runtime message (the file is read on the page, its records go to the
// worker), and the orders are stored.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syntheticHistory } from '../../lib/metrics/synthetic-history';
import { storedKeys } from './database';
import { launchHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

it('previews and saves an import through postMessage, with no importBatches runtime message', async () => {
  const { orders } = syntheticHistory({ seed: 9, orders: 300, defects: 0, asOf: Date.now(), days: 30, marketplaceId: 'ATVPDKIKX0DER' });
  const file = {
    name: 'redline-export.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'redline-export', version: 1, exportedAt: Date.now(), orders, defects: [], readings: [] })),
  };
  const options = await h.context.newPage();
  // Every runtime message the page sends, by type (before the page's own scripts run).
  await options.addInitScript(() => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (...args: unknown[]) => unknown } } }).chrome.runtime;
    const send = runtime.sendMessage.bind(runtime);
    const sent: string[] = [];
    (globalThis as unknown as { __sent: string[] }).__sent = sent;
    runtime.sendMessage = (...args: unknown[]) => {
      sent.push(String((args.find((a) => typeof a === 'object' && a !== null && 'type' in a) as { type?: string } | undefined)?.type));
      return send(...args);
    };
  });
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.setInputFiles('[data-test-id=import-input]', [file]);
  await options.locator('[data-test-id=import-preview] tbody tr:not(.not-recognised)').waitFor();
  await options.click('.actions .button-primary');
  const status = options.locator('section[aria-labelledby=import-title] [role=status]');
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/Saved 1 file/);
  const stored = new Set(((await storedKeys(h, 'orders')) as [string, string][]).map((k) => k[1]));
  expect(orders.every((o) => stored.has(o.orderId))).toBe(true);
  const sent = await options.evaluate(() => (globalThis as unknown as { __sent: string[] }).__sent);
  expect(sent.length).toBeGreaterThan(0); // the page's other questions still go by runtime message: the spy works
  expect(sent).not.toContain('importBatches');
  await options.close();
});
