/**
 * `npm run demo [-- --headless] [--seed N]`: builds the extension and opens Debian Chromium with it on
 * the demo Seller Central (test/demo-site), served at the real URLs; nothing reaches the network.
 * - With a display and no --headless: a window on the Unshipped orders page, open until you close it.
 * - Headless (or no DISPLAY): visits Unshipped (and the popup's first minutes), Sent, Account Health, an
 *   order at risk, imports the demo's All Orders report, pages through Sent orders, and shows the popup's
 *   glance and a metric's details; writes screenshots to demo-output/; then the store listings'
 *   screenshots, 1280 × 800 in English, German and Japanese, to demo-output/store/<lang>/
 *   (scripts/store-screenshots.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PAGES } from '../test/demo-site/server';
import { CHROMIUM_INSTALL_HELP, findChromium } from '../test/e2e/chromium';
import { allOrdersReport, browseEverySentPage, importOnOptionsPage } from '../test/e2e/demo-reports';
import { launchHarness, PROJECT_ROOT, type Harness } from '../test/e2e/harness';
import { STORE_LOCALES, storeScreenshots } from './store-screenshots';

const args = process.argv.slice(2);
const seedArg = args.indexOf('--seed');
const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : undefined;
if (seed !== undefined && !Number.isInteger(seed)) {
  console.error('Usage: npm run demo -- [--headless] [--seed <integer>]');
  process.exit(1);
}
const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
const headless = args.includes('--headless') || !hasDisplay;
const OUTPUT = join(PROJECT_ROOT, 'demo-output');

const build = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
if (!findChromium()) {
  console.error(CHROMIUM_INSTALL_HELP);
  process.exit(1);
}

const h = await launchHarness({ headless, demo: { seed } });
const s = h.demo.seller;
const atRisk = s.orders.find((o) => o.scenarios.includes('overdue')) ?? s.orders[0]!;
console.log(
  `\nDemo seller: ${s.orders.length} orders over 90 days (seed ${s.seed}); LSR 10d ${pct(s.expected.lsr10d.rate)}, ODR ${pct(s.expected.odrMfn.rate)}.`,
);

if (headless) {
  await screenshots(h);
  console.log('\nStore screenshots (1280 × 800):');
  for (const { lang, locale } of STORE_LOCALES) {
    for (const path of await storeScreenshots(join(OUTPUT, 'store', lang), locale, seed)) console.log(`  ${relative(process.cwd(), path)}`);
  }
} else await browse(h);

function pct(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(2)} %`;
}

/** Lets the page's JSON arrive and Redline draw on it before a screenshot. */
async function settle(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_000);
}

async function screenshots(h: Harness): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  const written: string[] = [];
  const shoot = async (page: Page, name: string, fullPage = false) => {
    const path = join(OUTPUT, name);
    await page.screenshot({ path, fullPage });
    written.push(path);
  };

  // The popup as Chrome opens it: 400 px wide, at most 600 px high.
  const openPopup = async () => {
    const popup = await h.openPopup();
    await popup.setViewportSize({ width: 400, height: 600 });
    await settle(popup, '.summary:not(.summary-kept)');
    return popup;
  };

  const orders = await h.openSellerCentral(DEMO_PAGES.unshipped);
  await settle(orders, "tr[id^='row-']");
  await shoot(orders, '01-unshipped-orders.png');
  // The first minutes: one page seen, the popup says what it has seen and where the rest is.
  const first = await openPopup();
  await shoot(first, '02-popup-first-page.png');
  await first.close();
  await orders.click("a[data-test-id='tab-/mfn/shipped']");
  await settle(orders, "a[data-test-id='tab-/mfn/shipped'].active");
  await shoot(orders, '03-shipped-orders.png');
  await orders.close();

  const health = await h.openSellerCentral(DEMO_PAGES.accountHealth);
  await settle(health, '#shipping-late-shipment-rate-row');
  await shoot(health, '04-account-health.png', true);
  await health.close();

  const detail = await h.openSellerCentral(DEMO_PAGES.orderDetail(atRisk.amazonOrderId));
  await settle(detail, '#order-items');
  await shoot(detail, '05-order-at-risk.png', true);
  await detail.close();

  // History, as a seller fills it: the All Orders report imported, Sent orders paged through.
  await importOnOptionsPage(h, [{ name: 'All Orders.txt', text: allOrdersReport(s.orders, 'Amazon.com', 'USD') }]);
  await browseEverySentPage(h);

  // Last, so the popup shows what the extension gathered: the glance, then one metric opened with its orders.
  const popup = await openPopup();
  await shoot(popup, '06-popup.png');
  await popup.click('[data-metric="lsr.10d"] .glance-toggle');
  await popup.click('[data-metric="lsr.10d"] .explain-button');
  await settle(popup, '[data-metric="lsr.10d"] [data-explain-counted]');
  await shoot(popup, '07-popup-details.png', true);

  const own = h.extensionRequests();
  await h.close();
  console.log('\nScreenshots:');
  for (const path of written) console.log(`  ${relative(process.cwd(), path)}`);
  console.log(
    own.length
      ? `\nThe extension made ${own.length} request(s) of its own: ${own.map((r) => r.url).join(', ')}`
      : '\nThe extension made no network request of its own.',
  );
}

async function browse(h: Harness): Promise<void> {
  const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
  await page.bringToFront();
  const pages = Object.values(DEMO_PAGES).filter((p) => typeof p === 'string');
  console.log(`
The demo Seller Central is open. Every Seller Central host serves it; every other site is blocked.
Pages: ${pages.map((p) => h.url(p)).join('\n       ')}
An order at risk: ${h.url(DEMO_PAGES.orderDetail(atRisk.amazonOrderId))}
Popup: chrome-extension://${h.extensionId}/popup.html
Close the browser window (or press Ctrl+C) to end the demo.`);
  await new Promise<void>((resolve) => {
    h.context.on('close', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await h.close().catch(() => undefined);
}
