// "This page looks different" (issue 15) in Chromium: when Amazon changes a page Redline reads (here the
// demo as if it had: DemoSite.changedLayout), nothing is stored from it, nothing breaks in the page, and
// the options page's data log names the page and what was not found, with a shape report that holds no value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo-site/server';
import { readDatabase, until } from './database';
import { launchHarness, type Harness } from './harness';

let h: Harness;
const pageErrors: string[] = [];
beforeAll(async () => {
  h = await launchHarness({ demo: { changedLayout: true } });
  h.context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
});
afterAll(async () => {
  await h?.close();
});

type Logged = { ok: boolean; page?: string; missing?: string; shape?: string; source: string };
const logged = async () => (await readDatabase(h)).log as unknown as Logged[];

async function dataLog() {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.waitForSelector('.data-log');
  return page;
}

describe('a page that looks different', () => {
  it('Account Health without its row ids: logged with the page, what was missing and its shape', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.accountHealth);
    const log = await until(logged, (l) => l.some((e) => e.page === 'accountHealth' && e.shape), 'the Account Health entry', 30_000);
    const entry = log.find((e) => e.page === 'accountHealth' && e.shape)!;
    expect(entry).toMatchObject({ ok: false, missing: expect.stringContaining('#shipping-late-shipment-rate-row') });
    expect(entry.shape).toContain('#ahd-shipping-late-shipment');
    expect((await readDatabase(h)).readings.filter((r) => r.source === 'dom/account-health')).toEqual([]);
    await page.close();
  });

  it('Manage Orders whose JSON renamed the order id: no order stored, the rows still render, the shape shows the new key', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
    await page.waitForSelector("tr[id^='row-']");
    const log = await until(logged, (l) => l.some((e) => e.page === 'manageOrders' && e.shape?.includes('orderIdentifier')), 'the Manage Orders entry');
    expect(log.find((e) => e.page === 'manageOrders')).toMatchObject({
      ok: false,
      missing: 'orders.#.amazonOrderId: Invalid input: expected string, received undefined',
    });
    expect((await readDatabase(h)).orders).toEqual([]);
    await page.close();
  });

  it('the options page’s data log says which page and offers a shape report with no order id, no number and no text of the page', async () => {
    const options = await dataLog();
    const entry = options.locator('[data-log-page="accountHealth"]').first();
    expect(await entry.locator('.log-title').textContent()).toBe('Account Health looks different from what Redline knows.');
    await entry.locator('summary').click();
    const report = await entry.locator('textarea').inputValue();
    expect(report).toMatch(/^Redline shape report/);
    expect(report).toContain('div#ahd-customer-service');
    expect(report).not.toMatch(/\d|Late Shipment Rate|orders/);
    const orders = await options.locator('[data-log-page="manageOrders"] textarea').first().inputValue();
    expect(orders).toContain('orderIdentifier: string');
    const ids = h.demo.seller.orders.map((o) => o.amazonOrderId);
    for (const id of ids.slice(0, 50)) expect(orders).not.toContain(id);
    expect(orders).not.toMatch(/\d/);
    await options.screenshot({ path: `${process.cwd()}/test-results/data-log.png`, fullPage: true });
    await options.close();
  });

  it('never throws into the page, and makes no request of its own', () => {
    expect(pageErrors).toEqual([]);
    expect(h.extensionRequests()).toEqual([]);
  });
});
