import { z } from 'zod';
import { DEFAULT_SETTINGS, Settings } from '../model';
import { migrateSettings } from '../model/settings-migration';
import type { RedlineDb } from './db';

/**
 * Small typed values in the `meta` store. Each is validated on read: a value written by another
 * version that no longer fits its schema falls back to the default instead of breaking the worker.
 */
const META = {
  settings: { schema: Settings, fallback: DEFAULT_SETTINGS, normalize: migrateSettings },
  activeScope: { schema: z.string().nullable(), fallback: null },
  /** Merchant id seen on Seller Central pages, when any. */
  accountId: { schema: z.string().nullable(), fallback: null },
} as const;

type MetaKey = keyof typeof META;
type MetaValue<K extends MetaKey> = z.infer<(typeof META)[K]['schema']>;

export async function readMeta<K extends MetaKey>(db: RedlineDb, key: K): Promise<MetaValue<K>> {
  const entry = META[key];
  const stored = await db.get('meta', key);
  const parsed = entry.schema.safeParse('normalize' in entry ? entry.normalize(stored) : stored);
  return (parsed.success ? parsed.data : entry.fallback) as MetaValue<K>;
}

export async function writeMeta<K extends MetaKey>(db: RedlineDb, key: K, value: MetaValue<K>): Promise<void> {
  await db.put('meta', META[key].schema.parse(value), key);
}
