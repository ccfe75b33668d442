// The popup and the badges in German and Japanese: Chromium started with that UI language (chrome.i18n
// follows the browser's language; the harness's `locale` option sets it). Debian ships UI languages
// other than en-US in `chromium-l10n`; without it these tests say so and skip.
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo-site/server';
import { axeViolations } from './axe';
import { findChromium } from './chromium';
import { launchHarness, PROJECT_ROOT, type ExtensionGlobal, type Harness } from './harness';

const SHOTS = join(PROJECT_ROOT, 'test-results/ui');

function hasUiLanguage(lang: string): boolean {
  const executable = findChromium();
  if (!executable) return false;
  const dirs = [join(dirname(realpathSync(executable)), 'locales'), '/usr/lib/chromium/locales', '/usr/lib/chromium-browser/locales'];
  return dirs.some((dir) => existsSync(join(dir, `${lang}.pak`)));
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe.each([
  {
    lang: 'de',
    locale: 'de-DE',
    status: /Im grünen Bereich|Nah an der Linie|Über der Linie/,
    margin: /Verträgt noch|Genau an der Linie|über der Linie/,
    badge: /Versenden in|Bestätigen in|Sendungsverfolgung in|Antworten in|Reagieren in|Klären in|überfällig/,
  },
  { lang: 'ja', locale: 'ja-JP', status: /順調|基準ライン間近|基準ライン超過/, margin: /許容できます|超過|基準ライン上/, badge: /以内に|超過/ },
])('in $lang', ({ lang, locale, status, margin, badge }) => {
  if (!hasUiLanguage(lang)) console.warn(`Skipping the ${lang} UI test: this Chromium has no ${lang} UI language (Debian: apt-get install chromium-l10n).`);

  it.skipIf(!hasUiLanguage(lang))('the popup and the badges speak the browser language, with its numbers and dates', async () => {
    h = await launchHarness({ locale });
    // A three-day horizon: some order is at risk whatever the time of day.
    const popup0 = await h.openPopup();
    await popup0.evaluate(async () => {
      const c = (globalThis as ExtensionGlobal).chrome;
      const got = (await c.runtime.sendMessage({ type: 'getSettings' })) as { value: Record<string, unknown> };
      await c.runtime.sendMessage({ type: 'saveSettings', settings: { ...got.value, warningHorizonHours: 72 } });
    });
    await popup0.close();

    const orders = await h.openSellerCentral(DEMO_PAGES.unshipped);
    const health = await h.openSellerCentral(DEMO_PAGES.accountHealth);
    await health.waitForSelector('redline-projection', { state: 'attached', timeout: 20_000 });

    const popup = await h.openPopup();
    await popup.setViewportSize({ width: 400, height: 600 });
    expect(await popup.evaluate(() => (globalThis as ExtensionGlobal).chrome.i18n.getUILanguage())).toMatch(new RegExp(`^${lang}`));
    await popup.waitForSelector('[data-metric="lsr.10d"]');
    expect(await popup.locator('[data-metric="lsr.10d"] .pill').textContent()).toMatch(status);
    expect(await popup.locator('[data-metric="lsr.10d"] .margin').textContent()).toMatch(margin);
    if (lang === 'de') expect(await popup.locator('[data-metric="vtr.30d"] .rate-value').textContent()).toMatch(/^\d+(,\d+)?\s%$/);
    expect(await popup.getAttribute('html', 'lang')).toMatch(new RegExp(`^${lang}`));
    mkdirSync(SHOTS, { recursive: true });
    await popup.screenshot({ path: join(SHOTS, `popup-${lang}.png`), fullPage: true });
    // Keyboard and screen reader in this language too: axe-core finds nothing on the glance, on a
    // metric's opened details with its orders, nor on the options page.
    expect(await axeViolations(popup), 'the popup').toEqual([]);
    await popup.click('[data-metric="lsr.10d"] .glance-toggle');
    await popup.click('[data-metric="lsr.10d"] .explain-button');
    await popup.locator('[data-metric="lsr.10d"] [data-explain-counted]').waitFor();
    expect(await axeViolations(popup), 'the popup with details').toEqual([]);
    const options = await h.openPopup();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.waitForSelector('#odr-mfn-target');
    expect(await options.getAttribute('html', 'lang')).toMatch(new RegExp(`^${lang}`));
    expect(await axeViolations(options), 'the options page').toEqual([]);
    await options.close();

    await orders.bringToFront();
    await orders.waitForSelector('redline-badge', { state: 'attached', timeout: 20_000 });
    expect(await orders.locator('redline-badge .label').first().textContent()).toMatch(badge);
    await health.screenshot({ path: join(SHOTS, `account-health-${lang}.png`), fullPage: true });
    expect(h.extensionRequests()).toEqual([]);
  });
});
