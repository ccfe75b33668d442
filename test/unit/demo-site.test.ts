import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTracking } from 'ts-tracking-number';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { orderDetailResponse, searchResponse } from '../demo-site/api';
import { generateDemoSeller, type DemoSeller } from '../demo-site/generate';
import { referenceMetrics } from '../demo-site/reference-metrics';
import { DemoSite } from '../demo-site/server';
import { HOUR, localDay, startOfLocalDay } from '../demo-site/time';

// Paths, not URL objects: under happy-dom the global URL is not Node's.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/seller-central');
const fixture = (path: string) => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8'));
const realSearch = fixture('orders-api/search_mfn-unshipped_2021-11.json');
const realDetail = fixture('orders-api/order-detail_2021-11.json');
const realReport = fixture('reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json');

const NOW = Date.parse('2026-11-26T20:00:00Z'); // 12:00 PST
const seller = generateDemoSeller({ seed: 7, now: NOW });
const query = (q: Record<string, string>) => new URLSearchParams(q);
const keys = (o: object) => Object.keys(o).sort();
const byScenario = (s: DemoSeller, scenario: string) => s.orders.filter((o) => o.scenarios.includes(scenario as never));

/** Every key of the real object is present, and non-null real values keep their JSON type. */
function expectSameShape(generated: Record<string, unknown>, real: Record<string, unknown>, extraKeys: string[] = []) {
  expect(keys(generated)).toEqual([...keys(real), ...extraKeys].sort());
  for (const [key, value] of Object.entries(real)) {
    if (value === null || generated[key] === null) continue;
    expect(Array.isArray(generated[key]), key).toBe(Array.isArray(value));
    expect(typeof generated[key], key).toBe(typeof value);
  }
}

afterEach(() => vi.restoreAllMocks());

describe('generateDemoSeller', () => {
  it('gives the same account for the same seed and now, and another for another seed', () => {
    expect(generateDemoSeller({ seed: 7, now: NOW })).toEqual(seller);
    const other = generateDemoSeller({ seed: 8, now: NOW });
    expect(other.orders.map((o) => o.amazonOrderId)).not.toEqual(seller.orders.map((o) => o.amazonOrderId));
  });

  it('never uses Math.random', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    expect(() => generateDemoSeller({ seed: 1, now: NOW })).not.toThrow();
  });

  it('places every order in the 90 days before now, with unique Amazon-style ids', () => {
    const ids = seller.orders.map((o) => o.amazonOrderId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^\d{3}-\d{7}-\d{7}$/);
    for (const o of seller.orders) {
      expect(o.orderDate).toBeLessThanOrEqual(NOW);
      expect(localDay(o.orderDate, seller.timeZone)).toBeGreaterThan(localDay(NOW, seller.timeZone) - 90);
    }
    expect(seller.orders.length).toBeGreaterThan(500);
    expect(seller.orders.filter((o) => o.channel === 'AFN').length).toBeGreaterThan(100);
  });

  it("gives every tracked shipment a number of its carrier's format, with a correct check digit", () => {
    const courier = { UPS: 'UPS', USPS: 'United States Postal Service', FedEx: 'FedEx', AMZL_US: 'Amazon' } as Record<string, string>;
    const tracked = seller.orders.filter((o) => o.package?.trackingId);
    expect(tracked.length).toBeGreaterThan(500);
    for (const o of tracked) expect(getTracking(o.package!.trackingId!)?.courier.name, o.package!.trackingId!).toBe(courier[o.package!.carrierName!]);
  });

  it('writes ship-by dates as 23:59:59 local time, as Amazon does', () => {
    for (const o of seller.orders) {
      const nextDay = localDay(o.latestShipDate, seller.timeZone) + 1;
      expect(o.latestShipDate + 1000).toBe(startOfLocalDay(nextDay, seller.timeZone));
    }
  });

  // Every day of five weeks (a US holiday and weekends move the business-day deadlines): Amazon's reading,
  // two days behind, is inside LSR's line too, and Amazon's auto-cancel happened before that reading, so
  // the reading never counts as late an order that today's pages show cancelled (a count Redline cannot
  // see, and on 2026-12-02 the reason the reading was over the line).
  it.each(Array.from({ length: 35 }, (_, i) => new Date(Date.parse('2026-11-10T16:40:00Z') + i * 24 * HOUR).toISOString()))(
    'at %s Amazon’s LSR reading agrees with what the pages show',
    (iso) => {
      const s = generateDemoSeller({ seed: 7, now: Date.parse(iso) });
      expect(referenceMetrics(s, s.readingAsOf).lsr10d.rate).toBeLessThan(0.04);
      for (const o of byScenario(s, 'auto-cancelled')) expect(o.cancelledAt!).toBeLessThanOrEqual(s.readingAsOf);
    },
  );

  // Different times of day and both DST switches: the account must sit just inside its red lines at any now.
  it.each([
    '2026-11-26T08:30:00Z', // 00:30 PST: today has barely started
    '2026-11-26T20:00:00Z',
    '2026-11-27T07:45:00Z', // 23:45 PST: "due today" would be minutes away
    '2026-03-08T11:00:00Z', // spring forward
    '2026-11-01T10:30:00Z', // fall back
    '2027-07-04T18:00:00Z',
  ])('at %s the metrics are near their targets and the risks are there', (iso) => {
    const s = generateDemoSeller({ seed: 3, now: Date.parse(iso) });
    const e = s.expected;
    expect(e.lsr10d.rate).toBeLessThan(0.04);
    expect(e.lsr10d.rate).toBeGreaterThanOrEqual(0.025);
    expect(e.lsr30d.rate).toBeLessThan(0.04);
    // Amazon's own reading (two days behind) agrees that LSR is inside its line: the demo never shows a
    // breach only because the reading's days differ.
    expect(referenceMetrics(s, s.readingAsOf).lsr10d.rate).toBeLessThan(0.04);
    expect(e.odrMfn.rate).toBeLessThan(0.01);
    expect(e.odrMfn.rate).toBeGreaterThanOrEqual(0.007);
    expect(e.odrMfn.num).toBeLessThan(e.odrMfn.negativeFeedback + e.odrMfn.claims + e.odrMfn.chargebacks); // one order, two defects
    expect(e.cr7d.rate).toBeLessThan(0.025);
    expect(e.vtr30d.rate).toBeGreaterThan(0.95);
    expect(e.vtr30d.rate).toBeLessThan(1);

    const dueSoon = byScenario(s, 'due-soon');
    expect(dueSoon).toHaveLength(3);
    for (const o of dueSoon) {
      expect(o.status).toBe('Unshipped');
      expect(o.latestShipDate - s.now).toBeGreaterThan(0);
      expect(o.latestShipDate - s.now).toBeLessThan(26 * HOUR);
    }
    // Deadlines are hours away, never seconds: a slow test run must not watch an order turn late.
    const open = s.orders.filter((o) => o.status === 'Unshipped' && !o.scenarios.includes('overdue') && !o.scenarios.includes('auto-cancel-soon'));
    for (const o of open) expect(o.latestShipDate - s.now).toBeGreaterThanOrEqual(2 * HOUR - 1000);
    expect(byScenario(s, 'no-tracking').some((o) => s.now - o.shipConfirmedAt! <= 20 * HOUR)).toBe(true);
    expect(byScenario(s, 'overdue')).toHaveLength(1);
    // Spec v2 §2: one order hours from its auto-cancel (7 business days after ship-by), one auto-cancelled lately.
    const [soon] = byScenario(s, 'auto-cancel-soon');
    expect(soon!.cancellationDate! - s.now).toBeGreaterThanOrEqual(3 * HOUR);
    expect(soon!.cancellationDate! - s.now).toBeLessThanOrEqual(70 * HOUR);
    const [autoCancelled] = byScenario(s, 'auto-cancelled');
    expect(autoCancelled).toMatchObject({ status: 'Canceled', cancelledBy: 'AMAZON', cancelledAt: autoCancelled!.cancellationDate, shipConfirmedAt: null });
    expect(e.cr7d.orderIds).toContain(autoCancelled!.amazonOrderId); // counted on its cancel day, not its order date
    expect(e.lsr30d.orderIds).not.toContain(autoCancelled!.amazonOrderId);
    // Spec v2 §6: OTDR counts units; the bulk order's 6 late units all count.
    const [bulk] = byScenario(s, 'late-delivery-bulk');
    expect(bulk!.items.reduce((n, i) => n + i.quantity, 0)).toBe(6);
    expect(e.otdr14d.den).toBeGreaterThan(e.otdr14d.orderIds.length);
    expect(e.otdr14d.rate).toBeLessThan(0.97);
    expect(e.otdr14d.rate).toBeGreaterThan(0.9);
    expect(byScenario(s, 'late-shipment').length).toBeGreaterThan(3);
    expect(byScenario(s, 'no-tracking').length).toBe(5);
    expect(byScenario(s, 'buyer-cancel-open')).toHaveLength(1);
    expect(s.claims.map((c) => c.status).sort()).toEqual(['DENIED', 'GRANTED', 'PENDING']);
    expect(s.chargebacks).toHaveLength(1);
    expect(s.feedback.filter((f) => f.rating <= 2 && f.status === 'ACTIVE').length).toBeGreaterThanOrEqual(4);
  });

  it("shows Amazon's reading days behind the live data", () => {
    const metrics = seller.accountHealth.performanceMetrics[0]!;
    expect(Date.parse(seller.accountHealth.lastUpdatedDate)).toBe(seller.readingAsOf);
    expect(seller.now - seller.readingAsOf).toBeGreaterThan(36 * HOUR);
    expect(keys(metrics)).toEqual(expect.arrayContaining(keys(realReport.performanceMetrics[0])));
    const odr = (metrics.orderDefectRate as Record<string, Record<string, unknown>>).mfn!;
    expect(keys(odr)).toEqual(expect.arrayContaining(keys(realReport.performanceMetrics[0].orderDefectRate.mfn)));
    expect(keys(odr)).toEqual(expect.arrayContaining(['orderWithDefects', 'claims', 'chargebacks', 'negativeFeedback', 'fulfillmentType']));
    expect(metrics.lateShipmentRateList).toHaveLength(2);
  });
});

describe('orders-api bodies', () => {
  it('answer /orders-api/search in the shape of the real capture', () => {
    const body = searchResponse(seller, query({ fulfillmentType: 'mfn', orderStatus: 'unshipped', limit: '15', offset: '0' }));
    expectSameShape(body, realSearch);
    expect(body.orders.length).toBeGreaterThan(0);
    for (const row of body.orders) {
      expectSameShape(row, realSearch.orders[0], ['packages']);
      expectSameShape(row.orderItems[0]!, realSearch.orders[0].orderItems[0]);
      expect(keys(row.timeZoneDetailsMap)).toEqual(keys(realSearch.orders[0].timeZoneDetailsMap));
      expect(row.orderFulfillmentStatus).toBe('Unshipped');
      expect(row.latestShipDate).toBeGreaterThan(1e9); // epoch seconds, not ms
      expect(row.latestShipDate).toBeLessThan(1e11);
    }
  });

  it('answer /orders-api/order/{id} in the shape of the real capture, with packages and cancel requests', () => {
    const open = byScenario(seller, 'buyer-cancel-open')[0]!;
    const detail = orderDetailResponse(seller, open.amazonOrderId)!;
    expectSameShape(detail, realDetail);
    expectSameShape(detail.order, realDetail.order);
    expect(keys(detail.order.orderStatus)).toEqual(keys(realDetail.order.orderStatus));
    // The 2021 capture's item keys, and the 2023+ ones a 2023 scraper reads (`isBuyerRequestedCancel`, `cancelReason`).
    expect(keys(detail.order.orderItems[0]!)).toEqual([...keys(realDetail.order.orderItems[0]), 'cancelReason', 'isBuyerRequestedCancel'].sort());
    expect(keys(detail.order.timeZoneDetailsMap)).toEqual(keys(realDetail.order.timeZoneDetailsMap));
    expect(detail.order.orderItems[0]!).toMatchObject({ BuyerRequestedCancel: null, isBuyerRequestedCancel: true });
    expect(detail.order.buyerProxyEmail).toMatch(/\.invalid$/);

    const untracked = byScenario(seller, 'no-tracking')[0]!;
    expect(orderDetailResponse(seller, untracked.amazonOrderId)!.order.packages).toEqual([
      // The 2023+ keys (orders-api-order-detail.fields.2023.md).
      {
        Carrier: untracked.package!.carrierName,
        IsSignatureConfirmationApplied: false,
        ShipDate: untracked.package!.shipDate / 1000,
        ShipmentId: expect.stringMatching(/^[A-Z0-9]{9}$/),
        ShippingService: null,
        TrackingId: null,
      },
    ]);
    const overdue = orderDetailResponse(seller, byScenario(seller, 'overdue')[0]!.amazonOrderId)!.order.orderStatus;
    expect(overdue).toMatchObject({ OrderStatus: 'Unshipped', Late: true });
    const soon = orderDetailResponse(seller, byScenario(seller, 'auto-cancel-soon')[0]!.amazonOrderId)!.order.orderStatus;
    expect(soon).toMatchObject({ OrderStatus: 'Unshipped', Late: true, AtRiskOfCancellation: true });
  });

  it('writes PST in winter and PDT in summer', () => {
    const summer = generateDemoSeller({ seed: 7, now: Date.parse('2027-07-04T18:00:00Z') });
    const map = (s: DemoSeller) => searchResponse(s, query({ orderStatus: 'shipped' })).orders[0]!.timeZoneDetailsMap.orderDate!;
    expect(map(seller)).toEqual({ offset: -28_800_000, shortenedTzString: 'PST' });
    expect(map(summer)).toEqual({ offset: -25_200_000, shortenedTzString: 'PDT' });
  });

  it('pages through every matching order exactly once', () => {
    const first = searchResponse(seller, query({ fulfillmentType: 'fba', orderStatus: 'all', limit: '100', offset: '0' }));
    const ids: string[] = [];
    for (let offset = 0; offset < first.total; offset += 100) {
      const page = searchResponse(seller, query({ fulfillmentType: 'fba', orderStatus: 'all', limit: '100', offset: String(offset) }));
      expect(page.total).toBe(first.total);
      ids.push(...page.orders.map((o) => o.amazonOrderId));
      for (const o of page.orders) expect(o.isMerchantFulfilled).toBe(false);
    }
    expect(new Set(ids).size).toBe(first.total);
    expect(first.total).toBe(seller.orders.filter((o) => o.channel === 'AFN').length);
  });
});

describe('DemoSite', () => {
  const site = new DemoSite({ seed: 7, now: NOW });
  const url = (path: string) => `https://sellercentral.amazon.com${path}`;

  it('serves the single-page shells in US English and the JSON at the real paths', () => {
    const page = site.respond('GET', url('/orders-v3/mfn/unshipped'));
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="en-US">');
    expect(site.respond('GET', url('/demo-assets/orders.js')).status).toBe(200);
    const search = site.respond('GET', url('/orders-api/search?limit=15&offset=0&fulfillmentType=mfn&orderStatus=unshipped'));
    expect(JSON.parse(search.body).orders.length).toBeGreaterThan(0);
    expect(JSON.parse(site.respond('GET', url('/performance/api/summary')).body).performanceMetrics).toHaveLength(1);
    expect(site.respond('GET', url('/orders-api/order/000-0000000-0000000')).status).toBe(404);
  });

  it('counts the Manage Orders tiles from the same orders', () => {
    const { keyToCountMap: counts } = JSON.parse(site.respond('POST', url('/orders-api/countOrders')).body);
    const unshipped = site.seller.orders.filter((o) => o.channel === 'MFN' && o.status === 'Unshipped');
    expect(counts['/mfn/unshipped']).toBe(unshipped.length);
    expect(counts['Ship by today']).toBeGreaterThanOrEqual(3); // the due-soon orders, at noon
    expect(counts['Verge Of Cancellation']).toBeGreaterThanOrEqual(1); // the overdue order, and the one hours from its auto-cancel
  });

  it.each([
    ['html', 200, /text\/html/, /Sign-In/],
    ['401', 401, /text\/plain/, /^$/],
    ['403', 403, /json/, /"reason":"sign_in"/],
  ] as const)('answers the JSON endpoints as a signed-out session (%s)', (mode, status, type, body) => {
    const signedOut = new DemoSite({ seed: 7, now: NOW, signedOut: mode });
    for (const path of ['/orders-api/search', '/fbmapi/v1/feedbacks', '/performance/api/summary']) {
      const r = signedOut.respond('GET', url(path));
      expect([r.status, r.contentType, r.body]).toEqual([status, expect.stringMatching(type), expect.stringMatching(body)]);
    }
    expect(signedOut.respond('GET', url('/orders-v3/mfn/unshipped')).status).toBe(200);
  });
});

describe('the hostile demo (hostile: true)', () => {
  const hostile = new DemoSite({ seed: 7, now: NOW, hostile: true });
  const facts = hostile.seller.hostile!;
  const figures = (s: DemoSeller) => Object.fromEntries(Object.entries(s.expected).map(([k, v]) => [k, { num: v.num, den: v.den }]));

  it('keeps the same metrics: no hostile string sits where a figure is read', () => {
    expect(figures(hostile.seller)).toEqual(figures(seller));
  });

  it('puts the notable strings where the facts say, and serves them as JSON text', () => {
    expect(facts.orderIds).toHaveLength(3);
    expect(facts.orderIds.every((id) => id.length <= 64 && id.includes('__redlinePwned('))).toBe(true);
    const unshipped = JSON.parse(hostile.respond('GET', 'https://sellercentral.amazon.com/orders-api/search?orderStatus=unshipped&limit=100').body);
    const ids = unshipped.orders.map((o: { amazonOrderId: string }) => o.amazonOrderId);
    expect(ids).toEqual(expect.arrayContaining([...facts.orderIds, facts.bigTitleOrderId]));
    const big = unshipped.orders.find((o: { amazonOrderId: string }) => o.amazonOrderId === facts.bigTitleOrderId);
    expect(big.orderItems[0].productName.length).toBeGreaterThan(2 ** 20);
    const feedback = JSON.parse(hostile.respond('GET', 'https://sellercentral.amazon.com/fbmapi/v1/feedbacks?pageSize=20&pageNumber=0&lastEvaluatedKey=').body);
    expect(feedback.feedbacks.find((f: { orderId: string }) => f.orderId === facts.bigCommentOrderId).feedbackText.length).toBeGreaterThan(2 ** 20);
    expect(hostile.seller.chargebacks.some((c) => c.id === facts.rejectedChargebackId)).toBe(true);
  });
});
