import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { DB_VERSION, migrate, type UpgradeDb, type UpgradeTx } from '../../../lib/storage/migrations';
import { openRedlineDb } from '../../../lib/storage/db';
import { orderDayOf, readOrderPart, type OrderDay, type OrderPart } from '../../../lib/storage/order-days';
import { StoredDefect, StoredOrder, StoredPolicyReading, StoredReading } from '../../../lib/storage/records';
import { readMeta } from '../../../lib/storage/meta';
import { loadScope } from '../../../lib/storage/repository';
import v1 from '../../fixtures/db/v1.json';
import v2 from '../../fixtures/db/v2.json';
import v3 from '../../fixtures/db/v3.json';
import v4 from '../../fixtures/db/v4.json';
import v5 from '../../fixtures/db/v5.json';
import { reachOf } from '../../../lib/storage/records';

/** Each released schema version's example records (test/fixtures/db/vN.json): orders one record each until v3, then in parts of a day. */
/** Policy readings only from v5 on. */
type Fixture = Omit<typeof v1, 'orders'> & ({ orders: object[] } | { orderDays: OrderDay[]; orderParts: OrderPart[] }) & { policyReadings?: object[] };
const FIXTURES: Record<number, Fixture> = { 1: v1, 2: v2, 3: v3, 4: v4, 5: v5 };
const ordersOf = (fixture: Fixture): object[] => ('orders' in fixture ? fixture.orders : fixture.orderParts.flatMap(readOrderPart));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** Builds a database exactly as version `version` left it, filled with that version's examples. */
async function databaseAtVersion(version: number) {
  const fixture = FIXTURES[version]!;
  const db = (await openDB('redline', version, {
    upgrade(database, oldVersion, _n, tx) {
      void migrate(database as unknown as UpgradeDb, tx as unknown as UpgradeTx, oldVersion, version); // openDB waits for the transaction
    },
  })) as unknown as UpgradeDb;
  if ('orders' in fixture) for (const o of fixture.orders) await db.put('orders', o as StoredOrder);
  else {
    for (const day of fixture.orderDays) await db.put('orderDays', day);
    for (const part of fixture.orderParts) await db.put('orderParts', part);
  }
  for (const d of fixture.defects) await db.put('defects', d as StoredDefect);
  for (const r of fixture.readings) await db.put('readings', r as StoredReading);
  for (const p of fixture.policyReadings ?? []) await db.put('policyReadings', p as StoredPolicyReading);
  for (const [key, value] of Object.entries(fixture.meta)) await db.put('meta', value, key);
  db.close();
}

describe('schema migrations', () => {
  it('has a fixture database for every released version', () => {
    for (let v = 1; v <= DB_VERSION; v++) expect(FIXTURES[v], `test/fixtures/db/v${v}.json`).toBeDefined();
  });

  it.each(Object.keys(FIXTURES).map(Number))('upgrades a version %i database to the current one, keeping every record', async (version) => {
    await databaseAtVersion(version);
    const db = await openRedlineDb();
    expect(db.version).toBe(DB_VERSION);
    const fixture = FIXTURES[version]!;
    const data = await loadScope(db, 'default|ATVPDKIKX0DER');
    expect(data.orders.map((o) => StoredOrder.parse(o))).toHaveLength(ordersOf(fixture).length);
    expect(data.defects.map((d) => StoredDefect.parse(d))).toHaveLength(fixture.defects.length);
    expect(data.readings.map((r) => StoredReading.parse(r))).toHaveLength(fixture.readings.length);
    // Every record keeps every field it had (a later migration may add fields, never lose one).
    const same = (records: object[]) => records.map((r) => expect.objectContaining(r));
    expect(data.orders).toEqual(same(ordersOf(fixture)));
    expect(data.defects).toEqual(same(fixture.defects));
    expect(data.readings).toEqual(same(fixture.readings));
    expect(data.policies.map((p) => StoredPolicyReading.parse(p))).toHaveLength(fixture.policyReadings?.length ?? 0);
    expect(data.policies).toEqual(same(fixture.policyReadings ?? []));
    expect(await readMeta(db, 'activeScope')).toBe(fixture.meta.activeScope);
    db.close();
  });

  it('stays at its version, every record kept, when a migration fails', async () => {
    await databaseAtVersion(DB_VERSION);
    await expect(openRedlineDb('redline', DB_VERSION + 1)).rejects.toThrow(); // no migration to that version
    const db = await openRedlineDb();
    expect(db.version).toBe(DB_VERSION);
    expect((await loadScope(db, 'default|ATVPDKIKX0DER')).orders).toHaveLength(ordersOf(FIXTURES[DB_VERSION]!).length);
    db.close();
  });

  it('gives every order of a version 1 database its reach, indexes defects by date, and stores orders by their day', async () => {
    await databaseAtVersion(1);
    const db = await openRedlineDb();
    expect([...db.objectStoreNames]).not.toContain('orders');
    const parts = await db.getAll('orderParts');
    const orders = parts.flatMap(readOrderPart);
    expect(orders).toHaveLength(v1.orders.length);
    for (const order of orders) expect(order.reachAt).toBe(reachOf(order));
    for (const part of parts) for (const order of readOrderPart(part)) expect([part.scope, part.day]).toEqual([order.scope, orderDayOf(order.orderDate)]);
    const directory = (await db.getAll('orderDays')).flatMap((d) => d.parts.map((p) => [d.day, p.part, p.ids]));
    expect(directory).toEqual(parts.map((p) => [p.day, p.part, readOrderPart(p).map((o) => o.orderId)]));
    expect(db.transaction('defects').store.indexNames.contains('scopeDate')).toBe(true);
    db.close();
  });

  it('keeps settings saved by an older version, filling new fields from the defaults', async () => {
    await databaseAtVersion(1);
    const db = await openRedlineDb();
    const settings = await readMeta(db, 'settings');
    expect(settings.version).toBe(2);
    expect(settings.warningHorizonHours).toBe(48);
    expect(settings.countFraudChargebacks).toBe(false);
    expect(settings.metrics['lsr.10d'].target).toBeUndefined(); // the marketplace's target applies
    expect(settings.metrics['idr.7d'].windowDays).toBe(7);
    expect(settings).toMatchObject({ retentionDays: 400, minimumPopulation: 10, dispatchRuleHours: 72 });
    db.close();
  });

  it('keeps a version 2 seller’s own choices', async () => {
    await databaseAtVersion(4);
    const db = await openRedlineDb();
    const settings = await readMeta(db, 'settings');
    expect(settings).toMatchObject({ countFraudChargebacks: true, dispatchRuleHours: 48, metrics: { 'lsr.10d': { target: { basisPoints: 300 } } } });
    db.close();
  });

  it('v3 → v4: moves Amazon’s 30-day package OTDR read from its report off the unit figure, and recomputes each order’s reach', async () => {
    await databaseAtVersion(3);
    const raw = (await openDB('redline', 3)) as unknown as UpgradeDb;
    const base = { scope: 'default|ATVPDKIKX0DER', marketplaceId: 'ATVPDKIKX0DER', observedAt: 1637900000000, rate: 0.9, numerator: 9, denominator: 10 };
    await raw.put('readings', { ...base, day: '2021-11-25', metric: 'otdr.14d', source: 'sp-api/performance-report' });
    await raw.put('readings', { ...base, day: '2021-11-24', metric: 'otdr.14d', source: 'dom/account-health' });
    // An Amazon cancellation without a time: v3's reach ended at the order's dates.
    const { latestDeliveryDate: _promise, ...first } = ordersOf(v3)[0] as StoredOrder;
    const cancelled = { ...first, orderId: '114-0000000-0000001', status: 'cancelled', cancellation: { by: 'AMAZON' }, reachAt: 1638172799000 } as StoredOrder;
    const [part] = (await raw.getAll('orderParts')) as OrderPart[];
    await raw.put('orderParts', { ...part!, orders: JSON.stringify([...JSON.parse(part!.orders), cancelled]) });
    raw.close();
    const db = await openRedlineDb();
    const readings = await db.getAll('readings');
    const otd = readings
      .filter((r) => r.metric.startsWith('otdr'))
      .map((r) => [r.metric, r.source, r.day])
      .sort();
    expect(otd).toEqual([
      ['otdr.14d', 'dom/account-health', '2021-11-24'],
      ['otdr.30d', 'sp-api/performance-report', '2021-11-25'],
    ]);
    const orders = (await db.getAll('orderParts')).flatMap(readOrderPart);
    for (const order of orders) expect(order.reachAt).toBe(reachOf(order));
    expect(orders.find((o) => o.orderId === cancelled.orderId)!.reachAt).toBeGreaterThan(cancelled.reachAt);
    db.close();
  });

  it('v4 → v5: a store for Amazon’s policy categories, one reading per category and day, read with the scope', async () => {
    await databaseAtVersion(4);
    const db = await openRedlineDb();
    expect([...db.objectStoreNames]).toContain('policyReadings');
    expect(db.transaction('policyReadings').store.keyPath).toEqual(['scope', 'category', 'day']);
    expect(db.transaction('policyReadings').store.indexNames.contains('scope')).toBe(true);
    // What v4 held is all there, and the new store takes v5's records.
    const before = await loadScope(db, 'default|ATVPDKIKX0DER');
    expect(before.readings).toHaveLength(v4.readings.length);
    expect(before.policies).toEqual([]);
    for (const p of v5.policyReadings) await db.put('policyReadings', StoredPolicyReading.parse(p));
    const after = await loadScope(db, 'default|ATVPDKIKX0DER');
    expect(after.policies.map((p) => [p.category, p.count ?? null])).toEqual([
      ['documentRequests', null],
      ['listingPolicyViolations', 1],
      ['policies-brand-new-row', 0],
    ]);
    db.close();
  });

  it('falls back to defaults for a stored value that no longer fits its schema', async () => {
    const db = await openRedlineDb();
    await db.put('meta', { warningHorizonHours: 'soon' }, 'settings');
    expect((await readMeta(db, 'settings')).warningHorizonHours).toBe(24);
    db.close();
  });
});
