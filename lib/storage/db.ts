import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, migrate, type UpgradeDb, type UpgradeTx } from './migrations';
import type { RedlineSchema } from './schema';

export const DB_NAME = 'redline';

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
    // idb does not wait for what this returns. A migration that fails aborts the upgrade, so the
    // database stays at its old version and openDB rejects, instead of opening half-migrated.
    upgrade(database, oldVersion, newVersion, tx) {
      migrate(database as unknown as UpgradeDb, tx as unknown as UpgradeTx, oldVersion, newVersion ?? version).catch(() => {
        tx.done.catch(() => {}); // the abort is heard where openDB rejects
        tx.abort();
      });
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
