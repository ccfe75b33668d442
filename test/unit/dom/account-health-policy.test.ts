import { describe, expect, it } from 'vitest';
import { readAccountHealth } from '../../../lib/dom/account-health';
import { extractAccountHealth } from '../../../lib/dom/account-health-extract';
import type { PolicyReading } from '../../../lib/model';
import { DEMO_LOCALES } from '../../demo-site/account-health-page';
import { DemoSite } from '../../demo-site/server';
import { fixture } from '../readers/helpers';

const US = 'ATVPDKIKX0DER';
const OBSERVED = Date.UTC(2026, 10, 26);

function policiesOf(html: string, lang = 'en-US'): PolicyReading[] {
  const doc = document.implementation.createHTMLDocument('Account Health');
  doc.documentElement.innerHTML = html;
  const result = readAccountHealth(extractAccountHealth(doc), { lang, marketplaceId: US, observedAt: OBSERVED });
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.batch.policies ?? [];
}
const counts = (policies: PolicyReading[]) => Object.fromEntries(policies.map((p) => [p.category, p.count ?? null]));

const row = (id: string, label: string, count: string) =>
  `<div id="${id}" class="a-row"><div class="a-column a-span10">${label}</div><div class="a-column a-span2 a-ws-span-last"><span class="a-size-large">${count}</span></div></div>`;

describe('Policy Compliance rows of the Account Health dashboard', () => {
  it('the hand-built AUI page: the five rows with real ids, as their SP-API categories, dated and sourced', () => {
    const policies = policiesOf(fixture('seller-central/pages/account-health.aui-2025.html'));
    expect(counts(policies)).toEqual({
      suspectedIntellectualPropertyViolations: 0,
      receivedIntellectualPropertyComplaints: 1,
      listingPolicyViolations: 0,
      restrictedProductPolicyViolations: 0,
      policyViolationWarnings: 2,
    });
    expect(policies[1]).toEqual({
      marketplaceId: US,
      category: 'receivedIntellectualPropertyComplaints',
      observedAt: OBSERVED,
      source: 'dom/account-health',
      count: 1,
    });
  });

  it.each(DEMO_LOCALES)('the demo dashboard (%s): each known row’s count is the demo reading’s', (locale) => {
    const site = new DemoSite({ seed: 7, now: Date.UTC(2026, 10, 26, 20) });
    const page = site.respond('GET', `https://sellercentral.amazon.com/performance/dashboard?locale=${locale}`).body;
    const read = counts(policiesOf(page, locale));
    const entry = site.seller.accountHealth.performanceMetrics[0] as Record<string, { defectsCount?: number; warningsCount?: number }>;
    for (const category of [
      'suspectedIntellectualPropertyViolations',
      'receivedIntellectualPropertyComplaints',
      'listingPolicyViolations',
      'restrictedProductPolicyViolations',
      'policyViolationWarnings',
    ]) {
      expect([category, read[category]]).toEqual([category, entry[category]!.defectsCount ?? entry[category]!.warningsCount]);
    }
  });

  it('a row Redline does not know is kept under its id with its label; a count that is not a whole number is unknown, never 0', () => {
    const page = `<body>${[
      row('policies-listing-policy-row', 'Listing Policy Violations', '--'),
      row('policies-brand-new-row', 'Brand <b>New</b> Violations', '1.234'),
      row('restricted-products-row', 'Restricted Product Policy Violations', '2,5'),
      row('policies-product-warning-row', 'Policy Violation Warnings', ''),
    ].join('')}</body>`;
    const policies = policiesOf(page, 'de-DE');
    expect(counts(policies)).toEqual({
      listingPolicyViolations: null,
      restrictedProductPolicyViolations: null,
      policyViolationWarnings: null,
      'policies-brand-new-row': 1234,
    });
    expect(policies.find((p) => p.category === 'policies-brand-new-row')).toMatchObject({ label: 'Brand New Violations' });
    expect(policies.find((p) => p.category === 'listingPolicyViolations')).not.toHaveProperty('label');
  });

  it('a page with policy rows only is still a reading; ids that are no name are left out', () => {
    const page = `<body>${row('policies-a"b-row', 'x', '3')}${row('policies-listing-policy-row', 'Listing', '0')}</body>`;
    expect(counts(policiesOf(page))).toEqual({ listingPolicyViolations: 0 });
  });

  it('an extraction from before policy rows were read is still valid', () => {
    const result = readAccountHealth({ rows: [], ahr: '250' }, { lang: 'en', marketplaceId: US, observedAt: OBSERVED });
    expect(result.ok && result.batch.policies).toEqual([]);
  });
});
