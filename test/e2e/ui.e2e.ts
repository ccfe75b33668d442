// What the seller sees, in Chromium on the demo Seller Central (issue 6): the popup after browsing,
// inline badges on Manage Orders (every tab, pagination, in-app navigation), the order detail and
// Account Health pages, the options page. Screenshots go to test-results/ui/ for a human to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo-site/server';
import { launchHarness, PROJECT_ROOT, type ExtensionGlobal, type Harness } from './harness';

const SHOTS = join(PROJECT_ROOT, 'test-results/ui');
const RISK_KINDS = ['lateShipment', 'autoCancel', 'missingTracking', 'buyerCancelRequest', 'openClaim', 'openChargeback', 'negativeFeedback'];

let h: Harness;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await launchHarness();
  // A three-day horizon makes every order due in the next days at risk, whatever the time of day.
  await patchSettings({ warningHorizonHours: 72 });
});
afterAll(async () => {
  await h?.close();
});

/** Sends a message to the worker from an extension page, as the popup and options page do. */
async function ask<T = unknown>(message: Record<string, unknown>): Promise<T> {
  const page = await h.openPopup();
  try {
    const envelope = await page.evaluate((m) => (globalThis as ExtensionGlobal).chrome.runtime.sendMessage(m), message);
    const e = envelope as { ok: boolean; value?: T; error?: string };
    if (!e.ok) throw new Error(e.error);
    return e.value as T;
  } finally {
    await page.close();
  }
}

async function patchSettings(patch: Record<string, unknown>): Promise<void> {
  const settings = await ask<Record<string, unknown>>({ type: 'getSettings' });
  await ask({ type: 'saveSettings', settings: { ...settings, ...patch } });
}

interface BadgeInfo {
  order: string;
  risk: string;
  rowId: string | null;
  text: string;
}

/** The badges of Amazon's risks and the quiet marks (the seller's own dispatch rule has a badge of its own: red-lines.e2e.ts). */
const readBadges = (page: Page) =>
  page.$$eval('redline-badge:not([data-redline-slot="own"])', (hosts) =>
    hosts.map((host) => ({
      order: (host as HTMLElement).dataset.redlineOrder ?? '',
      risk: (host as HTMLElement).dataset.redlineRisk ?? '',
      rowId: host.closest('tr')?.id ?? null,
      text: host.shadowRoot?.querySelector('.label, .quiet')?.textContent ?? '',
    })),
  ) as Promise<BadgeInfo[]>;

const rowIds = (page: Page) => page.$$eval("tr[id^='row-']", (rows) => rows.map((r) => r.id.slice('row-'.length)));

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function expectNoDuplicates(badges: BadgeInfo[]): void {
  expect(new Set(badges.map((b) => b.order)).size).toBe(badges.length);
}

describe('inline badges on Manage Orders', () => {
  it('badge exactly the at-risk orders of the Unshipped tab, next to their row, with data attributes', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
    await eventually(
      () => readBadges(page),
      (b) => b.length > 0,
      'badges',
    );
    const ids = await rowIds(page);
    const risks = await ask<{ orderId: string; risks: { kind: string }[] }[]>({ type: 'getPopupState' }).then(
      (s) => (s as unknown as { report: { atRiskOrders: { orderId: string; risks: { kind: string }[] }[] } }).report.atRiskOrders,
    );
    const expected = risks
      .filter((o) => ids.includes(o.orderId) && o.risks.some((r) => r.kind !== 'dispatchRule'))
      .map((o) => o.orderId)
      .sort();
    const settled = await eventually(
      () => readBadges(page),
      (b) => b.length === expected.length,
      'one badge per at-risk order on the page',
    );
    expect(settled.map((b) => b.order).sort()).toEqual(expected);
    for (const badge of settled) {
      expect(badge.rowId).toBe(`row-${badge.order}`);
      expect(RISK_KINDS).toContain(badge.risk);
      expect(badge.text).toMatch(/within|overdue/);
    }
    expectNoDuplicates(settled);

    // Hover shows the impact.
    const first = page.locator('redline-badge').first();
    await first.hover();
    await expect.poll(() => first.evaluate((host) => host.shadowRoot!.querySelector('.tip')!.matches(':popover-open'))).toBe(true);
    expect(await first.evaluate((host) => host.shadowRoot!.querySelector('.tip')!.textContent)).toMatch(/→ .*(over the line|within target|at the edge)/);
    const box = (await first.boundingBox())!;
    await page.screenshot({ path: join(SHOTS, 'orders-badge-hover.png'), clip: { x: 0, y: Math.max(0, box.y - 120), width: 1000, height: 360 } });
    await page.close();
  });

  it('follow in-app tab navigation and come back without duplicates', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
    const before = await eventually(
      () => readBadges(page),
      (b) => b.length > 0,
      'badges on Unshipped',
    );
    await page.click("a[data-test-id='tab-/mfn/shipped']");
    await page.waitForURL(/\/mfn\/shipped/);
    const shippedIds = await eventually(
      () => rowIds(page),
      (ids) => ids.length > 0 && !ids.includes(before[0]!.order),
      'shipped rows',
    );
    const onShipped = await readBadges(page);
    expect(onShipped.every((b) => shippedIds.includes(b.order))).toBe(true);
    await page.click("a[data-test-id='tab-/mfn/unshipped']");
    await page.waitForURL(/\/mfn\/unshipped/);
    const after = await eventually(
      () => readBadges(page),
      (b) => b.length === before.length,
      'badges back on Unshipped',
    );
    expect(after.map((b) => b.order).sort()).toEqual(before.map((b) => b.order).sort());
    expectNoDuplicates(after);
    await page.close();
  });

  it('follow pagination (quiet marks on every safe row), reusing hosts and never duplicating', async () => {
    await patchSettings({ showQuietMarks: true });
    const page = await h.openSellerCentral(DEMO_PAGES.shipped);
    const page1 = await eventually(
      () => rowIds(page),
      (ids) => ids.length === 15,
      'page 1 rows',
    );
    const marks1 = await eventually(
      () => readBadges(page),
      (b) => b.length === 15,
      'a badge or mark on every row of page 1',
    );
    expect(marks1.map((b) => b.order).sort()).toEqual([...page1].sort());
    await page.evaluate(() => {
      (window as unknown as { __firstHost: Element | null }).__firstHost = document.querySelector('redline-badge');
    });

    await page.click("[data-test-id='next-page']");
    const page2 = await eventually(
      () => rowIds(page),
      (ids) => ids.length > 0 && ids[0] !== page1[0],
      'page 2 rows',
    );
    const marks2 = await eventually(
      () => readBadges(page),
      (b) => b.length === page2.length && b.every((m) => page2.includes(m.order)),
      'marks on page 2',
    );
    expectNoDuplicates(marks2);
    expect(marks2.every((b) => b.rowId === `row-${b.order}`)).toBe(true);

    await page.click("[data-test-id='previous-page']");
    await eventually(
      () => rowIds(page),
      (ids) => ids[0] === page1[0],
      'page 1 again',
    );
    const back = await eventually(
      () => readBadges(page),
      (b) => b.length === 15 && b.every((m) => page1.includes(m.order)),
      'marks on page 1 again',
    );
    expectNoDuplicates(back);
    // The same host element came back (moved, not recreated): no flicker.
    expect(await page.evaluate(() => document.querySelector('redline-badge') === (window as unknown as { __firstHost: Element | null }).__firstHost)).toBe(
      true,
    );
    await page.close();
  });

  it('100 badged rows keep their badges through an unrelated change and a re-render of every row', async () => {
    // How long these scans take is a figure of `npm run bench` (test/bench/page.ts), not a test.
    await patchSettings({ showQuietMarks: true });
    const page = await h.openSellerCentral(`${DEMO_PAGES.shipped}?pageSize=100`);
    await eventually(
      () => readBadges(page),
      (b) => b.length >= 100,
      '100 marks',
    );
    // Something unrelated changes in the table: a scan that finds nothing to do.
    await page.evaluate(() => document.querySelector('#myo-table tbody')!.append(document.createElement('tr')));
    // The page re-renders every row (sorting): every badge moves into the new rows.
    const reversed = await page.evaluate(() => {
      const body = document.querySelector('#myo-table tbody')!;
      body.replaceChildren(...[...body.querySelectorAll("tr[id^='row-']")].reverse().map((r) => r.cloneNode(true)));
      return [...body.querySelectorAll("tr[id^='row-']")].map((r) => r.id);
    });
    const marks = await eventually(
      () => readBadges(page),
      (b) => b.length === 100 && b.every((m) => m.rowId !== null && reversed.includes(m.rowId)),
      'marks in the re-rendered rows',
    );
    expectNoDuplicates(marks);
    await page.close();
    await patchSettings({ showQuietMarks: false });
  });
});

describe('order detail and Account Health', () => {
  it('badge an at-risk order on its detail page', async () => {
    const state = await ask<{ report: { atRiskOrders: { orderId: string }[] } }>({ type: 'getPopupState' });
    const orderId = state.report.atRiskOrders[0]!.orderId;
    const page = await h.openSellerCentral(DEMO_PAGES.orderDetail(orderId));
    const badges = await eventually(
      () => readBadges(page),
      (b) => b.length === 1,
      'the detail badge',
    );
    expect(badges[0]!.order).toBe(orderId);
    await page.screenshot({ path: join(SHOTS, 'order-detail.png'), clip: { x: 0, y: 0, width: 1000, height: 260 } });
    await page.close();
  });

  it('show our projection and margin beside Amazon’s metric rows', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.accountHealth);
    const metrics = await eventually(
      () =>
        page.$$eval('redline-projection', (hosts) =>
          hosts.map((x) => `${(x as HTMLElement).dataset.redlineMetric}|${x.shadowRoot?.querySelector('.box')?.textContent ?? ''}`),
        ),
      (m) => m.length >= 4,
      'projections on Account Health',
    );
    // The ODR row shows seller-fulfilled and FBA side by side: one overlay for both.
    expect(metrics.join('\n')).toMatch(/odr\.mfn odr\.afn\|Redline · ODR.*projected/);
    expect(metrics.join('\n')).toMatch(/Can absorb|At the line|over the line|No orders/);
    // The late shipment row follows its 10/30-day picker.
    await page.selectOption("[data-test-id='lsr-window']", '30');
    await eventually(
      () => page.$eval('#shipping-late-shipment-rate-row + redline-projection', (x) => (x as HTMLElement).dataset.redlineMetric).catch(() => ''),
      (m) => m === 'lsr.30d',
      'the 30-day projection',
    );
    await page.screenshot({ path: join(SHOTS, 'account-health.png'), fullPage: true });
    await page.close();
  });
});

describe('popup', () => {
  it('shows the metrics, freshness and at-risk orders after browsing Manage Orders', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
    await eventually(
      () => readBadges(page),
      (b) => b.length > 0,
      'badges',
    );
    const popup = await h.openPopup();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.waitForSelector('[data-metric="lsr.10d"]');
    expect(await popup.locator('.freshness').textContent()).toMatch(/^Updated .* from (Manage Orders|Account Health)/);
    expect(await popup.locator('[data-metric="lsr.10d"] .rate-value').textContent()).toMatch(/^\d+(\.\d+)?%$/);
    expect(await popup.locator('[data-metric="lsr.10d"] .pill').textContent()).toMatch(/On track|Close to the line|Over the line|Too few to judge/);
    expect(await popup.locator('[data-metric="lsr.10d"] .margin').textContent()).toMatch(/absorb|line|verdict/);
    // The chart is in the metric's details, drawn once its row is opened.
    expect(await popup.locator('[data-metric="lsr.10d"] svg.chart').count()).toBe(0);
    await popup.click('[data-metric="lsr.10d"] .glance-toggle');
    expect(await popup.locator('[data-metric="lsr.10d"] svg.chart path').count()).toBeGreaterThan(0);
    const firstRisk = popup.locator('.risk-order a').first();
    expect(await firstRisk.getAttribute('href')).toMatch(/^https:\/\/sellercentral\.amazon\.com\/orders-v3\/order\/\d{3}-\d{7}-\d{7}$/);
    // Keyboard: the settings button and the links are reachable with Tab.
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.tagName)).toMatch(/BUTTON|A|SELECT/);
    await popup.screenshot({ path: join(SHOTS, 'popup.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: join(SHOTS, 'popup-dark.png'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('opens the options page, which saves settings', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    await page.waitForSelector('#odr-mfn-target');
    await page.fill('#horizon', '48');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('.save-bar [role=status]').textContent()).toBe('Saved. Figures were recomputed.');
    expect(((await ask({ type: 'getSettings' })) as { warningHorizonHours: number }).warningHorizonHours).toBe(48);
    await page.screenshot({ path: join(SHOTS, 'options.png'), fullPage: true });
    await page.close();
  });

  it('makes no network request of its own', () => {
    expect(h.extensionRequests()).toEqual([]);
  });
});
