/**
 * The driver-neutral harness (driver.ts) over the Chromium one (harness.ts, Playwright): the same
 * browser, routing and request log the Chromium-only tests use, behind the shared flows' interface.
 */
import type { Page } from 'playwright-core';
import { launchHarness, type ExtensionGlobal } from './harness';
import type { DriverOptions, ExtensionDriver, TestPage } from './driver';

function testPage(page: Page): TestPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    waitFor: (selector, timeoutMs = 15_000) => page.waitForSelector(selector, { state: 'attached', timeout: timeoutMs }).then(() => undefined),
    click: (selector) => page.click(selector),
    text: (selector) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector),
    setInputFiles: (selector, paths) => page.setInputFiles(selector, paths),
    screenshot: (path) => page.screenshot({ path }).then(() => undefined),
    close: () => page.close(),
  };
}

export async function launchChromiumDriver(options: DriverOptions = {}): Promise<ExtensionDriver> {
  const h = await launchHarness({ demo: options.demo });
  const problems: string[] = [];
  // Pages' and the service worker's console (Playwright reports both on the context).
  h.context.on('console', (message) => {
    if (/^Redline: /.test(message.text())) problems.push(`console: ${message.text().slice(0, 300)}`);
  });
  h.context.on('weberror', (error) => problems.push(`uncaught: ${error.error().message.slice(0, 300)}`));
  const openExtensionPage = async (file: string) => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/${file}`, { waitUntil: 'load' });
    return page;
  };
  return {
    browser: 'chromium',
    demo: h.demo,
    url: h.url,
    openSellerCentral: async (path, host) => testPage(await h.openSellerCentral(path, host)),
    openExtensionPage: async (file) => testPage(await openExtensionPage(file)),
    async ask<T>(message: Record<string, unknown>) {
      const page = await openExtensionPage('popup.html');
      try {
        const envelope = (await page.evaluate((m) => (globalThis as ExtensionGlobal).chrome.runtime.sendMessage(m), message)) as {
          ok: boolean;
          value?: T;
          error?: string;
        };
        if (!envelope?.ok) throw new Error(envelope?.error ?? 'no answer');
        return envelope.value as T;
      } finally {
        await page.close();
      }
    },
    evaluateInExtension: h.evaluateInServiceWorker,
    toolbarBadge: () =>
      h.evaluateInServiceWorker(async () => {
        const { action } = (globalThis as ExtensionGlobal).chrome;
        return { text: await action.getBadgeText({}), color: await action.getBadgeBackgroundColor({}), title: await action.getTitle({}) };
      }),
    servedUrls: () => h.requests.filter((r) => r.outcome === 'demo').map((r) => r.url),
    strayRequests: () => h.extensionRequests().map((r) => ({ url: r.url, method: r.method, seenBy: `${r.source} (${r.outcome}, ${r.resourceType})` })),
    problems: () => [...problems],
    close: () => h.close(),
  };
}
