/**
 * The core flows a seller depends on, one browser launch, the same assertions in every browser
 * (core.chromium.e2e.ts, core.firefox.e2e.ts): capture on Manage Orders fills the data, badges appear
 * on the right orders, the toolbar badge counts them, the popup shows the report's figures, the options
 * page imports an Amazon report, and nothing requests any host or fails in the background.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../../lib/metrics/report-schema';
import { formatRate } from '../../../lib/ui/format';
import { DEMO_PAGES } from '../../demo-site/server';
import { readDatabase, storedKeys, until } from '../database';
import type { BrowserName, ExtensionDriver, LaunchDriver, TestPage } from '../driver';
import { PROJECT_ROOT } from '../harness';
import { rateMetricsOf } from '../../../lib/ui/metric-order';

const ALL_ORDERS_REPORT = join(PROJECT_ROOT, 'test/fixtures/synthetic/all-orders_US.tsv');
const ALL_ORDERS_REPORT_IDS = ['114-0000001-0000001', '114-0000002-0000002', '114-0000003-0000003', '114-0000004-0000004'];

/** lib/background/toolbar.ts: red when a metric is in breach, amber otherwise (as getBadgeBackgroundColor answers). */
const BADGE_RED = [0xc4, 0x00, 0x00, 255];
const BADGE_AMBER = [0xb2, 0x5e, 0x00, 255];

interface PopupState {
  scope: string;
  report: HealthReport | null;
}

interface BadgeInfo {
  order: string;
  rowId: string | null;
  text: string;
}

/** The badges of Amazon's risks (the seller's own dispatch rule has a badge of its own: red-lines.e2e.ts). */
const readBadges = (page: TestPage) =>
  page.evaluate(() =>
    [...document.querySelectorAll('redline-badge:not([data-redline-slot="own"])')].map((host) => ({
      order: (host as HTMLElement).dataset.redlineOrder ?? '',
      rowId: host.closest('tr')?.id ?? null,
      text: host.shadowRoot?.querySelector('.label, .quiet')?.textContent ?? '',
    })),
  ) as Promise<BadgeInfo[]>;

const rowIds = (page: TestPage) => page.evaluate(() => [...document.querySelectorAll("tr[id^='row-']")].map((r) => r.id.slice('row-'.length)));

/**
 * Registers the core flows for `browser`, launched once by `launch`; `more` adds that browser's own
 * tests after them, on the same launch (one browser per file).
 */
export function coreFlows(browser: BrowserName, launch: LaunchDriver, more?: (driver: () => ExtensionDriver) => void): void {
  let h: ExtensionDriver;
  let manageOrders: TestPage;
  let onPage: string[] = [];
  /** The report once the Unshipped capture is in (its at-risk orders on this page are what gets badged). */
  let report: HealthReport;

  beforeAll(async () => {
    h = await launch();
    expect(h.browser).toBe(browser);
    // A three-day horizon puts every order due in the next days at risk, whatever the time of day.
    const settings = await h.ask<Record<string, unknown>>({ type: 'getSettings' });
    await h.ask({ type: 'saveSettings', settings: { ...settings, warningHorizonHours: 72 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  describe(`Redline in ${browser}: the core flows`, () => {
    it('capture on Manage Orders stores every order on the page (the MAIN-world bridge sees the page’s own fetch)', async () => {
      manageOrders = await h.openSellerCentral(DEMO_PAGES.unshipped);
      await manageOrders.waitFor('html[data-redline-ready]');
      onPage = await until(
        () => rowIds(manageOrders),
        (ids) => ids.length > 0,
        'the Unshipped rows',
      );
      // The demo page loads its orders only by fetch: stored orders prove the bridge ran in the page's world.
      const stored = await until(
        () => readDatabase(h),
        (d) => onPage.every((id) => d.orders.some((o) => o.orderId === id)),
        'the Unshipped orders in IndexedDB',
      );
      expect(stored.orders.filter((o) => onPage.includes(o.orderId)).every((o) => o.status === 'unshipped' || o.status === 'pending')).toBe(true);
      expect(stored.log.some((e) => e.ok)).toBe(true);
    });

    it('badges exactly the at-risk orders on the page, each in its row', async () => {
      const state = await until(
        () => h.ask<PopupState>({ type: 'getPopupState' }),
        (s) => s.report !== null,
        'a report',
      );
      report = state.report!;
      const expected = report.atRiskOrders
        .filter((o) => o.risks.some((r) => r.kind !== 'dispatchRule'))
        .map((o) => o.orderId)
        .filter((id) => onPage.includes(id))
        .sort();
      expect(expected.length).toBeGreaterThan(0); // the demo seller has orders due within three days
      const badges = await until(
        () => readBadges(manageOrders),
        (b) => b.length === expected.length,
        `${expected.length} badges`,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; background problems: ${h.problems().join(' | ') || 'none'}`);
      });
      expect(badges.map((b) => b.order).sort()).toEqual(expected);
      for (const badge of badges) {
        expect(badge.rowId).toBe(`row-${badge.order}`);
        expect(badge.text).toMatch(/within|overdue/);
      }
    });

    it('sets the toolbar badge: the at-risk count, red on a breach, amber otherwise', async () => {
      const count = report.atRiskOrders.length;
      const breached = rateMetricsOf(report).some((m) => m.status === 'breach') || report.policyCompliance.some((p) => p.status === 'breach');
      const badge = await until(
        () => h.toolbarBadge(),
        (b) => b.text !== '',
        'the toolbar badge',
      ).catch((error: Error) => {
        throw new Error(`${error.message}; background problems: ${h.problems().join(' | ') || 'none'}`);
      });
      expect(count).toBeGreaterThan(0);
      expect(badge.text).toBe(count > 99 ? '99+' : String(count));
      expect(badge.color).toEqual(breached ? BADGE_RED : BADGE_AMBER);
      expect(badge.title).toMatch(/^Redline — /);
    });

    it('the popup shows the report’s figures', async () => {
      const popup = await h.openExtensionPage('popup.html');
      await popup.waitFor('.summary:not(.summary-kept)');
      const state = await h.ask<PopupState>({ type: 'getPopupState' });
      const lsr = state.report!.metrics['lsr.10d'];
      expect(lsr.denominator).toBeGreaterThan(0);
      expect(await popup.text('[data-metric="lsr.10d"] .rate-value')).toBe(formatRate(lsr.rate, 'en-US', lsr.condition, lsr.target));
      expect(await popup.evaluate(() => document.querySelectorAll('.risk-order').length)).toBeGreaterThan(0);
      await popup.close();
    });

    it('re-badges an open page when the figures change (the background tells the tabs)', async () => {
      const before = (await readBadges(manageOrders)).map((b) => b.order).sort();
      // A one-hour horizon: only overdue and nearly due orders stay at risk.
      const settings = await h.ask<Record<string, unknown>>({ type: 'getSettings' });
      await h.ask({ type: 'saveSettings', settings: { ...settings, warningHorizonHours: 1 } });
      const narrow = await h.ask<PopupState>({ type: 'getPopupState' }); // saveSettings answers after the recompute
      const expected = narrow
        .report!.atRiskOrders.map((o) => o.orderId)
        .filter((id) => onPage.includes(id))
        .sort();
      expect(expected).not.toEqual(before); // the demo seller has orders due between one and 72 hours from now
      const after = await until(
        () => readBadges(manageOrders),
        (b) => b.length === expected.length,
        `${expected.length} badges after the change`,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; background problems: ${h.problems().join(' | ') || 'none'}`);
      });
      expect(after.map((b) => b.order).sort()).toEqual(expected);
    });

    it('the options page imports an Amazon All Orders report', async () => {
      const options = await h.openExtensionPage('options.html');
      await options.setInputFiles('[data-test-id=import-input]', [ALL_ORDERS_REPORT]);
      await options.waitFor('[data-test-id=import-preview] tbody tr:not(.not-recognised)');
      await options.click('.actions .button-primary');
      await until(
        () => options.text('section[aria-labelledby=import-title] [role=status]'),
        (s) => /Saved 1 file/.test(s ?? ''),
        'the import saved',
        30_000,
      );
      const stored = new Set(((await storedKeys(h, 'orders')) as [string, string][]).map((k) => k[1]));
      expect(ALL_ORDERS_REPORT_IDS.filter((id) => !stored.has(id))).toEqual([]);
      await options.close();
    });

    it('the options page links to the privacy policy shipped in the extension, in three languages', async () => {
      const options = await h.openExtensionPage('options.html');
      await options.waitFor('[data-test-id=privacy-policy]');
      expect(await options.evaluate(() => document.querySelector('[data-test-id=privacy-policy]')!.getAttribute('href'))).toBe('/privacy.html#english');
      await options.close();
      const policy = await h.openExtensionPage('privacy.html');
      const sections = await policy.evaluate(() =>
        [...document.querySelectorAll('main > section')].map((s) => `${s.id} ${s.getAttribute('lang')} ${s.querySelector('h2')?.textContent}`),
      );
      expect(sections).toEqual(['english en English', 'deutsch de Deutsch', '日本語 ja 日本語']);
      expect(await policy.text('#english')).toMatch(/Nothing it reads or computes leaves your browser/);
      await policy.close();
    });

    it('requests no host of its own, and would notice a request the demo pages did not make', async () => {
      expect(h.servedUrls().some((u) => u.includes('/orders-api/search'))).toBe(true);
      expect(h.strayRequests()).toEqual([]);
      await manageOrders.evaluate(() => fetch('/orders-api/search?limit=1').then((r) => r.status));
      expect(h.strayRequests()).toEqual([expect.objectContaining({ url: expect.stringContaining('/orders-api/search?limit=1') })]);
      await manageOrders.close();
    });

    it('“Delete all data” leaves nothing: not the database, not the background’s storage (PRIVACY.md)', async () => {
      const storageLocal = () =>
        h.evaluateInExtension(() => {
          type Local = { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
          const g = globalThis as unknown as { browser?: Local; chrome: Local }; // Firefox's page has browser, Chrome's worker chrome
          return (g.browser ?? g.chrome).storage.local.get(null);
        });
      expect((await readDatabase(h)).orders.length).toBeGreaterThan(0);
      expect(Object.keys(await storageLocal())).not.toEqual([]); // the notifications' memory of statuses
      const options = await h.openExtensionPage('options.html');
      await options.click('section[aria-labelledby=data-title] .button-danger');
      await options.click('[data-test-id=confirm-delete]');
      await until(
        () => options.text('section[aria-labelledby=data-title] [role=status]'),
        (s) => s === 'All data deleted.',
        'the deletion',
      );
      await options.close();
      const left = await readDatabase(h);
      expect({ orders: left.orders.length, defects: left.defects.length, readings: left.readings.length }).toEqual({ orders: 0, defects: 0, readings: 0 });
      expect(await storageLocal()).toEqual({});
    });

    it('logs no failure in its background or pages, and would hear one', async () => {
      expect(h.problems()).toEqual([]);
      await h.evaluateInExtension(() => console.warn('Redline: probe failed'));
      await until(
        async () => h.problems(),
        (p) => p.some((line) => line.includes('Redline: probe failed')),
        'the probe warning',
      );
    });

    more?.(() => h);
  });
}
