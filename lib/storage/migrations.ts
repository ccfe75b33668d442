import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { RedlineSchema } from './db';

/**
 * Schema migrations, one per version, applied in order on upgrade. A released migration is never
 * edited: a change to the stores is a new entry at the end (and a new fixture database in
 * test/fixtures/db/ with a test that upgrades it).
 */
type Upgrade = (
  db: IDBPDatabase<RedlineSchema>,
  tx: IDBPTransaction<RedlineSchema, StoreNames<RedlineSchema>[], 'versionchange'>,
) => void;

export const MIGRATIONS: readonly Upgrade[] = [
  // v1 (0.1.0): orders, defects, Amazon's readings, the capture/import log, and key-value metadata.
  (db) => {
    const orders = db.createObjectStore('orders', { keyPath: ['scope', 'orderId'] });
    orders.createIndex('scope', 'scope');
    orders.createIndex('scopeOrderDate', ['scope', 'orderDate']);
    const defects = db.createObjectStore('defects', { keyPath: ['scope', 'id'] });
    defects.createIndex('scope', 'scope');
    const readings = db.createObjectStore('readings', { keyPath: ['scope', 'metric', 'day'] });
    readings.createIndex('scope', 'scope');
    db.createObjectStore('log', { keyPath: 'seq', autoIncrement: true });
    db.createObjectStore('meta');
  },
];

export const DB_VERSION = MIGRATIONS.length;
