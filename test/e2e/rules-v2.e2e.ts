// Amazon's 2024–2026 rules (metrics-spec v2) on the demo seller, in the real extension: after browsing
// Manage Orders and Account Health, the worker's report counts OTDR in units beside Amazon's package
// figure, VTR in packages by promised delivery, targets from the marketplace, and the order hours from
// its auto-cancel is badged on the page as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../lib/metrics';
import { DEMO_PAGES } from '../demo-site/server';
import { until } from './database';
import { launchHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Asks the worker from an extension page, as the popup does. */
const askPopupState = () =>
  (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'getPopupState' });

async function report(): Promise<HealthReport | undefined> {
  const popup = await h.openPopup();
  const state = (await popup.evaluate(askPopupState)) as { ok: boolean; value?: { report?: HealthReport } };
  await popup.close();
  return state.value?.report;
}

describe('spec v2 on the demo seller', () => {
  it('badges the order hours from its auto-cancel, as an auto-cancel', async () => {
    const soon = h.demo.seller.orders.find((o) => o.scenarios.includes('auto-cancel-soon'))!;
    expect(soon).toBeDefined();
    const page = await h.openSellerCentral(`${DEMO_PAGES.unshipped}?pageSize=100`);
    const badge = page.locator(`redline-badge[data-redline-order="${soon.amazonOrderId}"]`);
    await badge.waitFor({ state: 'attached' });
    const risks = `${await badge.getAttribute('data-redline-risk')} ${(await badge.getAttribute('data-redline-risks')) ?? ''}`;
    expect(risks).toContain('autoCancel');
    await page.close();
  });

  it('reports OTDR in units with Amazon’s unit reading, its package figure beside it, and VTR in packages', async () => {
    const page = await h.openSellerCentral(DEMO_PAGES.accountHealth);
    await page.waitForLoadState('networkidle');
    await page.close();
    const r = await until(report, (x) => x?.metrics['otdr.14d'].amazon != null && x.metrics['otdr.30d'].amazon != null, 'Amazon’s readings in the report');
    const otdr = r!.metrics['otdr.14d'];
    const units = h.demo.seller.accountHealth.performanceMetrics[0]!.unitOnTimeDeliveryRate as { totalUnitCount: number; unitOnTimeDeliveryCount: number };
    expect(otdr).toMatchObject({ unit: 'units', targetBasisPoints: 9000, advisory: false, enforcement: { enforced: true, since: '2024-09-25' } });
    expect(otdr.amazon).toMatchObject({ numerator: units.unitOnTimeDeliveryCount, denominator: units.totalUnitCount });
    expect(r!.metrics['otdr.30d']).toMatchObject({ unit: 'packages', amazon: { target: 0.97 } });
    expect(r!.metrics['vtr.30d'].unit).toBe('packages');
    expect(r!.metrics['vtr.30d'].lagDays).toBeGreaterThanOrEqual(14); // two weeks' latency, plus the days Amazon's reading trails
    expect(r!.metrics['idr.7d']).toBeUndefined(); // a US seller: no Invoice Defect Rate
    expect(h.extensionRequests()).toEqual([]);
  });
});
