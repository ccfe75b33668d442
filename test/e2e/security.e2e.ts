// Security and privacy in Chromium (docs/reliability.md): a page script forging messages to the
// MAIN-world bridge changes nothing; no buyer personal data reaches the database from the real
// captures; a signed-out session (sign-in page, 401, 403) stores nothing, loses nothing, and the popup
// says "signed out".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo-site/server';
import { ask, readDatabase, until } from './database';
import { launchHarness, PROJECT_ROOT, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

const FIXTURES = join(PROJECT_ROOT, 'test/fixtures/seller-central/orders-api');
const REAL_ORDER = '114-7941379-5480234';

describe('a page script forging bridge messages', () => {
  it('changes nothing in the database', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
    const before = await until(
      () => readDatabase(h),
      (d) => d.orders.length > 0,
      'the first capture',
    );
    await page.waitForLoadState('networkidle');
    const settled = await readDatabase(h);
    const forged = JSON.stringify({
      orders: [
        { amazonOrderId: '999-9999999-9999999', orderDate: Date.now() / 1000, orderMarketplaceId: 'ATVPDKIKX0DER', orderFulfillmentStatus: 'Unshipped' },
      ],
    });
    // page.evaluate runs in the page's MAIN world, as Seller Central's own (or injected) scripts do.
    await page.evaluate((body) => {
      const capture = { path: '/orders-api/search', status: 200, contentType: 'application/json', body, observedAt: Date.now() };
      // 1. A second port announced with the bridge's marker: the content script took the first one already.
      const channel = new MessageChannel();
      window.postMessage({ 'redline-bridge-v1': true }, location.origin, [channel.port2]);
      channel.port1.postMessage(capture);
      // 2. Captures posted straight to the window, with and without the marker, and as an extension message.
      window.postMessage(capture, '*');
      window.postMessage({ 'redline-bridge-v1': true, ...capture }, '*');
      window.postMessage({ type: 'captureResponse', ...capture }, '*');
      // 3. The extension's messaging is not reachable from the page at all.
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      if (typeof runtime?.sendMessage === 'function') throw new Error('chrome.runtime.sendMessage is exposed to the page');
    }, forged);
    await page.waitForTimeout(1500);
    const after = await readDatabase(h);
    expect(after.orders.some((o) => o.orderId === '999-9999999-9999999')).toBe(false);
    expect(after.orders.length).toBe(settled.orders.length);
    expect(after.log.length).toBe(settled.log.length);
    expect(before.orders.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('no buyer personal data is stored', () => {
  it('after capturing the real Seller Central captures and the demo pages', async () => {
    // The real captures (test/fixtures) stand in for the demo's answers on these two endpoints.
    const search = readFileSync(join(FIXTURES, 'search_mfn-unshipped_2021-11.json'), 'utf8');
    const detail = readFileSync(join(FIXTURES, 'order-detail_2021-11.json'), 'utf8');
    await h.context.route('https://sellercentral.amazon.com/orders-api/search?**', (route) => route.fulfill({ contentType: 'application/json', body: search }));
    await h.context.route(`https://sellercentral.amazon.com/orders-api/order/${REAL_ORDER}`, (route) =>
      route.fulfill({ contentType: 'application/json', body: detail }),
    );
    try {
      for (const path of [DEMO_PAGES.unshipped, DEMO_PAGES.orderDetail(REAL_ORDER)]) {
        const page = await h.openSellerCentral(path);
        await page.waitForLoadState('networkidle');
        await page.close();
      }
      await until(
        () => readDatabase(h),
        (d) => d.orders.some((o) => o.orderId === REAL_ORDER && o.source === 'orders-api/order'),
        'the real order',
      );
    } finally {
      await h.context.unroute('https://sellercentral.amazon.com/orders-api/search?**');
      await h.context.unroute(`https://sellercentral.amazon.com/orders-api/order/${REAL_ORDER}`);
    }
    for (const path of [DEMO_PAGES.feedback, DEMO_PAGES.orderDetail(h.demo.seller.orders[0]!.amazonOrderId)]) {
      const page = await h.openSellerCentral(path);
      await page.waitForLoadState('networkidle');
      await page.close();
    }
    const stored = JSON.stringify(await readDatabase(h));
    expect(stored).toContain(REAL_ORDER);
    expect(search + detail).toMatch(/REDACTED|VJtVTTcMNGGDH5fnPPdtUKp9pEgFbL9IfLAVtmU65kk/); // the captures do hold such data
    expect(stored).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/); // e-mail addresses
    expect(stored).not.toMatch(
      /blob|customerOrderItemCode|buyerProxyEmail|buyerName|shippingAddress|phone|REDACTED|DEMO-OPAQUE|VJtVTTcMNGGDH5fnPPdtUKp9pEgFbL9IfLAVtmU65kk|ZHMKRRQFRGF7GBXNIR5IG124Y6T3N0YE1A1K1EY0N3T6Y4SPXTQ2EIA2OXNPHHWF/i,
    );
  });
});

describe('signed out', () => {
  it.each(['401', '403', 'html'] as const)('a %s answer stores nothing, loses nothing, and the popup says "signed out"', async (mode) => {
    const page0 = await h.openSellerCentral(DEMO_PAGES.unshipped);
    await until(
      () => readDatabase(h),
      (d) => d.orders.length > 0,
      'stored orders',
    );
    await page0.waitForLoadState('networkidle');
    await page0.close();
    const before = await readDatabase(h);
    h.demo.signedOut = mode;
    try {
      const page = await h.openSellerCentral(DEMO_PAGES.fba);
      await page.waitForSelector('#signed-out-notice');
      const data = await until(
        () => readDatabase(h),
        (d) => d.log.length > before.log.length && d.log.at(-1)?.reason === 'signedOut',
        'a signed-out log entry',
      );
      await page.close();
      expect(data.orders).toEqual(before.orders);
      expect(data.defects).toEqual(before.defects);
      expect(data.readings).toEqual(before.readings);
      const popup = await h.openPopup();
      await popup.waitForSelector('[role=alert]');
      expect(await popup.locator('[role=alert]').innerText()).toContain('Signed out of Seller Central');
      // The figures stay: the report of what was stored is still shown.
      expect(await ask<{ report: unknown }>(popup, { type: 'getPopupState' })).toMatchObject({ report: expect.anything() });
      await popup.close();
    } finally {
      h.demo.signedOut = null;
    }
  });
});
