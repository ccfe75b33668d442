// The popup and the badges in German and Japanese, in Chromium started with that UI language
// (chrome.i18n follows the browser's language, so this needs its own launch: the shared harness
// pins en-US). Same routing as the harness: Seller Central → the demo site, everything else aborted.
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { SELLER_CENTRAL_HOSTS } from '../../lib/marketplaces';
import { DEMO_PAGES, DemoSite } from '../demo-site/server';
import { findChromium } from './chromium';
import { CHROME_EXTENSION_DIR, PROJECT_ROOT } from './harness';

const SHOTS = join(PROJECT_ROOT, 'test-results/ui');

/**
 * Chromium shows an extension in a language only when it has that UI language itself: Debian puts
 * everything but en-US in the `chromium-l10n` package. Without it these tests are skipped, loudly.
 */
function hasUiLanguage(lang: string): boolean {
  const executable = findChromium();
  if (!executable) return false;
  const dirs = [join(dirname(realpathSync(executable)), 'locales'), '/usr/lib/chromium/locales', '/usr/lib/chromium-browser/locales'];
  return dirs.some((dir) => existsSync(join(dir, `${lang}.pak`)));
}

let context: BrowserContext | undefined;
let userDataDir: string | undefined;
afterEach(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  context = undefined;
});

async function launch(lang: string): Promise<{ context: BrowserContext; extensionId: string }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (see test/e2e/chromium.ts)');
  userDataDir = mkdtempSync(join(tmpdir(), `redline-e2e-${lang}-`));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` },
    args: [
      `--lang=${lang}`,
      `--disable-extensions-except=${CHROME_EXTENSION_DIR}`,
      `--load-extension=${CHROME_EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const demo = new DemoSite();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
    if (url.protocol !== 'https:' || !SELLER_CENTRAL_HOSTS.includes(url.hostname)) return route.abort('blockedbyclient');
    const response = demo.respond(route.request().method(), url);
    return route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
  });
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { context, extensionId: new URL(worker.url()).host };
}

describe.each([
  { lang: 'de', ui: /^de/, status: /Im grünen Bereich|Nah an der Linie|Über der Linie/, margin: /Verträgt noch|Genau an der Linie|über der Linie/, badge: /Versenden in|überfällig/ },
  { lang: 'ja', ui: /^ja/, status: /順調|基準ライン間近|基準ライン超過/, margin: /許容できます|超過|基準ライン上/, badge: /以内に|超過/ },
])('in $lang', ({ lang, ui, status, margin, badge }) => {
  if (!hasUiLanguage(lang)) console.warn(`Skipping the ${lang} UI test: this Chromium has no ${lang} UI language (Debian: apt-get install chromium-l10n).`);
  it.skipIf(!hasUiLanguage(lang))('the popup and the badges speak the browser language, with its numbers and dates', async () => {
    const { context: ctx, extensionId } = await launch(lang);
    const orders = await ctx.newPage();
    await orders.goto(`https://sellercentral.amazon.com${DEMO_PAGES.unshipped}`);
    const health = await ctx.newPage();
    await health.goto(`https://sellercentral.amazon.com${DEMO_PAGES.accountHealth}`);
    await health.waitForSelector('redline-projection', { state: 'attached', timeout: 15_000 });

    const popup = await ctx.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    expect(await popup.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).toMatch(ui);
    await popup.waitForSelector('[data-metric="lsr.10d"]');
    expect(await popup.locator('[data-metric="lsr.10d"] .pill').textContent()).toMatch(status);
    expect(await popup.locator('[data-metric="lsr.10d"] .margin').textContent()).toMatch(margin);
    if (lang === 'de') expect(await popup.locator('[data-metric="vtr.30d"] .rate-value').textContent()).toMatch(/^\d+(,\d+)?\s%$/);
    expect(await popup.getAttribute('html', 'lang')).toMatch(ui);
    mkdirSync(SHOTS, { recursive: true });
    await popup.screenshot({ path: join(SHOTS, `popup-${lang}.png`), fullPage: true });

    await orders.bringToFront();
    await orders.waitForSelector('redline-badge', { state: 'attached', timeout: 15_000 });
    expect(await orders.locator('redline-badge .label').first().textContent()).toMatch(badge);
    await health.screenshot({ path: join(SHOTS, `account-health-${lang}.png`), fullPage: true });
  });
});
