import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DB_VERSION, MIGRATIONS, type UpgradeDb, type UpgradeTx } from './migrations';
import type { OrderDay, OrderPart } from './order-days';
import type { LogEntry, StoredDefect, StoredPolicyReading, StoredReading } from './records';

export const DB_NAME = 'redline';

export interface RedlineSchema extends DBSchema {
  /** Orders in parts of a day (order-days.ts): each day's directory, and the parts. */
  orderDays: { key: [string, number]; value: OrderDay };
  orderParts: { key: [string, number, number]; value: OrderPart };
  defects: { key: [string, string]; value: StoredDefect; indexes: { scope: string; scopeDate: [string, number] } };
  readings: { key: [string, string, string]; value: StoredReading; indexes: { scope: string } };
  /** Amazon's policy categories, one reading per category per day (v5). */
  policyReadings: { key: [string, string, string]; value: StoredPolicyReading; indexes: { scope: string } };
  log: { key: number; value: LogEntry };
  meta: { key: string; value: unknown };
}

export type RedlineDb = IDBPDatabase<RedlineSchema>;

/**
 * Opens (and upgrades) the database. Only the background worker calls this: one connection for
 * the whole extension, so writes from several tabs are serialised by IndexedDB transactions.
 * When another context upgrades or deletes the database (the seller clearing site data, a newer
 * version), this connection closes itself instead of blocking it. `onClose` hears of that, and of
 * the browser closing it (`terminated`), so the owner can open a new one (lib/storage/connection.ts).
 */
export async function openRedlineDb(name = DB_NAME, version = DB_VERSION, onClose?: () => void): Promise<RedlineDb> {
  const db = await openDB<RedlineSchema>(name, version, {
    async upgrade(database, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) await MIGRATIONS[v]!(database as unknown as UpgradeDb, tx as unknown as UpgradeTx);
    },
    blocking() {
      db.close();
      onClose?.();
    },
    terminated() {
      onClose?.();
    },
  });
  return db;
}
