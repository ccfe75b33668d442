// The built extension in Debian Chromium on the demo Seller Central: it loads, its content script runs
// on Seller Central pages, its popup opens, and it makes no network request of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo-site/server';
import { launchHarness, type ExtensionGlobal, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('Redline in Chromium', () => {
  it('starts its service worker', async () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    expect(await h.evaluateInServiceWorker(() => (globalThis as ExtensionGlobal).chrome.runtime.id)).toBe(h.extensionId);
  });

  it('runs its content script on Manage Orders (html[data-redline-ready])', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
    await page.waitForSelector('html[data-redline-ready]', { state: 'attached', timeout: 10_000 });
    await page.close();
  });

  it('runs its content script on every Seller Central host, not only .com', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.accountHealth, 'sellercentral-europe.amazon.com');
    await page.waitForSelector('html[data-redline-ready]', { state: 'attached', timeout: 10_000 });
    await page.close();
  });

  it('opens its popup', async () => {
    const popup = await h.openPopup();
    await popup.waitForFunction(() => (document.getElementById('app')?.childElementCount ?? 0) > 0);
    expect(await popup.title()).not.toBe('');
    await popup.close();
  });

  it('makes no network request of its own while the seller browses', async () => {
    for (const path of [DEMO_PAGES.unshipped, DEMO_PAGES.shipped, DEMO_PAGES.accountHealth, DEMO_PAGES.feedback]) {
      const page = await h.openSellerCentral(path);
      await page.waitForLoadState('networkidle');
      await page.close();
    }
    const order = h.demo.seller.orders[0]!;
    const detail = await h.openSellerCentral(DEMO_PAGES.orderDetail(order.amazonOrderId));
    await detail.waitForLoadState('networkidle');
    await detail.close();
    const popup = await h.openPopup();
    await popup.waitForLoadState('networkidle');
    await popup.close();

    expect(h.requests.some((r) => r.url.includes('/orders-api/search'))).toBe(true);
    expect(h.extensionRequests()).toEqual([]);
  });

  it('would notice if it did (the check above can fail)', async () => {
    const before = h.extensionRequests().length;
    await h.evaluateInServiceWorker(() => fetch('https://example.com/beacon').catch(() => 'blocked'));
    const page = await h.openSellerCentral(DEMO_PAGES.home);
    await page.evaluate(() => fetch('/orders-api/search?limit=100').then((r) => r.status));
    await page.close();
    const caught = h.extensionRequests().slice(before);
    expect(caught).toEqual([
      expect.objectContaining({ url: 'https://example.com/beacon', source: 'service-worker', outcome: 'blocked' }),
      expect.objectContaining({ url: expect.stringContaining('/orders-api/search?limit=100'), source: 'page', fromDemoPage: false }),
    ]);
  });
});
