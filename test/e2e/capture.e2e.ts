// Live capture end to end (issue: "Live capture on Seller Central, storage and the background worker"):
// browsing the demo Seller Central fills the database through the page bridge, content script and
// worker; repeats do not double-count; a signed-out answer changes nothing and is reported; and the
// report the popup reads is the engine's report on the stored data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo-site/server';
import { launchHarness, type Harness } from './harness';
import { readDatabase as readStoredDatabase, until } from './database';
import { computeHealthReport } from '../../lib/metrics';
import { DEFAULT_SETTINGS, type Order, type Settings } from '../../lib/model';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Stored {
  orders: (Order & { scope: string })[];
  defects: unknown[];
  readings: { metric: string; rate?: number; scope: string }[];
  policies: { category: string; scope: string }[];
  log: { ok: boolean; reason?: string; source: string; tables?: { table: string; first?: number; rows?: number; more?: boolean }[] }[];
  settings: unknown;
}

/** The extension's database as its worker sees it (test/e2e/database.ts), with the stored settings. */
async function readDatabase(): Promise<Stored> {
  const { meta, ...stores } = await readStoredDatabase(h);
  return { ...stores, settings: meta.settings } as unknown as Stored;
}

/** Asks the worker from an extension page, as the popup does (`chrome` exists there; Node's types lack it). */
const askPopupState = () =>
  (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'getPopupState' });

describe('live capture on the demo Seller Central', () => {
  let afterTabs = 0;

  it('stores the orders of the Unshipped tab, then of the Shipped tab after in-app navigation', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
    const first = await until(readDatabase, (d) => d.orders.length > 0, 'unshipped orders in IndexedDB');
    expect(first.orders.every((o) => o.status === 'unshipped' || o.status === 'pending')).toBe(true);

    await page.click("a[data-test-id='tab-/mfn/shipped']");
    await page.waitForURL(/\/orders-v3\/mfn\/shipped/);
    const second = await until(readDatabase, (d) => d.orders.some((o) => o.status === 'shipped'), 'shipped orders');
    afterTabs = second.orders.length;
    expect(afterTabs).toBeGreaterThan(first.orders.length);
    // Privacy: nothing of the buyer survives parsing.
    expect(JSON.stringify(second.orders)).not.toMatch(/blob|customerOrderItemCode|buyerProxyEmail|@marketplace\.amazon/i);
    await page.close();
  });

  it('stores Amazon’s readings from the Account Health page', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.accountHealth);
    const data = await until(readDatabase, (d) => d.readings.length >= 4, 'Account Health readings');
    expect(data.readings.map((r) => r.metric)).toEqual(expect.arrayContaining(['lsr.10d', 'cr.7d', 'vtr.30d']));
    await page.close();
  });

  it('reads the Account Health page in German and Japanese as it reads it in English', async () => {
    // The figures are the same in every language (test/unit/dom/account-health.test.ts compares them): here, each
    // language's page is read in the browser, as many readings as the English one.
    type Entry = Stored['log'][number] & { format?: string; readings?: number };
    const domEntries = (d: Stored) => (d.log as Entry[]).filter((e) => e.format === 'dom/account-health');
    const [english] = domEntries(await until(readDatabase, (d) => domEntries(d).length > 0, 'the English page read'));
    expect(english!.readings).toBeGreaterThanOrEqual(7);
    for (const locale of ['de-DE', 'ja-JP']) {
      const before = domEntries(await readDatabase()).length;
      const page = await h.openSellerCentral(`${DEMO_PAGES.accountHealth}?locale=${locale}`);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      const read = domEntries(await until(readDatabase, (d) => domEntries(d).length > before, `the ${locale} page read`));
      expect(read.at(-1)).toMatchObject({ ok: true, readings: english!.readings });
      await page.close();
    }
  });

  it('stores Feedback Manager page by page as the page loads it, the feedback Amazon struck through as removed', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.feedback);
    const pages = (d: Stored) => d.log.filter((e) => e.source === '/fbmapi/v1/feedbacks').map((e) => e.tables?.[0]);
    const first = await until(readDatabase, (d) => pages(d).length > 0, 'the first Feedback Manager page');
    expect(pages(first)[0]).toEqual({ table: 'feedbackManager', first: 0, rows: 20, more: true });
    await page.click("[data-test-id='next-page']");
    const second = await until(readDatabase, (d) => pages(d).some((p) => p?.first === 20), 'the second page, placed by its request');
    const defects = second.defects as { kind: string; orderId: string; removed?: boolean; rating: number }[];
    const removed = h.demo.seller.feedback.filter((f) => f.status === 'REMOVED').map((f) => f.orderId);
    for (const orderId of removed.filter((id) => defects.some((d) => d.orderId === id))) {
      expect(defects.find((d) => d.orderId === orderId)).toMatchObject({ kind: 'feedback', removed: true });
    }
    expect(defects.filter((d) => d.kind === 'feedback').length).toBe(Math.min(40, h.demo.seller.feedback.length));
    await page.close();
  });

  it('does not double-count on reload and on capturing the same pages again', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.shipped);
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.waitForLoadState('networkidle');
    await page.click("a[data-test-id='tab-/mfn/unshipped']");
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const data = await readDatabase();
    expect(data.orders.length).toBe(afterTabs);
    expect(new Set(data.orders.map((o) => `${o.scope}|${o.orderId}`)).size).toBe(data.orders.length);
    await page.close();
  });

  it('stores nothing from a sign-in page and reports "signed out"', async () => {
    const before = await readDatabase();
    h.demo.signedOut = 'html';
    try {
      const page = await h.openSellerCentral(DEMO_PAGES.fba);
      const data = await until(readDatabase, (d) => d.log.length > before.log.length && d.log.some((e) => e.reason === 'signedOut'), 'a signed-out log entry');
      expect(data.orders).toEqual(before.orders);
      await page.close();
      const popup = await h.openPopup();
      const state = await popup.evaluate(askPopupState);
      expect(state).toMatchObject({ ok: true, value: { problem: { reason: 'signedOut' } } });
      await popup.close();
    } finally {
      h.demo.signedOut = null;
    }
  });

  it('the popup reads the engine’s report on the stored data', async () => {
    const popup = await h.openPopup();
    const state = (await popup.evaluate(askPopupState)) as {
      ok: true;
      value: { scope: string; report: ReturnType<typeof computeHealthReport> };
    };
    await popup.close();
    const { report, scope } = state.value;
    const data = await readDatabase();
    const inScope = <T extends { scope: string }>(rows: T[]) => rows.filter((r) => r.scope === scope);
    const expected = computeHealthReport(
      {
        orders: inScope(data.orders),
        defects: inScope(data.defects as { scope: string }[]) as never,
        readings: inScope(data.readings) as never,
        policies: inScope(data.policies) as never,
      },
      report.asOf,
      (data.settings as Settings | undefined) ?? DEFAULT_SETTINGS,
      report.marketplaceId,
    );
    expect(report).toEqual(expected);
    expect(report.metrics['lsr.10d'].denominator).toBeGreaterThan(0);
  });
});
