import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Popup, type PopupState } from '../../../lib/ui/popup/Popup';
import { scopeLabel } from '../../../lib/ui/scopes';
import { NOW, sampleReport } from './fixtures';
import { useLocale } from './messages';
import { HOSTILE } from '../content/orders-page';
import { drawn } from './drawn';

const MIN = 60_000;

function state(overrides: Partial<PopupState> = {}): PopupState {
  return {
    scopes: ['default|ATVPDKIKX0DER'],
    scope: 'default|ATVPDKIKX0DER',
    report: sampleReport(),
    history: {
      'odr.mfn': [
        { day: '2026-10-01', rate: 0.006, score: null },
        { day: '2026-11-20', rate: 0.008, score: null },
      ],
    },
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

/** Preact redraws after a state change, and the popup draws what lies below the glance after its first paint. */
/** Opens a metric's details as a click on its glance row does. */
async function openDetails(root: HTMLElement, key: string): Promise<Element> {
  root.querySelector<HTMLButtonElement>(`[data-metric="${key}"] .glance-toggle`)!.click();
  return drawn(root, `[data-metric="${key}"] .glance-details`);
}

describe('popup', () => {
  beforeEach(() => useLocale('en'));

  it('shows one compact row per metric: status word, rate, margin in its unit, breach or recovery date; details open per metric', async () => {
    const root = show(state());
    expect([...root.querySelectorAll('.glance > li')].map((li) => li.getAttribute('data-metric'))).toEqual([
      'odr.mfn',
      'odr.afn',
      'lsr.10d',
      'lsr.30d',
      'cr.7d',
      'vtr.30d',
      'otdr.14d',
    ]);
    // The Account Health Rating follows the glance, in its own section (other red lines).
    expect(root.querySelector('.glance [data-metric="ahr"]')).toBeNull();
    expect(root.querySelector('.card-ahr[data-metric="ahr"]')).not.toBeNull();
    const odr = root.querySelector('[data-metric="odr.mfn"]')!;
    expect(text(odr.querySelector('.rate-value'))).toBe('0.8%');
    expect(text(odr.querySelector('.pill'))).toContain('Close to the line');
    expect(text(odr.querySelector('.margin'))).toBe('Can absorb 1 more defective order.');
    const lsr = root.querySelector('[data-metric="lsr.10d"]')!;
    expect(text(lsr.querySelector('.pill'))).toBe('✕Over the line');
    expect(text(lsr.querySelector('.margin'))).toBe('1 late shipment over the line');
    expect(text(lsr.querySelector('.glance-date'))).toBe('recovers Dec 3');
    // Nothing of the details (no chart) is drawn until a row is opened.
    expect(root.querySelectorAll('.glance svg.chart')).toHaveLength(0);
    const toggle = odr.querySelector('.glance-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.closest('h3')).not.toBeNull();
    expect(odr.querySelector(`#${toggle.getAttribute('aria-controls')}`)!.hasAttribute('hidden')).toBe(true);
    // The accessible name is the metric's full name, not only its short one.
    expect(text(toggle.querySelector('.visually-hidden'))).toBe('Order Defect Rate · seller-fulfilled');

    const details = await openDetails(root, 'odr.mfn');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(details.hasAttribute('hidden')).toBe(false);
    expect(text(details)).toContain('target under 1%');
    expect(text(details)).toContain('Amazon: 0.8% · 2 days ago');
    expect(text(details)).toContain('Redline’s own count: ');
    expect(text(details.querySelector('.coverage'))).toBe('Seen 620 of ~1,000 orders Amazon counts');
    expect(text(details)).toContain('Window Sep 14 – Nov 12');
    expect(text(details)).toContain('8 of 1,000 orders');
    expect(details.querySelector('svg[role=img]')!.getAttribute('aria-label')).toMatch(/^Projection to Dec 26: expected/);
    expect(text(details.querySelector('.margin-sentence'))).toBe('Can absorb 1 more defective order.');
    expect(text((await openDetails(root, 'lsr.10d')).querySelector('.margin-sentence'))).toBe(
      '1 late shipment over the line: recovers on Dec 3 if nothing else ships late.',
    );
    // And closes again.
    await openDetails(root, 'odr.mfn');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('[data-metric="odr.mfn"] svg.chart')).toBeNull();
  });

  it('says a metric is too thin to judge (the engine’s insufficient): neutral, with what was seen and the next step', () => {
    const report = sampleReport();
    const cr = report.metrics['cr.7d'];
    const thin = {
      ...report,
      metrics: {
        ...report.metrics,
        'cr.7d': {
          ...cr,
          numerator: 1,
          denominator: 3,
          rate: 1 / 3,
          status: 'insufficient' as const,
          amazon: null,
          coverage: null,
          local: { ...cr.local, numerator: 1, denominator: 3 },
        },
      },
    };
    const root = show(state({ report: thin }));
    const row = root.querySelector('[data-metric="cr.7d"]')!;
    expect(text(row.querySelector('.pill'))).toBe('…Too few to judge');
    expect(row.classList.contains('row-breach')).toBe(false);
    // The popup leads with onboarding, and the row says what was seen and where the rest is.
    expect(root.querySelector('.onboarding')).not.toBeNull();
    expect(text(row.querySelector('.coverage-line'))).toBe('Seen 3 orders so far: open Sent orders (last 30 days) or import your All Orders report');
    expect([...row.querySelectorAll('.coverage-line a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://sellercentral.amazon.com/orders-v3/mfn/shipped',
      'options.html#import',
    ]);
    expect(root.querySelector('[data-metric="odr.mfn"] .coverage-line')).not.toBeNull(); // 62 % of Amazon's count: not covered either
  });

  it('says so once Redline has seen every order Amazon counts, and not before', () => {
    const report = sampleReport();
    expect(show(state({ report })).querySelector('.coverage-complete')).toBeNull(); // 62 % of ODR's
    const covered = { ...report, metrics: { ...report.metrics, 'odr.mfn': { ...report.metrics['odr.mfn'], coverage: 0.996 } } };
    const root = show(state({ report: covered }));
    expect(text(root.querySelector('.coverage-complete'))).toBe('✓ Coverage complete: Redline has seen every order Amazon counts.');
    expect(root.querySelector('.onboarding')).toBeNull();
  });

  it('shows a metric without data as a row that says so', () => {
    const root = show(state());
    expect(text(root.querySelector('[data-metric="odr.afn"] .margin'))).toBe('No orders in this window yet.');
    expect(text(root.querySelector('[data-metric="odr.afn"] .pill'))).toBe('?No data');
  });

  it('lists at-risk orders most urgent first, linked to the order on its marketplace host', async () => {
    const root = show(state());
    await drawn(root, '.risk-order');
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
    const root = show(
      state({
        problem: { at: NOW - MIN, origin: 'capture', source: '/orders-api/search', ok: false, reason: 'signedOut', orders: 0, defects: 0, readings: 0 },
      }),
    );
    expect(root.querySelector('[role=alert]')!.textContent).toContain('Signed out of Seller Central');
  });

  it.each([
    [
      'en',
      'Disk full: Redline could not save',
      'The browser refused to store the data from Manage Orders: the disk, or the browser’s storage for extensions, is full. Free disk space, or delete old data on Redline’s options page',
    ],
    [
      'de',
      'Speicher voll: Redline konnte nicht speichern',
      'Der Browser hat sich geweigert, die Daten von Bestellungen verwalten zu speichern: Die Festplatte',
    ],
    ['ja', '容量不足：Redlineは保存できませんでした', 'ブラウザが注文管理のデータを保存できませんでした。'],
  ] as const)('says what a full disk means and what to do, not "page not recognized" (%s)', (lang, title, text) => {
    useLocale(lang);
    const quota = {
      at: NOW - MIN,
      origin: 'capture',
      source: '/orders-api/search',
      ok: false,
      reason: 'storageFailed',
      detail: 'QuotaExceededError: The quota has been exceeded.',
      orders: 0,
      defects: 0,
      readings: 0,
    } as const;
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

  it('rolls up every account in this browser, worst first, and switches with one click', () => {
    const picked: string[] = [];
    const overview = [
      {
        scope: 'default|A1PA6795UKMFR9',
        state: 'breach',
        attention: 2,
        breaches: 1,
        policyBreaches: 0,
        overBy: 3,
        atRisk: 3,
        hasReport: true,
        signedOut: false,
      },
      {
        scope: 'default|ATVPDKIKX0DER',
        state: 'warning',
        attention: 3,
        breaches: 0,
        policyBreaches: 0,
        overBy: 0,
        atRisk: 2,
        hasReport: true,
        signedOut: false,
      },
      {
        scope: 'default|A1F83G8C2ARO7P',
        state: 'signedOut',
        attention: 0,
        breaches: 0,
        policyBreaches: 0,
        overBy: 0,
        atRisk: 0,
        hasReport: false,
        signedOut: true,
      },
    ] as const;
    const root = show(state({ scopes: ['default|ATVPDKIKX0DER', 'default|A1PA6795UKMFR9'], overview: [...overview] }), { scope: (s) => picked.push(s) });
    const lines = [...root.querySelectorAll('.accounts li')];
    expect(lines.map((l) => text(l))).toEqual([
      '✕Germany2 metrics need attention · 3 orders at risk',
      '!United States3 metrics need attention · 2 orders at risk',
      '⏻United KingdomSigned out · No figures yet',
    ]);
    expect(text(root.querySelector('.accounts h2'))).toBe('Every account in this browser (3)');
    expect(root.querySelector('.accounts [aria-current=true]')!.closest('li')!.getAttribute('data-scope')).toBe('default|ATVPDKIKX0DER');
    lines[0]!.querySelector('button')!.click();
    expect(picked).toEqual(['default|A1PA6795UKMFR9']);
  });

  it('renders hostile strings from pages and files as text', async () => {
    const report = sampleReport({ atRiskOrders: [{ orderId: HOSTILE, risks: sampleReport().atRiskOrders[0]!.risks }] });
    const root = show(
      state({
        report,
        problem: { at: NOW, origin: 'capture', source: `/x/${HOSTILE}`, ok: false, reason: 'unknownFormat', orders: 0, defects: 0, readings: 0 },
      }),
    );
    await drawn(root, '.risk-order');
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(root.textContent).toContain(HOSTILE);
    // an order id that is not Amazon's pattern gets no link
    expect(root.querySelector('.risk-order a')).toBeNull();
  });

  it('is translated, with numbers and dates in the seller locale', async () => {
    useLocale('de');
    const root = show(state());
    const odr = root.querySelector('[data-metric="odr.mfn"]')!;
    expect(text(odr.querySelector('.rate-value'))).toBe('0,8 %');
    expect(text(odr.querySelector('.margin'))).toBe('Verträgt noch 1 mangelhafte Bestellung.');
    expect(text(root.querySelector('[data-metric="lsr.10d"] .glance-date'))).toContain('erholt sich am 3. Dez.');
    expect(text((await openDetails(root, 'lsr.10d')).querySelector('.margin-sentence'))).toContain('erholt sich am 3. Dez.');
    useLocale('ja');
    const ja = show(state());
    expect(text(ja.querySelector('[data-metric="odr.mfn"] .pill'))).toContain('基準ライン間近');
    expect(scopeLabel('default|A1VC38T7YXB528', 'ja-JP')).toBe('日本');
  });
});
