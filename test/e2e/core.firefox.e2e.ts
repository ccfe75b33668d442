// The core flows (flows/core.ts) in Debian's Firefox ESR, with the built .output/firefox-mv2 as a
// temporary add-on, driven by puppeteer-core over WebDriver BiDi; then what only Firefox's harness has.
import { expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo-site/server';
import { until } from './database';
import { launchFirefoxDriver } from './driver-firefox';
import { coreFlows } from './flows/core';

coreFlows('firefox', launchFirefoxDriver, (driver) => {
  it('the refusing proxy records a request that gets past the interception (a tab the page opens itself)', async () => {
    const h = driver();
    const page = await h.openSellerCentral(DEMO_PAGES.home);
    await page.evaluate(() => void window.open('https://example.com/escaped', '_blank'));
    const stray = await until(
      async () => h.strayRequests(),
      (s) => s.some((r) => r.seenBy === 'refusing proxy'),
      'the proxy to record it',
    );
    expect(stray.filter((r) => r.seenBy === 'refusing proxy')).toEqual([expect.objectContaining({ url: expect.stringMatching(/^CONNECT example\.com:443 /) })]);
    await page.close();
  });
});
