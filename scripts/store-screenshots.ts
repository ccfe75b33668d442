/**
 * The store listings' screenshots (docs/store-listing.md): 1280 × 800, the size both the Chrome Web
 * Store and addons.mozilla.org ask for, in English, German and Japanese (Chromium's UI language, which
 * Redline's text follows; Debian's `chromium-l10n` has de and ja), from the demo seller. Run by
 * `npm run demo -- --headless` (scripts/demo.ts) into demo-output/store/<lang>/.
 *
 * 1. Manage Orders with Redline's badges, the first badge's impact open;
 * 2. the toolbar popup, drawn over Manage Orders where the browser opens it;
 * 3. Account Health with Redline's margin and projection beside each of Amazon's rows;
 * 4. an at-risk order's own page;
 * 5. the options page: targets and the report import.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PAGES } from '../test/demo-site/server';
import { launchHarness, type ExtensionGlobal, type Harness } from '../test/e2e/harness';

export const STORE_SIZE = { width: 1280, height: 800 } as const;
export const STORE_LOCALES = [
  { lang: 'en', locale: 'en-US' },
  { lang: 'de', locale: 'de-DE' },
  { lang: 'ja', locale: 'ja-JP' },
] as const;

/**
 * Whether the system has a font for `lang` (fontconfig; Chromium on Linux draws missing glyphs as
 * boxes). Debian: `fonts-ipafont-gothic` (12 MB) or `fonts-noto-cjk` for Japanese. Unknown → true.
 */
export function hasFontFor(lang: string): boolean {
  const fc = spawnSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' });
  return fc.status !== 0 || fc.stdout.trim() !== '';
}

async function settle(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { state: 'attached', timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800); // Redline draws after the page's JSON arrived and the page is idle
}

/** The screenshots for one UI language; returns the files written. */
export async function storeScreenshots(outputDir: string, locale: string, seed?: number): Promise<string[]> {
  const lang = locale.split('-')[0]!;
  if (!hasFontFor(lang)) {
    console.warn(`No ${lang} font on this system: the ${lang} screenshots would show boxes; skipped (Debian: apt-get install fonts-ipafont-gothic).`);
    return [];
  }
  mkdirSync(outputDir, { recursive: true });
  const h: Harness = await launchHarness({ locale, viewport: STORE_SIZE, demo: { seed } });
  const written: string[] = [];
  const shoot = async (page: Page, name: string) => {
    const path = join(outputDir, name);
    await page.screenshot({ path }); // the viewport: exactly 1280 × 800
    written.push(path);
  };
  try {
    // A three-day horizon: the demo seller's next days' orders are at risk, whatever the time of day.
    const ask = await h.openPopup();
    await ask.evaluate(async () => {
      const c = (globalThis as ExtensionGlobal).chrome;
      const got = (await c.runtime.sendMessage({ type: 'getSettings' })) as { value: Record<string, unknown> };
      await c.runtime.sendMessage({ type: 'saveSettings', settings: { ...got.value, warningHorizonHours: 72 } });
    });
    await ask.close();

    // Account Health first: its readings are part of what the popup then shows.
    const health = await h.openSellerCentral(DEMO_PAGES.accountHealth);
    await settle(health, 'redline-projection');

    const orders = await h.openSellerCentral(DEMO_PAGES.unshipped);
    await settle(orders, 'redline-badge');
    const badge = orders.locator('redline-badge').first();
    await badge.scrollIntoViewIfNeeded();
    await badge.hover();
    await orders.waitForTimeout(300);
    await shoot(orders, '1-manage-orders.png');

    // The popup as the browser shows it: its own page at its own size, drawn at the toolbar's corner.
    const popup = await h.openPopup();
    await popup.setViewportSize({ width: 400, height: 720 });
    await settle(popup, '.summary');
    const popupShot = await popup.screenshot();
    await popup.close();
    await orders.mouse.move(0, 0);
    await orders.evaluate((png) => {
      const img = document.createElement('img');
      img.src = `data:image/png;base64,${png}`;
      Object.assign(img.style, {
        position: 'fixed',
        top: '8px',
        right: '16px',
        width: '400px',
        zIndex: '2147483647',
        borderRadius: '8px',
        boxShadow: '0 8px 28px rgba(0,0,0,.35)',
      });
      document.body.append(img);
      return img.decode();
    }, popupShot.toString('base64'));
    await shoot(orders, '2-popup.png');
    await orders.close();

    await health.bringToFront();
    await shoot(health, '3-account-health.png');
    await health.close();

    const page = await h.openPopup();
    const atRisk = await page.evaluate(async () => {
      const c = (globalThis as ExtensionGlobal).chrome;
      const got = (await c.runtime.sendMessage({ type: 'getPopupState' })) as { value: { report: { atRiskOrders: { orderId: string }[] } | null } };
      return got.value.report?.atRiskOrders[0]?.orderId ?? null;
    });
    await page.close();
    if (atRisk) {
      const detail = await h.openSellerCentral(DEMO_PAGES.orderDetail(atRisk));
      await settle(detail, 'redline-badge');
      await shoot(detail, '4-order-at-risk.png');
      await detail.close();
    }

    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await settle(options, '#odr-mfn-target');
    await shoot(options, '5-options.png');
    await options.close();

    const own = h.extensionRequests();
    if (own.length) throw new Error(`The extension made ${own.length} request(s) of its own: ${own.map((r) => r.url).join(', ')}`);
    return written;
  } finally {
    await h.close();
  }
}
