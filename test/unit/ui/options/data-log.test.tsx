import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '../../../../lib/storage/records';
import { domShape } from '../../../../lib/shape-report/dom';
import { useLocale } from '../messages';

let log: LogEntry[] = [];
vi.mock('../../../../lib/messaging/client', () => ({
  sendToBackground: vi.fn(async (message: { type: string }) => {
    if (message.type === 'getDataLog') return log;
    throw new Error(message.type);
  }),
}));

const { DataLogSection } = await import('../../../../lib/ui/options/DataLogSection');

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
const AT = Date.UTC(2026, 11, 2, 9, 30);

/** A page full of a buyer's and an order's data, as the content script would have seen it. */
function pageShape(): string {
  const doc = document.implementation.createHTMLDocument('x');
  doc.body.innerHTML = `<main><div id="row-114-7941379-5480234"><a href="/orders-v3/order/114-7941379-5480234">Jane Q. Buyer</a><span class="a-size-large">2.94%</span></div></main>`;
  return domShape(doc.querySelector('main')!);
}

async function show(lang: 'en' | 'de' | 'ja' = 'en'): Promise<HTMLElement> {
  // eslint-disable-next-line react-hooks/rules-of-hooks -- useLocale sets the test's messages; it is no hook
  useLocale(lang);
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<DataLogSection />, root);
  await flush();
  return root;
}

describe('the data log on the options page', () => {
  beforeEach(() => {
    log = [
      {
        at: AT,
        origin: 'capture',
        source: '/orders-v3/order/114-7941379-5480234/confirm-shipment',
        ok: false,
        reason: 'unknownFormat',
        detail: 'the tracking id field: the page layout may have changed',
        page: 'confirmShipment',
        missing: "the tracking id field (input[data-test-id='text-input-tracking-id'])",
        shape: pageShape(),
        orders: 0,
        defects: 0,
        readings: 0,
      },
      {
        at: AT - 60_000,
        origin: 'capture',
        source: '/orders-api/search',
        ok: true,
        format: 'orders-api/search',
        orders: 15,
        defects: 0,
        readings: 0,
        tables: [{ table: 'manageOrders mfn/unshipped last-7', first: 15, rows: 15, total: 40, more: true }],
      },
      {
        at: AT - 120_000,
        origin: 'capture',
        source: '/fbmapi/v1/feedbacks',
        ok: true,
        format: 'fbmapi/feedbacks',
        orders: 0,
        defects: 20,
        readings: 0,
        tables: [{ table: 'feedbackManager', first: 0, rows: 20, more: true }],
      },
      {
        at: AT - 180_000,
        origin: 'capture',
        source: '/orders-api/search',
        ok: false,
        reason: 'signedOut',
        detail: 'HTTP 403: the session had expired',
        orders: 0,
        defects: 0,
        readings: 0,
      },
    ];
  });

  it('names the page that looks different and what was not found, and offers its shape report', async () => {
    const root = await show();
    const changed = root.querySelector('[data-log-page="confirmShipment"]')!;
    expect(changed.querySelector('.log-title')!.textContent).toBe('Confirm shipment looks different from what Redline knows.');
    expect(changed.textContent).toContain("Not found as expected: \u2068the tracking id field (input[data-test-id='text-input-tracking-id'])\u2069");
    const report = changed.querySelector('textarea')!.value;
    expect(report).toMatch(/^Redline shape report \(names and types only: no values\)\nPage: Confirm shipment \(\/orders-v#\/order\/#-#-#\/confirm-shipment\)/);
    expect(report).toContain('div#row-#-#-#');
    expect(report).not.toMatch(/\d|Jane|2\.94/);
  });

  it('copies the report with one click, or says to select it when copying is not allowed', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void written.push(text) } });
    const root = await show();
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Copy the shape report')!;
    button.click();
    await flush();
    expect(written).toEqual([root.querySelector('textarea')!.value]);
    expect(root.querySelector('.shape-report [role=status]')!.textContent).toBe('Copied.');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new Error('NotAllowedError')) } });
    button.click();
    await flush();
    expect(root.querySelector('.shape-report [role=status]')!.textContent).toBe('Copying was not allowed: select the text above and copy it.');
  });

  it('says where a page of a table sits, so one page is not taken for the table', async () => {
    const root = await show();
    const lines = [...root.querySelectorAll('.log-ok .log-line')].map((p) => p.textContent);
    expect(lines).toEqual([
      'Read: 15 orders, 0 feedback, claims and chargebacks, 0 of Amazon’s figures.',
      'Rows 16–30 of 40.',
      'Read: 0 orders, 20 feedback, claims and chargebacks, 0 of Amazon’s figures.',
      'Rows 1–20; more pages follow: open them on Seller Central to read them too.',
    ]);
    expect(root.querySelector('.log-failed:not([data-log-page="confirmShipment"]) .log-line')!.textContent).toContain('Not read (signedOut)');
  });

  it.each(['de', 'ja'] as const)('in %s too', async (lang) => {
    const root = await show(lang);
    const title = root.querySelector('[data-log-page="confirmShipment"] .log-title')!.textContent;
    expect(title).toContain(lang === 'de' ? 'Versand bestätigen sieht anders aus' : '出荷通知 が、Redlineの知る形と違います');
  });

  it('says when nothing was read yet', async () => {
    log = [];
    expect((await show()).textContent).toContain('Nothing read yet');
  });
});
