import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Popup, scopeLabel, type PopupState } from '../../../lib/ui/popup/Popup';
import { NOW, sampleReport } from './fixtures';
import { useLocale } from './messages';
import { HOSTILE } from '../content/orders-page';

const MIN = 60_000;

function state(overrides: Partial<PopupState> = {}): PopupState {
  return {
    scopes: ['default|ATVPDKIKX0DER'],
    scope: 'default|ATVPDKIKX0DER',
    report: sampleReport(),
    history: { 'odr.mfn': [{ day: '2026-10-01', rate: 0.006, score: null }, { day: '2026-11-20', rate: 0.008, score: null }] },
    lastCapture: { at: NOW - 3 * MIN, origin: 'capture', source: '/orders-api/search', ok: true, orders: 15, defects: 0, readings: 0 },
    problem: null,
    ...overrides,
  } as PopupState;
}

function show(s: PopupState, handlers: { scope?: (s: string) => void; options?: () => void } = {}): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Popup state={s} now={NOW} onSelectScope={handlers.scope ?? (() => {})} onOpenOptions={handlers.options ?? (() => {})} />, root);
  return root;
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('popup', () => {
  beforeEach(() => useLocale('en'));

  it('shows one card per metric with rate, target, status word, margin, Amazon reading, coverage and window', () => {
    const root = show(state());
    const odr = root.querySelector('[data-metric="odr.mfn"]')!;
    expect(text(odr.querySelector('.rate-value'))).toBe('0.8%');
    expect(text(odr)).toContain('target under 1%');
    expect(text(odr.querySelector('.pill'))).toContain('Close to the line');
    expect(text(odr.querySelector('.margin'))).toBe('Can absorb 1 more defective order.');
    expect(text(odr)).toContain('Amazon: 0.8% · 2 days ago');
    expect(text(odr)).toContain('Seen 62% of the orders Amazon counts');
    expect(text(odr)).toContain('Window Sep 14 – Nov 12');
    expect(text(odr)).toContain('8 of 1,000 orders');
    expect(odr.querySelector('svg[role=img]')!.getAttribute('aria-label')).toMatch(/^Projection to Dec 26: expected/);

    const lsr = root.querySelector('[data-metric="lsr.10d"]')!;
    expect(text(lsr.querySelector('.pill'))).toContain('Over the line');
    expect(text(lsr.querySelector('.margin'))).toBe('1 late shipment over the line: recovers on Dec 3 if nothing else ships late.');
  });

  it('says a metric is too thin to judge (the engine’s insufficient), not over the line', () => {
    const report = sampleReport();
    const thin = { ...report, metrics: { ...report.metrics, 'cr.7d': { ...report.metrics['cr.7d'], numerator: 1, denominator: 3, rate: 1 / 3, status: 'insufficient' as const } } };
    const root = show(state({ report: thin }));
    expect(text(root.querySelector('[data-metric="cr.7d"] .few-data'))).toBe('Seen 3 so far: too few to judge. Open more of your orders in Seller Central, or import your reports.');
    expect(text(root.querySelector('[data-metric="cr.7d"] .pill'))).toContain('Too few to judge');
    expect(root.querySelector('[data-metric="odr.mfn"] .few-data')).toBeNull(); // has Amazon's reading
  });

  it('gathers metrics without data in one line instead of empty cards', () => {
    const root = show(state());
    expect(root.querySelector('[data-metric="odr.afn"]')).toBeNull();
    expect(text(root.querySelector('.no-data'))).toBe('No orders in window: ODR FBA');
  });

  it('lists at-risk orders most urgent first, linked to the order on its marketplace host', () => {
    const root = show(state());
    const items = [...root.querySelectorAll('.risk-order')];
    expect(items.map((i) => i.getAttribute('data-order'))).toEqual(['114-1111111-1111111', '114-2222222-2222222']);
    const link = items[0]!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://sellercentral.amazon.com/orders-v3/order/114-1111111-1111111');
    expect(text(items[0]!)).toContain('Ship within 2 hr 20 min');
    expect(text(items[0]!)).toContain('Ships late → LSR 10 d 4.48%, over the line; LSR 30 d 2.16%, still within target');
    expect(text(root.querySelector('.summary'))).toBe('3 metrics need attention: LSR 10 d, ODR, CR 7 d · 2 orders at risk');
  });

  it('says how fresh the data is and what to open to refresh it', () => {
    const root = show(state());
    const freshness = root.querySelector('.freshness')!;
    expect(text(freshness)).toMatch(/^Updated 3 min\. ago from Manage Orders · refresh: Manage Orders or Account Health$/);
    expect([...freshness.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://sellercentral.amazon.com/orders-v3/mfn/unshipped',
      'https://sellercentral.amazon.com/performance/dashboard',
    ]);
  });

  it('tells the seller when Seller Central signed them out', () => {
    const root = show(state({ problem: { at: NOW - MIN, origin: 'capture', source: '/orders-api/search', ok: false, reason: 'signedOut', orders: 0, defects: 0, readings: 0 } }));
    expect(root.querySelector('[role=alert]')!.textContent).toContain('Signed out of Seller Central');
  });

  it.each([
    ['en', 'Disk full: Redline could not save', 'The browser refused to store the data from Manage Orders: the disk, or the browser’s storage for extensions, is full. Free disk space, or delete old data on Redline’s options page'],
    ['de', 'Speicher voll: Redline konnte nicht speichern', 'Der Browser hat sich geweigert, die Daten von Bestellungen verwalten zu speichern: Die Festplatte'],
    ['ja', '容量不足：Redlineは保存できませんでした', 'ブラウザが注文管理のデータを保存できませんでした。'],
  ] as const)('says what a full disk means and what to do, not "page not recognized" (%s)', (lang, title, text) => {
    useLocale(lang);
    const quota = { at: NOW - MIN, origin: 'capture', source: '/orders-api/search', ok: false, reason: 'storageFailed', detail: 'QuotaExceededError: The quota has been exceeded.', orders: 0, defects: 0, readings: 0 } as const;
    const notice = show(state({ problem: quota })).querySelector('[role=alert]')!;
    expect(notice.getAttribute('data-problem')).toBe('quota');
    expect(notice.querySelector('.notice-title')!.textContent).toBe(title);
    expect(notice.textContent!.replace(/[\u2068\u2069]/g, '')).toContain(text);
    // Another storage failure is not called a full disk either, nor a page Amazon changed.
    const other = show(state({ problem: { ...quota, detail: 'UnknownError: Internal error.' } })).querySelector('[role=alert]')!;
    expect(other.getAttribute('data-problem')).toBe('storage');
    expect(other.textContent).not.toContain(title);
  });

  it('isolates a file name in the freshness line, so its bidi controls cannot turn the words after it', () => {
    const name = `\u202Etxt.exe\u2069${'W'.repeat(400)}`;
    const root = show(state({ lastCapture: { at: NOW - MIN, origin: 'import', source: name, ok: true, orders: 1, defects: 0, readings: 0 } }));
    const line = root.querySelector('.freshness')!.textContent!;
    expect(line).toContain(`file \u2068\u202Etxt.exe${'W'.repeat(71)}…\u2069 · refresh:`);
  });

  it('explains what to do on first run', () => {
    let opened = 0;
    const root = show(state({ scopes: [], scope: null, report: null, history: {}, lastCapture: null }), { options: () => opened++ });
    expect(text(root.querySelector('.first-run h2'))).toBe('Nothing to show yet');
    const links = [...root.querySelectorAll('.first-run a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://sellercentral.amazon.com/performance/dashboard', 'https://sellercentral.amazon.com/orders-v3/mfn/unshipped']);
    root.querySelector<HTMLButtonElement>('.first-run button')!.click();
    expect(opened).toBe(1);
  });

  it('offers an account/marketplace switcher when there is more than one scope', () => {
    const picked: string[] = [];
    const root = show(state({ scopes: ['default|ATVPDKIKX0DER', 'default|A1PA6795UKMFR9'] }), { scope: (s) => picked.push(s) });
    const select = root.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['United States', 'Germany']);
    expect(select.closest('label')!.textContent).toContain('Account and marketplace');
    select.value = 'default|A1PA6795UKMFR9';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(picked).toEqual(['default|A1PA6795UKMFR9']);
  });

  it('renders hostile strings from pages and files as text', () => {
    const report = sampleReport({ atRiskOrders: [{ orderId: HOSTILE, risks: sampleReport().atRiskOrders[0]!.risks }] });
    const root = show(
      state({
        report,
        problem: { at: NOW, origin: 'capture', source: `/x/${HOSTILE}`, ok: false, reason: 'unknownFormat', orders: 0, defects: 0, readings: 0 },
      }),
    );
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(root.textContent).toContain(HOSTILE);
    // an order id that is not Amazon's pattern gets no link
    expect(root.querySelector('.risk-order a')).toBeNull();
  });

  it('is translated, with numbers and dates in the seller locale', () => {
    useLocale('de');
    const root = show(state());
    const odr = root.querySelector('[data-metric="odr.mfn"]')!;
    expect(text(odr.querySelector('.rate-value'))).toBe('0,8 %');
    expect(text(odr.querySelector('.margin'))).toBe('Verträgt noch 1 mangelhafte Bestellung.');
    expect(text(root.querySelector('[data-metric="lsr.10d"] .margin'))).toContain('erholt sich am 3. Dez.');
    useLocale('ja');
    const ja = show(state());
    expect(text(ja.querySelector('[data-metric="odr.mfn"] .pill'))).toContain('基準ライン間近');
    expect(scopeLabel('default|A1VC38T7YXB528', 'ja-JP')).toBe('日本');
  });
});
