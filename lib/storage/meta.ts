import { z } from 'zod';
import { DEFAULT_SETTINGS, Settings } from '../model';
import type { RedlineDb } from './db';

/**
 * Small typed values in the `meta` store. Each is validated on read: a value written by another
 * version that no longer fits its schema falls back to the default instead of breaking the worker.
 */
const META = {
  settings: { schema: Settings, fallback: DEFAULT_SETTINGS, normalize: withDefaultSettings },
  activeScope: { schema: z.string().nullable(), fallback: null },
  /** Merchant id seen on Seller Central pages, when any. */
  accountId: { schema: z.string().nullable(), fallback: null },
} as const;

/**
 * Settings saved by an older version lack the newer fields: fill them from the defaults rather than
 * dropping the seller's own targets.
 */
function withDefaultSettings(stored: unknown): unknown {
  if (!stored || typeof stored !== 'object') return stored;
  const s = stored as Partial<Settings>;
  return { ...DEFAULT_SETTINGS, ...s, metrics: { ...DEFAULT_SETTINGS.metrics, ...(s.metrics ?? {}) } };
}

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
