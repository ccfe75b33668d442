/**
 * The popup's red lines besides the rates (metrics-spec v2 §2.2, §5): policy compliance, the AHR with
 * its Account Health Assurance line, the Invoice Defect Rate where it exists, the seller's own dispatch rule.
 */
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Popup, type PopupState } from '../../../lib/ui/popup/Popup';
import { metric, NOW, policyEntry, risk, sampleReport, TODAY } from './fixtures';
import { useLocale } from './messages';
import { HOSTILE } from '../content/orders-page';
import { drawn } from './drawn';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DE = 'A1PA6795UKMFR9';
const CLEAR = ['listingPolicyViolations', 'receivedIntellectualPropertyComplaints', 'policyViolationWarnings'].map((c) => policyEntry(c, 0, 0));

function show(overrides: Partial<ReturnType<typeof sampleReport>> = {}, history: PopupState['history'] = {}): HTMLElement {
  const state = {
    scopes: ['default|ATVPDKIKX0DER'],
    scope: 'default|ATVPDKIKX0DER',
    report: sampleReport(overrides),
    history,
    lastCapture: { at: NOW - 60_000, origin: 'capture', source: '/performance/api/summary', ok: true, orders: 0, defects: 0, readings: 7 },
    problem: null,
    computing: false,
  } as PopupState;
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Popup state={state} now={NOW} onSelectScope={() => {}} onOpenOptions={() => {}} />, root);
  return root;
}
const text = (el: Element | null) => (el?.textContent ?? '').replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('policy compliance in the popup', () => {
  beforeEach(() => useLocale('en'));

  it('all clear, said once, with the age of Amazon’s reading and a link to Account Health', () => {
    const root = show({ policyCompliance: CLEAR });
    const section = root.querySelector('#policies')!;
    expect(section.getAttribute('data-policies')).toBe('ok');
    expect(text(section.querySelector('.policy-summary'))).toBe('All clear: Amazon reports no policy violation.');
    expect(section.querySelectorAll('.policy')).toHaveLength(0);
    expect(text(section)).toContain('Amazon’s reading, 2 hr. ago');
    expect(section.querySelector('a')!.getAttribute('href')).toBe('https://sellercentral.amazon.com/performance/dashboard');
  });

  it('a violation: which category, its count and how it changed; the summary names it', () => {
    const root = show({ policyCompliance: [policyEntry('listingPolicyViolations', 1, 0), policyEntry('documentRequests', null), ...CLEAR.slice(1)] });
    const section = root.querySelector('#policies')!;
    expect(section.getAttribute('data-policies')).toBe('breach');
    expect(section.classList.contains('card-breach')).toBe(true);
    expect(text(section.querySelector('.policy-summary'))).toBe(
      '1 category over the line: any violation counts. 1 category without a count: open Account Health.',
    );
    const items = [...section.querySelectorAll('.policy')];
    expect(items.map((i) => i.getAttribute('data-policy'))).toEqual(['listingPolicyViolations', 'documentRequests']);
    expect(text(items[0]!)).toBe('Listing policy violations1 violation · +1 since Nov 24, 2026');
    expect(items[0]!.classList.contains('policy-rose')).toBe(true);
    expect(text(items[1]!)).toBe('Document requestscount unknown');
    const summary = root.querySelector('.summary')!;
    expect(summary.classList.contains('summary-breach')).toBe(true);
    expect(text(summary)).toContain('1 policy category over the line');
    expect(summary.querySelector('a[href="#policies"]')).not.toBeNull();
  });

  it('a category Redline does not know is shown under the page’s own words, as text', () => {
    const root = show({ policyCompliance: [policyEntry('policies-new-row', 2, null, { label: HOSTILE })] });
    const item = root.querySelector('[data-policy="policies-new-row"]')!;
    expect(text(item.querySelector('.policy-name'))).toBe(HOSTILE);
    expect(item.querySelector('img, script, svg')).toBeNull();
    expect(text(item.querySelector('.policy-count'))).toBe('2 violations');
  });

  it('nothing read yet: says what to open, never "all clear"', () => {
    const section = show({ policyCompliance: [] }).querySelector('#policies')!;
    expect(text(section)).toBe('Policy complianceNot read yet: open Account Health to read your policy compliance.');
    expect(section.getAttribute('data-policies')).toBe('unknown');
  });

  it('in German and Japanese', () => {
    useLocale('de');
    const de = show({ policyCompliance: [policyEntry('receivedIntellectualPropertyComplaints', 3, 1)] }).querySelector('#policies')!;
    expect(text(de.querySelector('.policy-summary'))).toBe('1 Kategorie über der Linie: jeder Verstoß zählt.');
    expect(text(de.querySelector('.policy'))).toBe('Erhaltene Beschwerden wegen geistigen Eigentums3 Verstöße · +2 seit 24.11.2026');
    useLocale('ja');
    const ja = show({ policyCompliance: CLEAR }).querySelector('#policies')!;
    expect(text(ja.querySelector('.policy-summary'))).toBe('問題なし：Amazon が報告するポリシー違反はありません。');
  });
});

describe('the Account Health Rating and Account Health Assurance', () => {
  beforeEach(() => useLocale('en'));
  const window180 = { from: '2026-05-31', to: TODAY };

  it('score, band, a chart of its history against 200 and 250, and the Assurance line', () => {
    const history = {
      ahr: [
        { day: '2026-10-01', rate: null, score: 300 },
        { day: '2026-11-20', rate: null, score: 240 },
      ],
    };
    const root = show(
      { accountHealthAssurance: { status: 'notEnoughHistory', daysBelow250: 7, daysCovered: 57, since: '2026-10-01', window: window180 } },
      history,
    );
    const card = root.querySelector('[data-metric="ahr"]')!;
    expect(text(card.querySelector('.rate-value'))).toBe('240');
    expect(text(card.querySelector('.pill'))).toContain('Healthy');
    const chart = card.querySelector('svg[role=img]')!;
    expect(chart.getAttribute('aria-label')!.replace(/[\u2009\u202f\u00a0]/g, ' ')).toBe(
      'Account Health Rating, Oct 1 – Nov 26: 240 today; lines at 200 (healthy) and 250 (Assurance).',
    );
    expect(chart.querySelector('.chart-history')!.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(chart.querySelectorAll('line.chart-target, line.chart-ahr-line')).toHaveLength(2);
    expect(text(card.querySelector('.assurance'))).toBe('Account Health Assurance · Not enough history yet (since Oct 1, 2026): 7 days below 250 so far.');
    expect(text(card)).toContain('250 or more for six months, at most 10 days below');
  });

  it.each([
    [{ status: 'eligible', daysBelow250: 3 }, 'Eligible: 3 days below 250 in the last 180.'],
    [{ status: 'eligible', daysBelow250: 1 }, 'Eligible: 1 day below 250 in the last 180.'],
    [{ status: 'notEligible', daysBelow250: 14 }, '14 days below 250 in the last 180: not eligible.'],
    [{ status: 'notEnoughHistory', daysBelow250: 0 }, 'Not enough history yet (since Oct 1, 2026).'],
  ] as const)('%o', (a, sentence) => {
    const root = show({ accountHealthAssurance: { ...a, daysCovered: 180, since: '2026-10-01', window: window180 } });
    expect(text(root.querySelector('.assurance'))).toBe(`Account Health Assurance · ${sentence}`);
    expect(root.querySelector('.assurance')!.getAttribute('data-assurance')).toBe(a.status);
  });

  it('no rating read: no chart and no Assurance verdict', () => {
    const r = sampleReport();
    const root = show({
      metrics: { ...r.metrics, ahr: { key: 'ahr', unit: 'points', score: null, status: 'unknown', window: null, amazon: null } },
      accountHealthAssurance: { status: 'unknown', daysBelow250: null, daysCovered: 0, since: null, window: window180 },
    });
    const card = root.querySelector('[data-metric="ahr"]')!;
    expect(card.querySelector('svg')).toBeNull();
    expect(card.querySelector('.assurance')).toBeNull();
    expect(text(card)).toContain('Open Account Health to read your rating.');
  });

  it('in German and Japanese', () => {
    const a = { status: 'notEligible', daysBelow250: 14, daysCovered: 180, since: '2026-05-01', window: window180 } as const;
    useLocale('de');
    expect(text(show({ accountHealthAssurance: a }).querySelector('.assurance'))).toBe(
      'Account Health Assurance (Kontozustandsgarantie) · 14 Tage unter 250 in den letzten 180: nicht berechtigt.',
    );
    useLocale('ja');
    expect(text(show({ accountHealthAssurance: a }).querySelector('.assurance'))).toBe(
      'アカウント健全性保証（Account Health Assurance） · 直近 180 日間で 250 未満が 14 日：対象外です。',
    );
  });
});

describe('the Invoice Defect Rate only where it exists', () => {
  beforeEach(() => useLocale('en'));

  it('a German report shows its IDR row; a US report has none', async () => {
    const r = sampleReport();
    const idr = metric({ key: 'idr.7d', numerator: 1, denominator: 40 });
    const de = show({ marketplaceId: DE, timeZone: 'Europe/Berlin', metrics: { ...r.metrics, 'idr.7d': idr } });
    const row = de.querySelector('[data-metric="idr.7d"]')!;
    expect(text(row.querySelector('.glance-name .visually-hidden'))).toBe('Invoice Defect Rate · 7 days');
    expect(text(row.querySelector('.rate-value'))).toBe('2.5%');
    expect(text(row.querySelector('.margin'))).toBe('At the line: one more late or missing invoice puts it over.');
    row.querySelector<HTMLButtonElement>('.glance-toggle')!.click();
    expect(text(await drawn(row, '.glance-details'))).toContain('1 of 40 orders');
    expect(show().querySelector('[data-metric="idr.7d"]')).toBeNull();
  });
});

describe('the seller’s own dispatch rule in the at-risk list', () => {
  it.each([
    ['en', 'Your 72-hour rule: ship within 5 hr', 'Misses your own dispatch rule → your own rule, not one of Amazon’s metrics'],
    ['de', 'Ihre 72-Stunden-Regel: versenden in 5 Std.', 'Verfehlt Ihre eigene Versandregel → Ihre eigene Regel, keine Kennzahl von Amazon'],
    ['ja', 'ご自身の 72 時間ルール：5 時間 以内に出荷', 'ご自身の出荷ルールに間に合いません → ご自身のルールであり、Amazon の指標ではありません'],
  ] as const)('%s: labelled as the seller’s own rule, never as one of Amazon’s metrics', async (lang, deadline, impact) => {
    useLocale(lang);
    const dispatch = risk({ kind: 'dispatchRule', metric: null, deadline: NOW + 5 * HOUR, rateIfHappens: null, marginIfHappens: null, breaches: false });
    const root = show({ atRiskOrders: [{ orderId: '114-3333333-3333333', risks: [dispatch] }] });
    const item = await drawn(root, '[data-risk="dispatchRule"]');
    expect(item.classList.contains('risk-own')).toBe(true);
    expect(text(item.querySelector('.risk-deadline'))).toContain(deadline);
    expect(text(item.querySelector('.risk-impact'))).toBe(impact);
  });

  it('without the rule’s hours (an older report) it still says it is the seller’s own', async () => {
    useLocale('en');
    const dispatch = risk({ kind: 'dispatchRule', metric: null, deadline: NOW + DAY / 2, rateIfHappens: null, marginIfHappens: null, breaches: false });
    const root = show({ dispatchRuleHours: null, atRiskOrders: [{ orderId: '114-3333333-3333333', risks: [dispatch] }] });
    expect(text(await drawn(root, '[data-risk="dispatchRule"] .risk-deadline'))).toContain('Your rule: ship within 12 hr');
  });
});
