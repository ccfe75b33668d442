// The popup's first paint (issue 7): it shows the figures kept from the last popup at once, says they
// are being checked, and replaces them with the worker's answer; deleting all data forgets them.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo-site/server';
import { launchHarness, type Harness } from './harness';

const DELETED = 'All data deleted.';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
  const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
  // The capture is stored and its report computed: the popup shows a summary.
  const popup = await h.openPopup();
  await popup.locator('.summary:not(.summary-kept)').waitFor({ timeout: 15_000 });
  await popup.close();
  await page.close();
});
afterAll(async () => {
  await h?.close();
});

/** A popup whose questions for its state reach the worker `delayMs` late (a busy or sleeping worker). */
async function slowPopup(delayMs: number): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.addInitScript((delay) => {
    const g = globalThis as unknown as { chrome: { runtime: { sendMessage(...args: unknown[]): unknown } }; sawSummary: boolean; sent: [string, number][] };
    const runtime = g.chrome.runtime;
    const send = runtime.sendMessage.bind(runtime);
    // Promise or callback form (webextension-polyfill passes a callback): the same arguments, later.
    g.sent = [];
    runtime.sendMessage = (...args: unknown[]) => {
      const type = (args[0] as { type?: string }).type ?? '';
      g.sent.push([type, performance.now()]);
      return type === 'getPopupState' ? new Promise((resolve) => setTimeout(resolve, delay)).then(() => send(...args)) : send(...args);
    };
    // Whether a summary was ever in the page, even for one frame.
    g.sawSummary = false;
    new MutationObserver(() => {
      if (document.querySelector('.summary')) g.sawSummary = true;
    }).observe(document, { subtree: true, childList: true });
  }, delayMs);
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html`, { waitUntil: 'commit' });
  return popup;
}

describe('popup first paint', () => {
  it("shows the last figures at once, marked as being checked, then the worker's", async () => {
    const popup = await slowPopup(2_000);
    // Before the worker answers: the kept summary, said to be checked, the page busy.
    await popup.locator('.summary.summary-kept').waitFor({ timeout: 1_500 });
    expect(await popup.locator('.updating').textContent()).toBe('Checking for newer figures…');
    expect(await popup.locator('main').getAttribute('aria-busy')).toBe('true');
    const kept = await popup.locator('.summary').textContent();
    expect(await popup.evaluate(() => performance.getEntriesByName('redline:popup-answer').length)).toBe(0);
    // Then the live answer: the same figures, no longer marked.
    await popup.locator('.summary:not(.summary-kept)').waitFor({ timeout: 10_000 });
    expect(await popup.locator('.updating').count()).toBe(0);
    expect(await popup.locator('main').getAttribute('aria-busy')).toBe('false');
    expect(await popup.locator('.summary').textContent()).toBe(kept);
    expect(await popup.evaluate(() => performance.getEntriesByName('redline:popup-answer').length)).toBe(1);
    // The dispute and feedback lists (what-ifs in the worker) are asked for only after the answer.
    await popup.locator('main').evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    const [answered, sent] = await popup.evaluate(
      () => [performance.getEntriesByName('redline:popup-answer')[0]!.startTime, (globalThis as unknown as { sent: [string, number][] }).sent] as const,
    );
    const lists = sent.filter(([type]) => type === 'getOpenDisputes' || type === 'getRemovableFeedback');
    expect(lists.length).toBeGreaterThan(0);
    for (const [, at] of lists) expect(at).toBeGreaterThan(answered);
    await popup.close();
  });

  it('asks the worker before it renders anything', async () => {
    const popup = await h.openPopup();
    await popup.locator('.summary:not(.summary-kept)').waitFor({ timeout: 10_000 });
    const [ask, kept] = await popup.evaluate(() => ['redline:popup-ask', 'redline:popup-kept'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1));
    expect(ask).toBeGreaterThan(0);
    expect(kept).toBeGreaterThanOrEqual(ask!);
    await popup.close();
  });

  it('after "delete all data", no kept figure shows, not even for a moment', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Delete all data…' }).click();
    await options.locator('[data-test-id="confirm-delete"]').click();
    await options.getByText(DELETED).waitFor({ timeout: 15_000 });
    expect(await options.evaluate(() => localStorage.getItem('redline:popup-last'))).toBeNull();
    await options.close();

    const popup = await slowPopup(1_000);
    await popup.locator('.first-run').waitFor({ timeout: 10_000 });
    expect(await popup.evaluate(() => (globalThis as unknown as { sawSummary: boolean }).sawSummary)).toBe(false);
    await popup.close();
  });
});
