import { describe, expect, it } from 'vitest';
import { readAny, readCountOrders, readResponse } from '../../../lib/readers';
import { DemoSite } from '../../demo-site/server';
import { batchOf, expectNotRecognized, fixtureJson, OBSERVED } from './helpers';

const ctx = { observedAt: OBSERVED, marketplaceId: 'A21TJRUUN4KGV' };
/** The capture note holds the request's shape beside the response: the answer is `_response`. */
const real = (fixtureJson('seller-central/2026/orders-api-countOrders.2026-07.IN.json') as { _response: unknown })._response;

describe('/orders-api/countOrders: Manage Orders’ tile counts (real capture, amazon.in, 2026-07)', () => {
  it('keeps the tab paths and the known English tile names as table totals, and no records', () => {
    const batch = batchOf(readResponse('/orders-api/countOrders', 200, 'application/json', JSON.stringify(real), ctx));
    expect(batch).toMatchObject({ orders: [], defects: [], readings: [] });
    expect(batch.tables).toEqual([
      { table: 'manageOrders mfn/pending/easyship', total: 0 },
      { table: 'manageOrders mfn/unshipped/easyship', total: 0 },
      { table: 'manageOrders mfn/unshipped/selfship', total: 0 },
      { table: 'manageOrders BusinessBuyerUnshipped', total: 0 },
      { table: 'manageOrders PremiumUnshipped', total: 0 },
      { table: 'manageOrders ShipByToday', total: 0 },
      { table: 'manageOrders VergeOfCancellation', total: 0 },
      { table: 'manageOrders VergeOfLateShipment', total: 0 },
    ]);
  });

  it('a name it does not know (another language) is left out; a count that is not one is invalid', () => {
    expect(batchOf(readCountOrders({ keyToCountMap: { 'Kurz vor Stornierung': 3, '/mfn/unshipped': 4 } }, ctx)).tables).toEqual([
      { table: 'manageOrders mfn/unshipped', total: 4 },
    ]);
    expectNotRecognized(readCountOrders({ keyToCountMap: { '/mfn/unshipped': -1 } }, ctx), 'invalid');
    expectNotRecognized(readCountOrders({ counts: {} }, ctx), 'invalid');
  });

  it('is told from its content as a file, and the demo serves the same shape', () => {
    expect(batchOf(readAny(JSON.stringify(real), ctx)).format).toBe('orders-api/countOrders');
    const site = new DemoSite({ seed: 7, now: Date.UTC(2026, 10, 26, 20) });
    const r = site.respond('POST', 'https://sellercentral.amazon.com/orders-api/countOrders', '{}');
    const tables = batchOf(readResponse('/orders-api/countOrders', r.status, r.contentType, r.body, ctx)).tables!;
    const unshipped = site.seller.orders.filter((o) => o.channel === 'MFN' && o.status === 'Unshipped').length;
    expect(tables).toContainEqual({ table: 'manageOrders mfn/unshipped', total: unshipped });
  });
});
