// Two Seller Central tabs capturing while the options page imports, in Chromium (docs/reliability.md):
// no lost update. The import's write transaction is held open (worker-control.ts) until both tabs'
// captures — other pages, and the same pages and orders too — have reached the worker and wait behind
// it; then everything runs. At the end every record of the three sources is stored, merged by the rules
// of lib/model/merge.ts (`mergeBatches` over what each source gave, at the time it was seen), and the
// report is the engine's report on that union.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticHistory } from '../../lib/metrics/synthetic-history';
import { Defect, Order, type Batch } from '../../lib/model';
import { mergeBatches } from '../../lib/model/merge';
import { readAny, readResponse } from '../../lib/readers/detect';
import type { DemoOrder } from '../demo-site/model';
import { DEMO_PAGES } from '../demo-site/server';
import { storedAll, storedKeys, storedRecords, until, untilReportIs } from './database';
import type { ExtensionGlobal, Harness } from './harness';
import { watchedPages } from './inert';
import { launchControlled, type WorkerControl } from './worker-control';

const US = 'ATVPDKIKX0DER';
const SCOPE = `default|${US}`;
const SYNTHETIC = 20_000;

let h: Harness;
let worker: WorkerControl;
const pages = watchedPages(() => h.context);

let close: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ h, worker, close } = await launchControlled());
});
afterAll(() => close?.());

interface Recorded {
  /** The sending tab's address: each tab's visits carry `tab=a` or `tab=b` (the demo pages ignore it). */
  url: string;
  path: string;
  status: number;
  contentType: string | null;
  body: string;
  observedAt: number;
}

/** Every capture the worker receives, as it received it (a listener of our own beside the worker's). */
async function recordCaptures(): Promise<void> {
  await h.evaluateInServiceWorker(() => {
    const g = globalThis as unknown as ExtensionGlobal & { __redlineCaptures?: unknown[] };
    g.__redlineCaptures = [];
    g.chrome.runtime.onMessage.addListener((message: unknown, sender: { url?: string }) => {
      const m = message as { type?: string } & Record<string, unknown>;
      if (m?.type === 'captureResponse')
        g.__redlineCaptures!.push({ url: sender.url, path: m.path, status: m.status, contentType: m.contentType, body: m.body, observedAt: m.observedAt });
      return undefined; // the worker's own listener answers
    });
  });
}
const recorded = () => h.evaluateInServiceWorker(() => (globalThis as unknown as { __redlineCaptures: Recorded[] }).__redlineCaptures);

/** The order ids a demo search answers, to know its capture when it arrives. */
function searchIds(query: Record<string, string>): string[] {
  const body = h.demo.respond('GET', h.url(`/orders-api/search?${new URLSearchParams(query)}`)).body;
  return (JSON.parse(body) as { orders: { amazonOrderId: string }[] }).orders.map((o) => o.amazonOrderId);
}

/** One tab: each visit waits until the worker has received that page's capture from this tab (it may not be stored yet). */
async function tab(name: 'a' | 'b', visits: { path: string; seen: (c: Recorded) => boolean }[]): Promise<void> {
  let page: Page | undefined;
  for (const visit of visits) {
    const url = new URL(h.url(visit.path));
    url.searchParams.set('tab', name);
    if (page) await page.goto(url.href, { waitUntil: 'load' });
    else page = await pages.open(url.href);
    const mine = (c: Recorded) => new URL(c.url).searchParams.get('tab') === name && visit.seen(c);
    await until(recorded, (list) => list.some(mine), `the capture of ${visit.path} in tab ${name}`, 60_000);
  }
  await page?.close();
}

describe('two tabs capturing while the options page imports', () => {
  it('stores every record of the three sources, merged as the merge rules say, and the report is the engine’s on the union', async () => {
    const observed = Date.now() - 3_600_000; // the imported file was made an hour ago: the captures are newer
    // The file: the demo's newest sent orders with what only a report knows (delivery, the confirmation's
    // exact time) and their feedback, plus 20,000 other orders so that its transaction is a long one.
    const shipped = h.demo.seller.orders.filter((o) => o.channel === 'MFN' && o.status === 'Shipped' && o.package).slice(0, 150);
    const ms = Math.round; // the demo's instants have fractions of a millisecond; the model's do not
    const fromFile = (o: DemoOrder): Order =>
      Order.parse({
        orderId: o.amazonOrderId,
        marketplaceId: US,
        channel: 'MFN',
        orderDate: ms(o.orderDate),
        status: 'shipped',
        latestShipDate: ms(o.latestShipDate),
        latestDeliveryDate: ms(o.latestDeliveryDate),
        shipConfirmation: { at: ms(o.shipConfirmedAt!) },
        packages: [{ carrier: o.package!.carrierName ?? undefined, trackingNumber: o.package!.trackingId ?? undefined, shipTime: ms(o.package!.shipDate) }],
        ...(o.deliveredAt !== null ? { deliveredAt: ms(o.deliveredAt) } : {}),
        observedAt: observed,
        source: 'test/report',
      });
    const ids = new Set(shipped.map((o) => o.amazonOrderId));
    const feedback = h.demo.seller.feedback
      .filter((f) => ids.has(f.orderId))
      .map((f) =>
        Defect.parse({
          kind: 'feedback',
          id: `feedback:${f.orderId}`,
          orderId: f.orderId,
          marketplaceId: US,
          date: ms(f.date),
          rating: f.rating,
          comment: f.comments,
          observedAt: observed,
          source: 'test/report',
        }),
      );
    const synthetic = syntheticHistory({ seed: 31, orders: SYNTHETIC, defects: 0, asOf: Date.now(), days: 365, marketplaceId: US }).orders;
    const file = JSON.stringify({
      format: 'redline-export',
      version: 1,
      exportedAt: observed,
      orders: [...shipped.map(fromFile), ...synthetic],
      defects: feedback,
      readings: [],
    });

    // The import starts, and holds its transaction after 100 days of orders (a directory put each: lib/storage/order-days.ts).
    await recordCaptures();
    const options = await pages.open(`chrome-extension://${h.extensionId}/options.html`);
    await options.setInputFiles('[data-test-id=import-input]', [{ name: 'all-orders.json', mimeType: 'application/json', buffer: Buffer.from(file) }]);
    await options.locator('[data-test-id=import-preview] tbody tr:not(.not-recognised)').waitFor({ timeout: 60_000 });
    await worker.holdWrites('orderDays', 100);
    await options.click('.actions .button-primary');
    await worker.whenHolding();

    // Meanwhile two tabs: other pages, and the same page and order in both.
    const page1 = searchIds({ limit: '100', offset: '0', fulfillmentType: 'mfn', orderStatus: 'shipped' });
    const page2 = searchIds({ limit: '100', offset: '100', fulfillmentType: 'mfn', orderStatus: 'shipped' });
    const unshipped = searchIds({ limit: '100', offset: '0', fulfillmentType: 'mfn', orderStatus: 'unshipped' });
    const fba = searchIds({ limit: '100', offset: '0', fulfillmentType: 'fba', orderStatus: 'all' });
    // The order both tabs open: on the Sent page, in the file, and delivered (a fact only the file has).
    const delivered = new Set(shipped.filter((o) => o.deliveredAt !== null).map((o) => o.amazonOrderId));
    const both = page1.find((id) => delivered.has(id))!;
    expect(both).toBeDefined();
    const search = (list: string[]) => (c: Recorded) => c.path === '/orders-api/search' && c.body.includes(list[0]!) && c.body.includes(list.at(-1)!);
    const detail = (c: Recorded) => c.path === `/orders-api/order/${both}`;
    await Promise.all([
      tab('a', [
        { path: `${DEMO_PAGES.unshipped}?pageSize=100`, seen: search(unshipped) },
        { path: `${DEMO_PAGES.shipped}?pageSize=100`, seen: search(page1) },
        { path: DEMO_PAGES.orderDetail(both), seen: detail },
      ]),
      tab('b', [
        { path: `${DEMO_PAGES.fba}?pageSize=100`, seen: search(fba) },
        { path: `${DEMO_PAGES.shipped}?pageSize=100`, seen: search(page1) },
        { path: `${DEMO_PAGES.shipped}?page=2&pageSize=100`, seen: search(page2) },
        { path: DEMO_PAGES.orderDetail(both), seen: detail },
        { path: DEMO_PAGES.feedback, seen: (c) => c.path === '/fbmapi/v1/feedbacks' },
      ]),
    ]);
    // Every capture reached the worker while the import held its transaction: nothing of them is stored yet.
    const captures = await recorded();
    // Each Manage Orders page load also reads its tile counts (countOrders: table totals, no records).
    const tileCounts = captures.filter((c) => c.path === '/orders-api/countOrders');
    expect(tileCounts).toHaveLength(5);
    expect(captures).toHaveLength(9 + tileCounts.length);
    expect(captures.filter(search(page1))).toHaveLength(2);
    expect(captures.filter(detail)).toHaveLength(2);
    // Feedback Manager asks for its list twice, as the real page does (excludeTTRFeedback true and false).
    expect(captures.filter((c) => c.path === '/fbmapi/v1/feedbacks')).toHaveLength(2);
    // (The orders store is locked by the held import; the log is not: no capture is written yet, but for the
    // tile counts, which hold no record and so wait for no transaction.)
    expect((await storedAll<{ source: string }>(h, 'log')).filter((e) => e.source !== '/orders-api/countOrders')).toEqual([]);

    await worker.release();
    const status = options.locator('section[aria-labelledby=import-title] [role=status]');
    await expect.poll(() => status.textContent(), { timeout: 120_000 }).toMatch(/Saved 1 file/);
    await until(
      () => storedAll<{ origin: string; ok: boolean }>(h, 'log'),
      (log) => log.filter((e) => e.origin === 'capture' && e.ok).length === captures.length,
      'every capture written',
      60_000,
    );
    expect(worker.stops).toBe(0); // the worker ran throughout: the recorded captures are all of them

    // What the three sources gave, merged by the rules; the database holds exactly that.
    const batches: Batch[] = [];
    const imported = readAny(file, { observedAt: observed });
    if (!imported.ok) throw new Error(imported.detail);
    batches.push(imported.batch);
    for (const c of captures) {
      const read = readResponse(c.path, c.status, c.contentType, c.body, { observedAt: c.observedAt, marketplaceId: US });
      if (!read.ok) throw new Error(`${c.path}: ${read.detail}`);
      batches.push(read.batch);
    }
    const expected = mergeBatches(batches);
    const keys = (await storedKeys(h, 'orders')) as [string, string][];
    expect(keys.length).toBe(expected.orders.length);
    expect(new Set(keys.map((k) => k[1]))).toEqual(new Set(expected.orders.map((o) => o.orderId)));
    // Every order some page showed (all of them, with the file's), and every 20th of the file's others.
    const seen = new Set(captures.flatMap((c) => [...c.body.matchAll(/"amazonOrderId":"([^"]+)"/g)].map((m) => m[1]!)));
    const compared = expected.orders.filter((o, i) => seen.has(o.orderId) || ids.has(o.orderId) || i % 20 === 0);
    const stored = await storedRecords(
      h,
      'orders',
      compared.map((o) => [SCOPE, o.orderId]),
    );
    expect(stored.map((o) => Order.parse(o))).toEqual(compared);
    // The same order from the file, both tabs' Sent page and both tabs' order page: the file's delivery and
    // exact confirmation time are kept, the newer sightings' status and flags are added.
    const merged = compared.find((o) => o.orderId === both)!;
    expect(merged).toMatchObject({ deliveredAt: expect.any(Number), shipConfirmation: { at: expect.any(Number) }, amazonLate: expect.any(Boolean) });
    const defects = (await storedAll(h, 'defects')).map((d) => Defect.parse(d));
    expect(defects.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))).toEqual(expected.defects);

    await untilReportIs(options, US, expected);
    expect(pages.problems()).toEqual([]);
    await options.close();
  }, 300_000);
});
