import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { ReportInputs } from '../../../lib/background/report-data';
import { computeHealthReport } from '../../../lib/metrics';
import { syntheticHistory } from '../../../lib/metrics/synthetic-history';
import { DEFAULT_SETTINGS, type Batch, type Order, type Settings } from '../../../lib/model';
import { openRedlineDb, type RedlineDb } from '../../../lib/storage/db';
import { applyBatch, loadScope, pruneBefore } from '../../../lib/storage/repository';

const US = 'ATVPDKIKX0DER';
const SCOPE = `default|${US}`;
const NOW = Date.UTC(2026, 10, 26, 18);
const DAY = 86_400_000;
const history = syntheticHistory({ seed: 3, orders: 600, defects: 30, asOf: NOW, days: 365, marketplaceId: US, readings: true });
const batch = (parts: Partial<Batch>): Batch => ({ format: 'test', orders: [], defects: [], readings: [], ...parts });

let db: RedlineDb;
let inputs: ReportInputs;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openRedlineDb();
  inputs = new ReportInputs(db);
});

/** Writes like the service does: the database, then the held inputs. */
async function write(parts: Partial<Batch>) {
  const counts = await applyBatch(db, 'default', batch(parts));
  inputs.written(counts.written);
}

/** The report on what is held must be the report on everything stored. */
async function expectSameReport(settings: Settings = DEFAULT_SETTINGS, asOf = NOW) {
  const held = await inputs.get(SCOPE, settings, asOf);
  expect(computeHealthReport(held, asOf, settings, US)).toEqual(computeHealthReport(await loadScope(db, SCOPE), asOf, settings, US));
  return held;
}

describe('ReportInputs', () => {
  it('holds a part of the history, and the report on it is the report on all of it', async () => {
    await write(history);
    const held = await expectSameReport();
    expect(held.orders.length).toBeLessThan(history.orders.length / 2);
  });

  it('takes in what is written after it loaded, without reading the database again', async () => {
    await write({ orders: history.orders.slice(0, 300) });
    await expectSameReport();
    const late: Order = { ...history.orders[0]!, orderId: '111-9999999-0000001', orderDate: NOW - DAY, status: 'unshipped', latestShipDate: NOW + DAY };
    await write({ orders: [late, ...history.orders.slice(300)], defects: history.defects, readings: history.readings });
    const held = await expectSameReport();
    expect(held.orders.some((o) => o.orderId === late.orderId)).toBe(true);
  });

  it('a write that lands while a load is under way is in the next report', async () => {
    await write({ orders: history.orders.slice(0, 300) });
    const loading = inputs.get(SCOPE, DEFAULT_SETTINGS, NOW);
    await write({ orders: history.orders.slice(300) }); // lands while the load is under way
    await loading;
    await expectSameReport();
  });

  it('loads again when the settings widen the windows, and when records were deleted', async () => {
    await write(history);
    await expectSameReport();
    const wide: Settings = {
      ...DEFAULT_SETTINGS,
      metrics: { ...DEFAULT_SETTINGS.metrics, 'lsr.30d': { ...DEFAULT_SETTINGS.metrics['lsr.30d'], windowDays: 200 } },
    };
    const held = await expectSameReport(wide);
    expect(held.orders.length).toBeGreaterThan(history.orders.length / 2);
    await pruneBefore(db, NOW - 120 * DAY);
    inputs.forget();
    await expectSameReport(wide);
  });

  it('lists scopes, and adds one a write brings', async () => {
    await write({ orders: history.orders.slice(0, 10) });
    expect(await inputs.scopes()).toEqual([SCOPE]);
    await write({ orders: [{ ...history.orders[0]!, marketplaceId: 'A1PA6795UKMFR9' }] });
    expect(await inputs.scopes()).toEqual(['default|A1PA6795UKMFR9', SCOPE]);
  });
});
