// Issue 16, every red line the seller is warned about, in real Chromium on the demo Seller Central: the demo
// seller's one policy violation in the popup and on the Account Health overlay, one desktop notification for
// it (not again on the next reading with the same count), the Account Health Assurance line, and the
// seller's own dispatch rule as a badge of its own on Manage Orders, never as Amazon's metric.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_VIOLATION } from '../demo-site/policy-compliance';
import { DEMO_PAGES } from '../demo-site/server';
import { axeViolations } from './axe';
import { ask, until } from './database';
import { launchHarness, type ExtensionGlobal, type Harness } from './harness';

let h: Harness;
let options: Page;
beforeAll(async () => {
  h = await launchHarness();
  options = await h.openPopup();
});
afterAll(async () => {
  await h?.close();
});

type PopupAnswer = {
  report: {
    asOf: number;
    policyCompliance: { category: string; count: number | null; status: string }[];
    atRiskOrders: { orderId: string; risks: { kind: string; metric: string | null }[] }[];
  } | null;
  computing: boolean;
};
const popupState = () => ask<PopupAnswer>(options, { type: 'getPopupState' });

/** The extension's notifications still shown, by id (the id carries Redline's event key and the page to open). */
function shownNotifications(): Promise<{ redline: string; url: string }[]> {
  return h.evaluateInServiceWorker(async () => {
    const { chrome } = globalThis as ExtensionGlobal & { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } };
    return Object.keys(await chrome.notifications.getAll()).map((id) => JSON.parse(id) as { redline: string; url: string });
  });
}

async function visitAccountHealth(after: number): Promise<Page> {
  const page = await h.openSellerCentral(DEMO_PAGES.accountHealth);
  // Read (its DOM and its summary JSON), stored, and the report computed after it.
  await until(
    popupState,
    (s) => !!s.report && s.report.asOf > after && !s.computing && s.report.policyCompliance.some((p) => p.category === DEMO_VIOLATION.category),
    'a report with the Account Health reading',
  );
  return page;
}

describe('policy compliance, on the demo seller with one violation', () => {
  it('the popup shows the violation: its category, its count, over the line, and the summary says so', async () => {
    const page = await visitAccountHealth(0);
    const { report } = await popupState();
    expect(report!.policyCompliance.find((p) => p.category === DEMO_VIOLATION.category)).toMatchObject({ count: DEMO_VIOLATION.count, status: 'breach' });
    expect(report!.policyCompliance.filter((p) => p.status === 'breach')).toHaveLength(1);
    const popup = await h.openPopup();
    await popup.setViewportSize({ width: 400, height: 600 });
    const section = popup.locator('#policies');
    await section.waitFor();
    expect(await section.getAttribute('data-policies')).toBe('breach');
    expect(await section.locator('.policy-summary').textContent()).toBe('1 category over the line: any violation counts.');
    const item = section.locator(`[data-policy="${DEMO_VIOLATION.category}"]`);
    expect(await item.locator('.policy-name').textContent()).toBe('Listing policy violations');
    expect(await item.locator('.policy-count').textContent()).toBe('1 violation');
    expect(await popup.locator('.summary a[href="#policies"]').textContent()).toBe('1 policy category over the line');
    // The rating and its Assurance line: one day of history so far.
    const assurance = popup.locator('[data-metric="ahr"] .assurance');
    expect(await assurance.getAttribute('data-assurance')).toBe('notEnoughHistory');
    const score = (h.demo.seller.accountHealth.performanceMetrics[0] as { accountHealthRating: { ahrScore: number } }).accountHealthRating.ahrScore;
    const since = /^Account Health Assurance · Not enough history yet \(since [A-Z][a-z]{2} \d{1,2}, \d{4}\)/;
    expect(await assurance.textContent()).toMatch(score < 250 ? new RegExp(`${since.source}: 1 day below 250 so far\\.$`) : new RegExp(`${since.source}\\.$`));
    // The popup with both sections in it passes axe-core.
    const violations = await axeViolations(popup);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the Account Health overlay shows it beside its row, and the Assurance line after the rating', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.accountHealth);
    const overlay = page.locator(`#policies-listing-policy-row + redline-projection[data-redline-red-line="policy:${DEMO_VIOLATION.category}"]`);
    await overlay.waitFor({ state: 'attached', timeout: 15_000 });
    expect(await overlay.getAttribute('data-redline-status')).toBe('breach');
    const words = await overlay.evaluate((el) => el.shadowRoot!.textContent);
    expect(words).toContain('1 violation');
    expect(words).toContain('Over the line: any violation counts');
    // No overlay beside the clear rows, whose counts did not change.
    expect(await page.locator('#policies-intellectual-property-row + redline-projection').count()).toBe(0);
    const rating = page.locator('.ahd-numeric-ahr-indicator + redline-projection[data-redline-red-line="rating"]');
    await rating.waitFor({ state: 'attached' });
    expect(await rating.evaluate((el) => el.shadowRoot!.textContent)).toContain('Account Health Assurance');
    // The demo seller is in the US: no Invoice Defect Rate there.
    expect(await page.locator('[data-redline-red-line="idr"]').count()).toBe(0);
    await page.close();
  });

  it('one desktop notification that opens Account Health; the next reading with the same count sends none', async () => {
    const [first] = await until(shownNotifications, (n) => n.some((x) => x.redline.startsWith('policy|')), 'the policy notification');
    const policy = (await shownNotifications()).filter((n) => n.redline.startsWith('policy|'));
    expect(policy).toEqual([{ redline: `policy|ATVPDKIKX0DER|${DEMO_VIOLATION.category}|1`, url: 'https://sellercentral.amazon.com/performance/dashboard' }]);
    expect(first).toBeDefined();
    // Dismissed; Account Health read again (the same count): no new notification.
    await h.evaluateInServiceWorker(async () => {
      const { chrome } = globalThis as ExtensionGlobal & {
        chrome: { notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> } };
      };
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
    });
    const before = (await popupState()).report!.asOf;
    const page = await visitAccountHealth(before);
    // The notifier runs right after the report is written: give it the time it takes, then none may show.
    const quiet = await until(shownNotifications, () => false, 'nothing', 2_000).catch(() => 'quiet');
    expect(quiet).toBe('quiet');
    expect((await shownNotifications()).filter((n) => n.redline.startsWith('policy|'))).toEqual([]);
    const remembered = await h.evaluateInServiceWorker(async () => {
      const { chrome } = globalThis as ExtensionGlobal;
      return (await chrome.storage.local.get('redline.notifications'))['redline.notifications'] as { policies: Record<string, number> };
    });
    expect(remembered.policies[`ATVPDKIKX0DER|${DEMO_VIOLATION.category}`]).toBe(1);
    await page.close();

    // Amazon counts a second violation: that is news again, once.
    const entry = (h.demo.seller.accountHealth.performanceMetrics[0] as Record<string, { defectsCount: number }>)[DEMO_VIOLATION.category]!;
    entry.defectsCount = 2;
    try {
      const again = await visitAccountHealth((await popupState()).report!.asOf);
      const rose = await until(shownNotifications, (n) => n.some((x) => x.redline.startsWith('policy|')), 'the second policy notification');
      expect(rose.map((n) => n.redline)).toEqual([`policy|ATVPDKIKX0DER|${DEMO_VIOLATION.category}|2`]);
      await again.close();
    } finally {
      entry.defectsCount = DEMO_VIOLATION.count;
    }
  });
});

describe('the seller’s own dispatch rule', () => {
  it('a badge of its own on Manage Orders, labelled as the seller’s rule; none when the rule is off', async () => {
    const settings = await ask<Record<string, unknown>>(options, { type: 'getSettings' });
    // The demo's open orders are all less than a day old: a 20-hour rule puts some of them within the warning horizon.
    await ask(options, { type: 'saveSettings', settings: { ...settings, dispatchRuleHours: 20 } });
    const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
    const state = await until(popupState, (s) => !!s.report?.atRiskOrders.some((o) => o.risks.some((r) => r.kind === 'dispatchRule')), 'a dispatch-rule risk');
    const ruled = state.report!.atRiskOrders.filter((o) => o.risks.some((r) => r.kind === 'dispatchRule'));
    for (const order of ruled) expect(order.risks.filter((r) => r.kind === 'dispatchRule').every((r) => r.metric === null)).toBe(true);
    const own = page.locator(`redline-badge[data-redline-slot="own"][data-redline-order="${ruled[0]!.orderId}"]`);
    await own.waitFor({ state: 'attached', timeout: 20_000 });
    const label = await own.evaluate((el) => el.shadowRoot!.querySelector('.label')!.textContent);
    expect(label).toMatch(/^Your 20-hour rule: ship within /);
    expect(await own.evaluate((el) => el.shadowRoot!.querySelector('button')!.getAttribute('aria-label'))).toContain('your own rule, not Amazon’s');
    expect(await own.evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('button')!).borderTopStyle)).toMatch(/dashed|solid/);
    // Amazon's badge of the same order (if it has one) is another badge, before it, without the rule.
    const amazon = page.locator(`redline-badge[data-redline-slot="amazon"][data-redline-order="${ruled[0]!.orderId}"]`);
    if (await amazon.count()) expect(await amazon.evaluate((el) => el.shadowRoot!.querySelector('.label')!.textContent)).not.toMatch(/rule/);
    // The popup lists it as the seller's own.
    const popup = await h.openPopup();
    const risk = popup.locator(`[data-order="${ruled[0]!.orderId}"] [data-risk="dispatchRule"]`);
    await risk.waitFor();
    expect(await risk.getAttribute('class')).toContain('risk-own');
    expect(await risk.locator('.risk-impact').textContent()).toBe('Misses your own dispatch rule → your own rule, not one of Amazon’s metrics');
    const violations = await axeViolations(popup);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await popup.close();

    await ask(options, { type: 'saveSettings', settings: { ...settings, dispatchRuleHours: null } });
    await until(popupState, (s) => !!s.report && !s.report.atRiskOrders.some((o) => o.risks.some((r) => r.kind === 'dispatchRule')), 'no dispatch-rule risk');
    await page.locator('redline-badge[data-redline-slot="own"]').first().waitFor({ state: 'detached', timeout: 70_000 });
    expect(await page.locator('redline-badge[data-redline-slot="own"]').count()).toBe(0);
    await page.close();
    expect(h.extensionRequests()).toEqual([]);
  }, 120_000);
});
