/**
 * The worker loads only what a report can see (`loadForReport`: orders reaching the engine's
 * `reportOrdersFrom`, plus the orders with defects). Property: on random histories, readings and
 * window settings, the report on that equals the report on everything stored.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { computeHealthReport, reportOrdersFrom } from '../../../lib/metrics';
import { RATE_METRICS, type Order, type Settings } from '../../../lib/model';
import { openRedlineDb } from '../../../lib/storage/db';
import { orderDayRecords } from '../../../lib/storage/order-days';
import { storedOrder } from '../../../lib/storage/records';
import { loadForReport, loadScope } from '../../../lib/storage/repository';
import { history } from '../metrics/arbitraries';
import { DAY } from '../metrics/helpers';

const SCOPE = 'default|any';

/** Some metrics' windows and lags changed, as the options page allows: they move the report's reach. */
const windows = fc.array(
  fc.record({ key: fc.constantFrom(...RATE_METRICS), windowDays: fc.integer({ min: 1, max: 120 }), lagDays: fc.integer({ min: 0, max: 30 }) }),
  { maxLength: 3 },
);

function withWindows(settings: Settings, changes: { key: (typeof RATE_METRICS)[number]; windowDays: number; lagDays: number }[]): Settings {
  const metrics = { ...settings.metrics };
  for (const { key, windowDays, lagDays } of changes) metrics[key] = { ...metrics[key], windowDays, lagDays };
  return { ...settings, metrics };
}

const shift = (t: number | undefined, by: number) => (t === undefined ? undefined : t - by);

/** The same order, every instant of it `by` ms earlier: the history then reaches far past the windows. */
function older(o: Order, by: number): Order {
  const c = o.shipConfirmation;
  return JSON.parse(
    JSON.stringify({
      ...o,
      orderDate: o.orderDate - by,
      latestShipDate: shift(o.latestShipDate, by),
      latestDeliveryDate: shift(o.latestDeliveryDate, by),
      autoCancelDate: shift(o.autoCancelDate, by),
      deliveredAt: shift(o.deliveredAt, by),
      shipConfirmation: c && { at: shift(c.at, by), notBefore: shift(c.notBefore, by), notAfter: shift(c.notAfter, by) },
      packages: o.packages?.map((p) => ({ ...p, shipTime: shift(p.shipTime, by) })),
      cancellation: o.cancellation && { ...o.cancellation, at: shift(o.cancellation.at, by) },
    }),
  ) as Order;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('loadForReport', () => {
  it('gives the same report as every stored record, with fewer orders', async () => {
    let skipped = 0;
    await fc.assert(
      fc.asyncProperty(
        history,
        windows,
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 30, maxLength: 30 }),
        async ({ s, orders: recent, defects, readings, settings: base }, changes, ages) => {
          const settings = withWindows(base, changes);
          const orders = recent.map((o, i) => older(o, (ages[i] ?? 0) * DAY));
          const db = await openRedlineDb(`report-data-${Math.random()}`);
          const tx = db.transaction(['orderDays', 'orderParts', 'defects', 'readings'], 'readwrite');
          // One record per order id, the last one written winning, as puts by key would leave them.
          const unique = new Map(orders.map((o) => [o.orderId, storedOrder(o, SCOPE)]));
          const stored = orderDayRecords([...unique.values()]);
          for (const day of stored.days) void tx.objectStore('orderDays').put(day);
          for (const part of stored.parts) void tx.objectStore('orderParts').put(part);
          for (const d of defects) void tx.objectStore('defects').put({ ...d, scope: SCOPE });
          for (const [i, r] of readings.entries())
            void tx.objectStore('readings').put({ ...r, scope: SCOPE, day: `2026-01-${String(i + 1).padStart(2, '0')}` });
          await tx.done;

          const all = await loadScope(db, SCOPE);
          const seen = await loadForReport(db, SCOPE, (stored) => reportOrdersFrom(stored, s.asOf, settings, s.marketplaceId));
          db.close();
          skipped += all.orders.length - seen.orders.length;
          const byId = (a: { orderId: string }, b: { orderId: string }) => a.orderId.localeCompare(b.orderId);
          expect(computeHealthReport({ ...seen, orders: seen.orders.sort(byId) }, s.asOf, settings, s.marketplaceId)).toEqual(
            computeHealthReport({ ...all, orders: all.orders.sort(byId) }, s.asOf, settings, s.marketplaceId),
          );
        },
      ),
      { numRuns: 150 },
    );
    // Not vacuous: most orders aged by up to 300 days were left out.
    expect(skipped).toBeGreaterThan(300);
  }, 120_000);
});
