import { z } from 'zod';
import type { TablePage } from '../model';
import { jsonReader } from './input';
import { count } from './schemas';

/**
 * Manage Orders' tile counts, `POST /orders-api/countOrders` → `{keyToCountMap: {…}}` (live capture,
 * amazon.in, 2026-07; test/fixtures/seller-central/2026/orders-api-countOrders.2026-07.IN.json). Amazon's
 * own count of each tab's orders, so a page of a tab is known as a page of how many. Keys mix tab paths
 * (`/mfn/unshipped/selfship`) and English display names (`Verge Of Late Shipment`), probably localised
 * [guess]: paths are kept as tables, the known English names by the filter value the manifest gives them
 * (`VergeOfLateShipment`, orders-api-manifest-v3 excerpt); any other key is left out, never guessed.
 * No records: a batch with tables only.
 */

const FORMAT = 'orders-api/countOrders';

const DISPLAY_NAMES: Record<string, string> = {
  vergeoflateshipment: 'VergeOfLateShipment',
  vergeofcancellation: 'VergeOfCancellation',
  shipbytoday: 'ShipByToday',
  businessbuyerunshipped: 'BusinessBuyerUnshipped',
  premiumunshipped: 'PremiumUnshipped',
};

const TAB_PATH = /^\/(mfn|fba|afn)(\/[a-z-]{1,30}){0,3}$/;

/** The table a key counts, or undefined for a key Redline does not know. */
function tableOf(key: string): string | undefined {
  if (TAB_PATH.test(key)) return `manageOrders ${key.slice(1)}`;
  const name = DISPLAY_NAMES[key.toLowerCase().replace(/[^a-z]/g, '')];
  return name ? `manageOrders ${name}` : undefined;
}

export const readCountOrders = jsonReader(FORMAT, z.object({ keyToCountMap: z.record(z.string(), z.unknown()) }), (body) => {
  const tables: TablePage[] = [];
  for (const [key, value] of Object.entries(body.keyToCountMap)) {
    const table = tableOf(key);
    if (!table) continue;
    const total = count.safeParse(value);
    if (!total.success) return `the count of ${table} is not a count`;
    if (tables.length < 50) tables.push({ table, total: total.data });
  }
  return { tables };
});
