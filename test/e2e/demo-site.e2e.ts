// The demo Seller Central behaves like the real single-page app in a real browser: tables render
// after the page's own JSON arrives, tabs and pagination change the URL without a page load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo-site/server';
import { launchHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

const ROWS = "tr[id^='row-']";
const documentLoads = () => h.requests.filter((r) => r.resourceType === 'document').length;

describe('demo Manage Orders', () => {
  it('lists the unshipped MFN orders with their ids and links to the order page', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
    await page.waitForSelector(ROWS);
    const unshipped = h.demo.seller.orders.filter((o) => o.channel === 'MFN' && o.status === 'Unshipped');
    expect(await page.locator(ROWS).count()).toBe(Math.min(15, unshipped.length));
    const id = unshipped[0]!.amazonOrderId;
    await expect(page.locator(`#row-${id}`).textContent()).resolves.toContain(id);
    await expect(page.locator(`#row-${id} a[href='/orders-v3/order/${id}']`).count()).resolves.toBe(1);
    expect(await page.getAttribute('html', 'lang')).toBe('en-US');
    await page.close();
  });

  it('switches tabs with history.pushState, without loading a new document', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
    await page.waitForSelector(ROWS);
    const loads = documentLoads();
    await page.click("a[data-test-id='tab-/mfn/shipped']");
    await page.waitForURL('**/orders-v3/mfn/shipped');
    await page.waitForSelector("a[data-test-id='tab-/mfn/shipped'].active");
    await page.waitForSelector(ROWS);
    const newest = h.demo.seller.orders.find((o) => o.channel === 'MFN' && o.status === 'Shipped')!;
    await page.waitForSelector(`#row-${newest.amazonOrderId}`);
    expect(documentLoads()).toBe(loads);
    await page.goBack();
    await page.waitForURL('**/orders-v3/mfn/unshipped');
    expect(documentLoads()).toBe(loads);
    await page.close();
  });

  it('pages through results 15 or 100 at a time, fetching each page', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.shipped);
    await page.waitForSelector(ROWS);
    const firstPage = await page.locator(ROWS).evaluateAll((rows) => rows.map((r) => r.id));
    expect(firstPage).toHaveLength(15);
    const next = page.waitForRequest((r) => r.url().includes('/orders-api/search') && r.url().includes('offset=15'));
    await page.click("[data-test-id='next-page']");
    await next;
    await page.waitForFunction((first) => !document.getElementById(first), firstPage[0]!);
    const secondPage = await page.locator(ROWS).evaluateAll((rows) => rows.map((r) => r.id));
    expect(secondPage).toHaveLength(15);
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    await page.selectOption("[data-test-id='page-size']", '100');
    await page.waitForFunction(() => document.querySelectorAll("tr[id^='row-']").length === 100);
    expect(new URL(page.url()).searchParams.get('pageSize')).toBe('100');
    await page.close();
  });
});

describe('other demo pages', () => {
  it('shows an order with its packages', async () => {
    const order = h.demo.seller.orders.find((o) => o.scenarios.includes('no-tracking'))!;
    const page = await h.openSellerCentral(DEMO_PAGES.orderDetail(order.amazonOrderId));
    await page.waitForSelector('.package-row');
    await expect(page.locator('#order-id').textContent()).resolves.toContain(order.amazonOrderId);
    await expect(page.locator('.package-row').textContent()).resolves.toContain('No tracking ID');
    expect(await page.locator('#sc-content').textContent()).not.toContain('null'); // an absent block is not printed
    await page.close();
  });

  it("renders Amazon's reading on Account Health with the real page's row ids", async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.accountHealth);
    await page.waitForSelector('#shipping-late-shipment-rate-row');
    const lsr10 = (h.demo.seller.accountHealth.performanceMetrics[0]!.lateShipmentRateList as { lateShipmentCount: number; orderCount: number }[])[0]!;
    const row = await page.locator('#shipping-late-shipment-rate-row').textContent();
    expect(row).toContain(`${lsr10.lateShipmentCount} of ${lsr10.orderCount} orders`);
    expect(row).toMatch(/\d(\.\d+)?%/);
    for (const id of [
      '#shipping-cancellation-rate-row',
      '#shipping-view-tracking-rate-row',
      '#unit-on-time-delivery-rate-row',
      '#odr-breakdown-section',
      '#customer-satisfaction-content-rows-section',
    ]) {
      expect(await page.locator(id).count(), id).toBe(1);
    }
    expect(Number(await page.locator('.ahd-numeric-ahr-indicator').textContent())).toBeGreaterThanOrEqual(200);
    await page.close();
  });

  it('renders Feedback Manager rows as Katal elements with the star rating in an attribute', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.feedback);
    await page.waitForSelector('kat-table-body kat-table-row');
    const first = h.demo.seller.feedback[0]!;
    const row = page.locator('kat-table-body kat-table-row').first();
    await expect(row.locator('.col_feedback_rating kat-star-rating').getAttribute('value')).resolves.toBe(String(first.rating));
    await expect(row.locator('.col_order_id kat-link').getAttribute('label')).resolves.toBe(first.orderId);
    await page.close();
  });

  it('shows A-to-z claims and chargebacks by order', async () => {
    for (const [path, id] of [
      [DEMO_PAGES.claims, `#claim-${h.demo.seller.claims[0]!.claimId}`],
      [DEMO_PAGES.chargebacks, `#chargeback-${h.demo.seller.chargebacks[0]!.id}`],
    ] as const) {
      const page = await h.openSellerCentral(path);
      await page.waitForSelector(id);
      await page.close();
    }
  });

  it('tells a signed-out seller to sign in when the JSON endpoints answer with a sign-in page', async () => {
    for (const mode of ['html', '401', '403'] as const) {
      h.demo.signedOut = mode;
      const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
      await page.waitForSelector('#signed-out-notice');
      expect(await page.locator(ROWS).count()).toBe(0);
      await page.close();
    }
    h.demo.signedOut = null;
  });
});
