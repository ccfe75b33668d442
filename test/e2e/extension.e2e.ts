// The built extension in Debian Chromium on the demo Seller Central: it loads, its content script runs
// on Seller Central pages, its popup opens, it makes no network request of its own through a whole
// session, and its strict CSP is never violated (docs/reliability.md, "Security and privacy").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo-site/server';
import type { Page } from 'playwright-core';
import { launchHarness, type ExtensionGlobal, type Harness } from './harness';

let h: Harness;
/**
 * Content Security Policy violations in the extension's pages: each page reports its own through
 * `securitypolicyviolation` (an init script listens from the first script on), read back per page.
 */
const CSP_LISTENER = `document.addEventListener('securitypolicyviolation', (e) => {
  (globalThis.__redlineCsp ??= []).push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || ''));
});`;
const violationsIn = (page: Page) => page.evaluate(() => ((globalThis as { __redlineCsp?: string[] }).__redlineCsp ?? []).slice());

beforeAll(async () => {
  h = await launchHarness();
  await h.context.addInitScript({ content: CSP_LISTENER });
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

  it('makes no network request of its own through a full session: every page, the popup, the options page; no CSP violation', async () => {
    for (const path of Object.values(DEMO_PAGES).flatMap((p) => (typeof p === 'string' ? [p] : []))) {
      const page = await h.openSellerCentral(path);
      await page.waitForLoadState('networkidle');
      await page.close();
    }
    const order = h.demo.seller.orders[0]!;
    const detail = await h.openSellerCentral(DEMO_PAGES.orderDetail(order.amazonOrderId));
    await detail.waitForLoadState('networkidle');
    await detail.close();
    const popup = await h.openPopup();
    await popup.waitForFunction(() => (document.getElementById('app')?.childElementCount ?? 0) > 0);
    await popup.waitForLoadState('networkidle');
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`, { waitUntil: 'networkidle' });
    await options.waitForFunction(() => (document.body.textContent ?? '').length > 100);

    expect(h.requests.some((r) => r.url.includes('/orders-api/search'))).toBe(true);
    expect(h.requests.some((r) => r.url.includes('/chargebacks/api/v1/chargebacks'))).toBe(true);
    expect(h.extensionRequests()).toEqual([]);
    // zod never probes or compiles code (jitless), Preact sets no inline style, nothing loads remotely.
    expect(await violationsIn(popup)).toEqual([]);
    expect(await violationsIn(options)).toEqual([]);
    await popup.close();
    await options.close();
  });

  it('forbids eval in its pages and worker, and the violation listener hears it', async () => {
    // DevTools' own evaluation may compile strings; a task the context runs by itself may not. So the
    // probe runs in a timer callback, as zod's would run in a message handler.
    const probe = () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the probe: the extension's CSP must refuse it
            resolve(new Function('return "ran"')() as string);
          } catch (error) {
            resolve((error as Error).name);
          }
        }, 0),
      );
    expect(await h.evaluateInServiceWorker(probe)).toBe('EvalError');
    const popup = await h.openPopup();
    expect(await popup.evaluate(probe)).toBe('EvalError');
    await expect.poll(async () => (await violationsIn(popup)).join()).toContain('script-src eval');
    await popup.close();
  });

  it('would notice if it did (the checks above can fail)', async () => {
    const before = h.extensionRequests().length;
    // The worker cannot even send a request: its CSP (connect-src 'none') refuses it before the network.
    expect(
      await h.evaluateInServiceWorker(() =>
        fetch('https://example.com/beacon').then(
          () => 'sent',
          (e: Error) => e.name,
        ),
      ),
    ).toBe('TypeError');
    // A request the demo pages did not make themselves is caught by the request log.
    const page = await h.openSellerCentral(DEMO_PAGES.home);
    await page.evaluate(() => fetch('/orders-api/search?limit=100').then((r) => r.status));
    await page.close();
    expect(h.extensionRequests().slice(before)).toEqual([
      expect.objectContaining({ url: expect.stringContaining('/orders-api/search?limit=100'), source: 'page', fromDemoPage: false }),
    ]);
  });
});
