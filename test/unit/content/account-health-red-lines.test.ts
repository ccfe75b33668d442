import { beforeEach, describe, expect, it } from 'vitest';
import { placeRedLines } from '../../../lib/content/badges/account-health-red-lines';
import type { HealthReport, PolicyComplianceEntry } from '../../../lib/metrics/report-schema';
import { fixture } from '../readers/helpers';
import { metric, NOW, sampleReport } from '../ui/fixtures';
import { useLocale } from '../ui/messages';
import { HOSTILE } from './orders-page';

const entry = (category: string, count: number | null, previousCount: number | null, label: string | null = null): PolicyComplianceEntry => ({
  category,
  label,
  count,
  target: 0,
  status: count === null ? 'unknown' : count > 0 ? 'breach' : 'ok',
  amazonStatus: null,
  observedAt: NOW,
  source: 'dom/account-health',
  window: null,
  previousCount,
  previousObservedAt: previousCount === null ? null : Date.UTC(2026, 10, 24, 20),
  change: count !== null && previousCount !== null ? count - previousCount : null,
});

const text = (el: Element) => el.shadowRoot!.querySelector('.box')!.textContent!.replace(/[\u2009\u202f\u00a0]/g, ' ');
const overlays = () => [...document.querySelectorAll<HTMLElement>('redline-projection[data-redline-red-line]')];

function report(overrides: Partial<HealthReport> = {}): HealthReport {
  return sampleReport({
    policyCompliance: [
      entry('receivedIntellectualPropertyComplaints', 2, 1),
      entry('documentRequests', null, null),
      entry('listingPolicyViolations', 0, 0),
      entry('policyViolationWarnings', 0, 2),
    ],
    accountHealthAssurance: {
      status: 'notEligible',
      daysBelow250: 14,
      daysCovered: 180,
      since: '2026-01-01',
      window: { from: '2026-05-31', to: '2026-11-26' },
    },
    ...overrides,
  });
}

describe('Account Health overlay: the red lines besides the rate rows', () => {
  beforeEach(() => {
    useLocale('en');
    document.body.innerHTML = fixture('seller-central/pages/account-health.aui-2025.html')
      .replace(/^[\s\S]*<body[^>]*>/i, '')
      .replace(/<\/body>[\s\S]*$/i, '');
  });

  it('beside a policy row over the line, its count and change; beside a changed one, the change; nothing beside a clear unchanged one', () => {
    const hosts = new Map();
    placeRedLines(document, report(), hosts);
    const ip = document.querySelector('#policies-intellectual-property-row')!.nextElementSibling as HTMLElement;
    expect(ip.dataset.redlineRedLine).toBe('policy:receivedIntellectualPropertyComplaints');
    expect(ip.dataset.redlineStatus).toBe('breach');
    expect(text(ip)).toBe('Redline2 violations+1 since Nov 24, 2026✕ Over the line: any violation counts');
    const warnings = document.querySelector('#policies-product-warning-row')!.nextElementSibling as HTMLElement;
    expect(text(warnings)).toBe('Redline0 violations−2 since Nov 24, 2026✓ On track');
    expect(document.querySelector('#policies-listing-policy-row')!.nextElementSibling!.tagName).not.toBe('REDLINE-PROJECTION');
  });

  it('after the rating: the Assurance line, and the categories over the line or unknown that have no row on the page', () => {
    placeRedLines(document, report(), new Map());
    const rating = document.querySelector('.ahd-numeric-ahr-indicator')!.nextElementSibling as HTMLElement;
    expect(rating.dataset.redlineRedLine).toBe('rating');
    expect(rating.dataset.redlineStatus).toBe('breach');
    const lines = [...rating.shadowRoot!.querySelectorAll('.line')].map((l) => l.textContent);
    expect(lines).toEqual(['RedlineAccount Health Assurance14 days below 250 in the last 180: not eligible.', 'Redline · Document requestscount unknown']);
  });

  it('the Invoice Defect Rate after the last shipping row, only where the report has it; updated, not duplicated', () => {
    const otdr = document.querySelector('#unit-on-time-delivery-rate-row')!;
    const shippingOverlay = document.createElement('redline-projection');
    shippingOverlay.dataset.redlineMetric = 'otdr.14d';
    otdr.after(shippingOverlay);
    const hosts = new Map();
    placeRedLines(document, report(), hosts); // the US: no IDR
    expect(document.querySelector('[data-redline-red-line="idr"]')).toBeNull();
    const r = sampleReport();
    const withIdr = report({ marketplaceId: 'A1PA6795UKMFR9', metrics: { ...r.metrics, 'idr.7d': metric({ key: 'idr.7d', numerator: 1, denominator: 40 }) } });
    placeRedLines(document, withIdr, hosts);
    placeRedLines(document, withIdr, hosts);
    const idr = document.querySelectorAll('[data-redline-red-line="idr"]');
    expect(idr).toHaveLength(1);
    expect(shippingOverlay.nextElementSibling).toBe(idr[0]);
    expect(text(idr[0]!)).toMatch(
      /^Redline · Invoice Defect Rate · 7 days2\.5% projected! Close to the lineAt the line: one more late or missing invoice puts it over\./,
    );
    // Gone again when the report has none.
    placeRedLines(document, report(), hosts);
    expect(document.querySelector('[data-redline-red-line="idr"]')).toBeNull();
  });

  it('renders a category’s page label as text, and takes overlays off when they are no longer worth saying', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div id="policies-new-thing-row" class="a-row"><div class="a-column">x</div><div class="a-column"><span class="a-size-large">1</span></div></div>',
    );
    const hosts = new Map();
    placeRedLines(document, report({ policyCompliance: [entry('policies-new-thing-row', 1, 0, HOSTILE)] }), hosts);
    const row = document.querySelector('#policies-new-thing-row')!.nextElementSibling as HTMLElement;
    expect(row.shadowRoot!.querySelector('img')).toBeNull();
    expect(text(row)).toContain('1 violation');
    placeRedLines(
      document,
      report({
        policyCompliance: [entry('policies-new-thing-row', 0, 0)],
        accountHealthAssurance: { status: 'unknown', daysBelow250: null, daysCovered: 0, since: null, window: { from: '2026-05-31', to: '2026-11-26' } },
      }),
      hosts,
    );
    expect(overlays()).toEqual([]);
  });
});
