// The MV3 service worker stopped in the middle of an import and of a capture, in Chromium
// (docs/reliability.md): the browser may end the worker at any moment. A write transaction is held
// open mid-batch (worker-control.ts), then the worker is stopped through the DevTools protocol. The
// database keeps every batch whole or not at all, the options page and the popup say what happened and
// go on working, and doing it again completes the data once: the same records and the same report as an
// import that was never interrupted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticHistory } from '../../lib/metrics/synthetic-history';
import { Order } from '../../lib/model';
import { orderDayOf } from '../../lib/storage/order-days';
import { DEMO_PAGES } from '../demo-site/server';
import { ask, readDatabase, storedCount, storedKeys, storedRecords, until, untilReportIs } from './database';
import type { Harness } from './harness';
import { watchedPages } from './inert';
import { launchControlled, type WorkerControl } from './worker-control';

const US = 'ATVPDKIKX0DER';
const FILES = 5;
const PER_FILE = 10_000;

let h: Harness;
let worker: WorkerControl;
const pages = watchedPages(() => h.context);
const open = pages.open;

let close: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ h, worker, close } = await launchControlled());
});
afterAll(() => close?.());

const extensionPage = (name: 'popup' | 'options') => open(`chrome-extension://${h.extensionId}/${name}.html`);
/**
 * Uncaught errors and dialogs. A request the stop cut off (a capture, the badges' question) is logged by
 * the content script as a failure of that feature, which asks again later: not a crash.
 */
const crashes = () => pages.problems().filter((p) => !p.startsWith('console: '));

const US_SCOPE = `default|${US}`;
/** The order ids stored (keys only, read in the worker: tens of thousands of records stay there). */
const storedOrderIds = async () => ((await storedKeys(h, 'orders')) as [string, string][]).map((key) => key[1]);

describe('the worker stopped in the middle of an import', () => {
  const history = syntheticHistory({ seed: 23, orders: FILES * PER_FILE, defects: 2_000, asOf: Date.now(), days: 365, marketplaceId: US });
  const files = Array.from({ length: FILES }, (_, i) => {
    const orders = history.orders.slice(i * PER_FILE, (i + 1) * PER_FILE);
    const defects = i === FILES - 1 ? history.defects : [];
    return {
      name: `redline-export-${i + 1}.json`,
      orders,
      text: JSON.stringify({ format: 'redline-export', version: 1, exportedAt: Date.now(), orders, defects, readings: [] }),
    };
  });
  const idsOf = (from: number, to: number) => files.slice(from, to).flatMap((f) => f.orders.map((o) => o.orderId));

  it('keeps the files written before whole and none of the one it was writing; saving again completes them once', async () => {
    const options = await extensionPage('options');
    await options.setInputFiles(
      '[data-test-id=import-input]',
      files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })),
    );
    await expect.poll(() => options.locator('[data-test-id=import-preview] tbody tr:not(.not-recognised)').count(), { timeout: 60_000 }).toBe(FILES);

    // Hold the third file's transaction half-way (a directory put per order day: lib/storage/order-days.ts), then stop the worker.
    const puts = (file: (typeof files)[number]) => new Set(file.orders.map((o) => orderDayOf(o.orderDate))).size;
    const holdAt = puts(files[0]!) + puts(files[1]!) + Math.ceil(puts(files[2]!) / 2);
    await worker.holdWrites('orderDays', holdAt);
    await options.click('.actions .button-primary');
    expect(await worker.whenHolding()).toBe(holdAt);
    const stopsBefore = worker.stops;
    await worker.stop();
    expect(worker.stops).toBe(stopsBefore + 1);

    // The options page says what happened and offers to save again; nothing crashed.
    const status = options.locator('section[aria-labelledby=import-title] [role=status]');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/background worker stopped before it finished/);
    await worker.wake(options);
    const afterStop = await storedOrderIds();
    expect(afterStop).toHaveLength(2 * PER_FILE);
    expect(new Set(afterStop)).toEqual(new Set(idsOf(0, 2)));
    const log = (await readDatabase(h)).log; // 20,000 orders: the whole snapshot is still small enough
    expect(log.filter((e) => e.origin === 'import').map((e) => [e.source, e.ok, (e as { orders?: number }).orders])).toEqual([
      ['redline-export-1.json', true, PER_FILE],
      ['redline-export-2.json', true, PER_FILE],
    ]);
    const popup = await extensionPage('popup');
    await popup.locator('.summary, .first-run').first().waitFor({ timeout: 60_000 });
    await popup.close();

    // Save again: the two stored files change nothing, the other three are added.
    await options.click('.actions .button-primary');
    await expect.poll(() => status.textContent(), { timeout: 120_000 }).toMatch(/Saved 5 files/);
    const completed = await storedOrderIds();
    expect(completed).toHaveLength(FILES * PER_FILE);
    expect(new Set(completed)).toEqual(new Set(idsOf(0, FILES)));
    // The records themselves, as the model sees them (what storage adds for itself, such as the scope, left
    // out): every 25th (the whole set is tens of megabytes through the protocol; the report below reads them all).
    const sample = history.orders.filter((_, i) => i % 25 === 0);
    const stored = await storedRecords(
      h,
      'orders',
      sample.map((o) => [US_SCOPE, o.orderId]),
    );
    expect(stored.map((o) => Order.parse(o))).toEqual(sample);
    expect(await storedCount(h, 'defects')).toBe(history.defects.length);
    await untilReportIs(options, US, { orders: history.orders, defects: history.defects, readings: [] });
    expect(crashes()).toEqual([]);
    await options.close();
  }, 300_000);
});

describe('the worker stopped in the middle of a capture', () => {
  it('stores none of the batch it was writing; the page captured again stores it once', async () => {
    const start = await extensionPage('popup');
    await ask(start, { type: 'deleteAllData' });
    await start.close();
    // The first 100 sent orders, then the next 100: the batch to cut off.
    const first = await open(h.url(`${DEMO_PAGES.shipped}?pageSize=100`));
    const firstIds = await until(storedOrderIds, (ids) => ids.length >= 100, 'the first page of 100 orders');
    await first.close();
    const secondPath = `${DEMO_PAGES.shipped}?page=2&pageSize=100`;
    const second = JSON.parse(h.demo.respond('GET', h.url('/orders-api/search?limit=100&offset=100&fulfillmentType=mfn&orderStatus=shipped')).body) as {
      orders: { amazonOrderId: string }[];
    };
    const secondIds = second.orders.map((o) => o.amazonOrderId);
    expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);

    await worker.holdWrites('orderDays', 1);
    const page = await open(h.url(secondPath));
    expect(await worker.whenHolding(60_000)).toBe(1);
    await worker.stop();
    const popup = await extensionPage('popup');
    await worker.wake(popup);
    expect(new Set(await storedOrderIds())).toEqual(new Set(firstIds));
    // The popup goes on showing what was stored.
    await popup.locator('.summary').waitFor({ timeout: 60_000 });
    await popup.close();

    // The seller opens the page again: its capture is stored once.
    await page.reload({ waitUntil: 'load' });
    const completed = await until(storedOrderIds, (ids) => ids.length >= firstIds.length + secondIds.length, 'the second page stored');
    expect(completed).toHaveLength(firstIds.length + secondIds.length);
    expect(new Set(completed)).toEqual(new Set([...firstIds, ...secondIds]));
    await page.close();
    expect(crashes()).toEqual([]);
  });
});
