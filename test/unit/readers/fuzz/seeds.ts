/**
 * The valid inputs the fuzzer mutates: every real capture and report fixture, the demo site's
 * responses for every endpoint (with shipped, cancelled and defective orders), and a Redline export.
 * Each is read once unmutated; that batch is the reference for its variants.
 */
import { DEFAULT_SETTINGS, type Batch } from '../../../../lib/model';
import { readAny } from '../../../../lib/readers';
import type { ReadContext } from '../../../../lib/readers/result';
import { DemoSite } from '../../../demo-site/server';
import { mergeBatches } from '../../../../lib/model/merge';
import { readResponse } from '../../../../lib/readers';
import { batchOf, DE, fixture, JP, OBSERVED, US } from '../helpers';

export interface Seed {
  name: string;
  text: string;
  table: boolean;
  /** The capture endpoint it was served at, for seeds that come through `readResponse` too. */
  endpoint?: string;
  ctx: ReadContext;
  /** The unmutated input read by readAny, and (seeds with an endpoint) by readResponse. */
  batch: Batch;
  captured?: Batch;
}

// JSON names its own marketplace: no context marketplace, so that a mutation which removes it
// cannot be covered up by a guess (an order placed in the wrong marketplace is a wrong record).
const JSON_FIXTURES = [
  'seller-central/orders-api/search_mfn-unshipped_2021-11.json',
  'seller-central/orders-api/order-detail_2021-11.json',
  'amazon-sp-api/orders-2026_searchOrders.json',
  'amazon-sp-api/orders-2026_getOrder.json',
  'amazon-sp-api/orders-v0_getOrders.json',
  'amazon-sp-api/orders-v0_getOrder.json',
  'amazon-sp-api/performance-report.example.json',
  'seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json',
];

// The all-orders report names each order's marketplace (`sales-channel`): no context either, for the same reason.
const TABLE_FIXTURES: [string, string | undefined][] = [
  ['synthetic/all-orders_US.tsv', undefined],
  ['synthetic/unshipped_US.tsv', US],
  ['synthetic/feedback_US.tsv', US],
  ['synthetic/feedback_DE.tsv', DE],
  ['synthetic/feedback_JP.tsv', JP],
];

function demoResponses(): [string, string, string][] {
  const site = new DemoSite({ seed: 3, now: Date.UTC(2026, 10, 26, 20) });
  const get = (path: string): [string, string, string] => [
    `demo ${path.split('?')[0]}`,
    site.respond('GET', `https://sellercentral.amazon.com${path}`).body,
    path,
  ];
  // Orders that exercise every branch: shipped with tracking, buyer- and seller-cancelled, late, pending.
  const interesting = ['buyer-cancel', 'seller-cancel', 'no-tracking', 'overdue', 'late-shipment'] as const;
  const detailIds = interesting.map((tag) => site.seller.orders.find((o) => o.scenarios.includes(tag))!.amazonOrderId);
  return [
    get('/orders-api/search?limit=12&orderStatus=all&fulfillmentType=all'),
    ...detailIds.map((id) => get(`/orders-api/order/${id}`)),
    get('/fbmapi/v1/feedbacks?pageSize=12&rating=1,2,3'),
    get('/gp/guarantee-claims/api/claims'),
    get('/chargebacks/api/v1/chargebacks'),
    get('/performance/api/summary'),
    ['demo /orders-api/countOrders', site.respond('POST', 'https://sellercentral.amazon.com/orders-api/countOrders', '{}').body, '/orders-api/countOrders'],
  ];
}

/** A Redline export of a few of the records above, as the options page downloads it. */
function redlineExport(batches: Batch[]): string {
  const scope = (r: { marketplaceId: string }) => ({ scope: `default|${r.marketplaceId}` });
  const merged = mergeBatches(batches);
  const pick = (kind: 'orders' | 'defects' | 'readings') => merged[kind].slice(0, 6);
  return JSON.stringify({
    format: 'redline-export',
    version: 1,
    exportedAt: OBSERVED,
    settings: DEFAULT_SETTINGS,
    orders: pick('orders').map((o) => ({ ...o, ...scope(o) })),
    defects: pick('defects').map((d) => ({ ...d, ...scope(d) })),
    readings: pick('readings').map((r) => ({ ...r, ...scope(r), day: '2026-11-26' })),
  });
}

export function loadSeeds(): Seed[] {
  const seed = (name: string, text: string, marketplaceId: string | undefined, table: boolean, endpoint?: string): Seed => {
    const ctx = { observedAt: OBSERVED, ...(marketplaceId ? { marketplaceId } : {}) };
    const batch = batchOf(readAny(text, ctx));
    if (!endpoint) return { name, text, table, ctx, batch };
    // A capture on sellercentral.amazon.com: the host names the marketplace.
    const captured = batchOf(readResponse(endpoint, 200, 'application/json', text, { ...ctx, marketplaceId: US }));
    return { name, text, table, ctx, batch, endpoint, captured };
  };
  const seeds = [
    ...JSON_FIXTURES.map((path) => seed(path, fixture(path), undefined, false)),
    // Claims and chargebacks do not name their marketplace (a capture takes the host's).
    ...demoResponses().map(([name, text, path]) => seed(name, text, /claims|chargebacks/.test(path) ? US : undefined, false, path)),
    ...TABLE_FIXTURES.map(([path, m]) => seed(path, fixture(path), m, true)),
  ];
  return [...seeds, seed('redline export', redlineExport(seeds.map((s) => s.batch)), undefined, false)];
}
