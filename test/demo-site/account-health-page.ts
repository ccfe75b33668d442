/**
 * The Account Health dashboard (`/performance/dashboard`) as Seller Central serves it: server-rendered AUI
 * markup (`a-row` / `a-column` / `a-size-*`), the metric JSON not needed to draw it (live capture 2026-07:
 * the detail pages load none). Built from shared/reference/seller-central/2026/
 * account-health-dashboard.selectors.2025-2026.md; what is real and what is invented:
 *
 * Real (public code 2025–2026): the row ids `#shipping-late-shipment-rate-row`, `#shipping-cancellation-rate-row`,
 * `#shipping-view-tracking-rate-row`, `#unit-on-time-delivery-rate-row`; the rate in the 2nd column as
 * `.a-size-large` inside `.a-ws-span-last .a-spacing-none`; the row's text lines label, target, rate,
 * "x of y orders"; the ODR in `#customer-satisfaction-content-rows-section` as `.sp-summary-row`, seller-fulfilled
 * (`.sp-middle-col`) and FBA side by side, its three parts in `#odr-breakdown-section` rows (negative feedback,
 * A-to-z, chargebacks) as `.a-size-base`; the rating in `.ahd-numeric-ahr-indicator .a-ws-span-last h3`;
 * `.ahr-status-badge-*`; the Policy Compliance rows `#policies-brand-protection-row`,
 * `#policies-intellectual-property-row`, `#policies-listing-policy-row`, `#restricted-products-row`,
 * `#policies-product-warning-row` with their count in `.a-column:nth-child(2) .a-size-large`.
 *
 * Invented (nothing real known): the column-header row above the ODR section, where "x of y orders" sits in
 * the ODR cells (`.a-size-small`), the LSR window `select[data-test-id=lsr-window]` (whether the real row has
 * a picker is unknown), the other policy rows' ids, card ids and classes without `a-` prefix, every German
 * and Japanese string (only English was ever seen), `#ahd-last-updated`.
 */
import type { AccountHealthSummary } from './account-health';

export type DemoLocale = 'en-US' | 'de-DE' | 'ja-JP';
export const DEMO_LOCALES: readonly DemoLocale[] = ['en-US', 'de-DE', 'ja-JP'];

interface Words {
  title: string;
  ahr: string;
  ahrStatus: (score: number) => string;
  customer: string;
  seller: string;
  fba: string;
  odr: string;
  parts: [string, string, string];
  shipping: string;
  lsr: string;
  cr: string;
  vtr: string;
  otdr: string;
  policy: string;
  under: (target: string) => string;
  over: (target: string) => string;
  ofOrders: (a: string, b: string) => string;
  ofUnits: (a: string, b: string) => string;
  days: (n: number) => string;
  updated: string;
}

// Our own translations: Seller Central's German and Japanese dashboards were never captured.
const WORDS: Record<DemoLocale, Words> = {
  'en-US': {
    title: 'Account Health',
    ahr: 'Account Health Rating',
    ahrStatus: (s) => (s >= 200 ? 'Healthy' : s >= 100 ? 'At risk' : 'Unhealthy'),
    customer: 'Customer Service Performance',
    seller: 'Seller Fulfilled',
    fba: 'Fulfilled by Amazon',
    odr: 'Order Defect Rate',
    parts: ['Negative feedback', 'A-to-z Guarantee claims', 'Chargeback claims'],
    shipping: 'Shipping Performance',
    lsr: 'Late Shipment Rate',
    cr: 'Pre-fulfillment Cancel Rate',
    vtr: 'Valid Tracking Rate',
    otdr: 'On-Time Delivery Rate',
    policy: 'Policy Compliance',
    under: (t) => `Target: under ${t}`,
    over: (t) => `Target: over ${t}`,
    ofOrders: (a, b) => `${a} of ${b} orders`,
    ofUnits: (a, b) => `${a} of ${b} units`,
    days: (n) => `${n} days`,
    updated: 'Last updated',
  },
  'de-DE': {
    title: 'Kontozustand',
    ahr: 'Kontozustandsbewertung',
    ahrStatus: (s) => (s >= 200 ? 'Gut' : s >= 100 ? 'Gefährdet' : 'Schlecht'),
    customer: 'Kundenservice-Leistung',
    seller: 'Versand durch Verkäufer',
    fba: 'Versand durch Amazon',
    odr: 'Bestellmängelquote',
    parts: ['Negative Bewertungen', 'A-bis-z-Garantieanträge', 'Rückbelastungen'],
    shipping: 'Versandleistung',
    lsr: 'Rate verspäteter Lieferungen',
    cr: 'Stornorate vor Versand',
    vtr: 'Rate gültiger Sendungsverfolgungsnummern',
    otdr: 'Pünktliche Lieferrate',
    policy: 'Einhaltung der Richtlinien',
    under: (t) => `Ziel: unter ${t}`,
    over: (t) => `Ziel: über ${t}`,
    ofOrders: (a, b) => `${a} von ${b} Bestellungen`,
    ofUnits: (a, b) => `${a} von ${b} Einheiten`,
    days: (n) => `${n} Tage`,
    updated: 'Zuletzt aktualisiert',
  },
  'ja-JP': {
    title: 'アカウント健全性',
    ahr: 'アカウント健全性評価',
    ahrStatus: (s) => (s >= 200 ? '良好' : s >= 100 ? '危険' : '不良'),
    customer: 'カスタマーサービスパフォーマンス',
    seller: '出品者出荷',
    fba: 'フルフィルメント by Amazon',
    odr: '注文不良率',
    parts: ['否定的な評価', 'Amazonマーケットプレイス保証申請', 'チャージバック'],
    shipping: '配送パフォーマンス',
    lsr: '出荷遅延率',
    cr: '出荷前キャンセル率',
    vtr: '有効な追跡率',
    otdr: '時間通りの配達率',
    policy: 'ポリシー遵守',
    under: (t) => `目標: ${t}未満`,
    over: (t) => `目標: ${t}超`,
    // The Japanese order of "x of y": y first (invented, like the rest of this table).
    ofOrders: (a, b) => `${b}件中${a}件の注文`,
    ofUnits: (a, b) => `${b}個中${a}個`,
    days: (n) => `${n}日間`,
    updated: '最終更新',
  },
};

/** Policy Compliance rows: the real ids first (public code, 2025), then the ones Redline's demo made up. */
const POLICY_ROWS: [id: string, key: string, label: string][] = [
  ['policies-brand-protection-row', 'suspectedIntellectualPropertyViolations', 'Suspected Intellectual Property Violations'],
  ['policies-intellectual-property-row', 'receivedIntellectualPropertyComplaints', 'Received Intellectual Property Complaints'],
  ['policies-listing-policy-row', 'listingPolicyViolations', 'Listing Policy Violations'],
  ['restricted-products-row', 'restrictedProductPolicyViolations', 'Restricted Product Policy Violations'],
  ['policies-product-warning-row', 'policyViolationWarnings', 'Policy Violation Warnings'],
  // Invented ids:
  ['policies-product-authenticity-row', 'productAuthenticityCustomerComplaints', 'Product Authenticity Customer Complaints'],
  ['policies-product-condition-row', 'productConditionCustomerComplaints', 'Product Condition Customer Complaints'],
  ['policies-product-safety-row', 'productSafetyCustomerComplaints', 'Product Safety Customer Complaints'],
  ['policies-food-product-safety-row', 'foodAndProductSafetyIssues', 'Food and Product Safety Issues'],
  ['policies-other-violations-row', 'otherPolicyViolations', 'Other Policy Violations'],
];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A metric entry of the summary (account-health.ts): the fields a row shows. */
interface Entry {
  rate: number;
  targetValue: number;
  targetCondition: string;
  status: string;
}
interface Counted extends Entry {
  orderCount: number;
}
interface OdrEntry extends Counted {
  orderWithDefects: { count: number };
  negativeFeedback: { count: number };
  claims: { count: number };
  chargebacks: { count: number };
}
interface Metrics {
  orderDefectRate: { mfn: OdrEntry; afn: OdrEntry };
  lateShipmentRateList: (Counted & { lateShipmentCount: number })[];
  prefulfillmentCancelRate: Counted & { cancellationCount: number };
  validTrackingRate: Entry & { validTrackingCount: number; shipmentCount: number };
  /** The 14-day unit figure (spec v2 §4) is the row `#unit-on-time-delivery-rate-row` shows. */
  unitOnTimeDeliveryRate: Entry & { unitOnTimeDeliveryCount: number; totalUnitCount: number };
  accountHealthRating: { ahrScore: number };
  [policy: string]: unknown;
}

/** Formats numbers and words in one locale. */
class Formatter {
  readonly w: Words;
  constructor(readonly locale: DemoLocale) {
    this.w = WORDS[locale];
  }
  percent(rate: number): string {
    return new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate);
  }
  count(n: number): string {
    return new Intl.NumberFormat(this.locale).format(n);
  }
  target(e: Entry): string {
    return e.targetCondition === 'GREATER_THAN' ? this.w.over(this.percent(e.targetValue)) : this.w.under(this.percent(e.targetValue));
  }
  ofOrders(a: number, b: number): string {
    return this.w.ofOrders(this.count(a), this.count(b));
  }
  ofUnits(a: number, b: number): string {
    return this.w.ofUnits(this.count(a), this.count(b));
  }
}

const column = (classes: string, inner: string) => `<div class="a-column ${classes}">${inner}</div>`;
const text = (classes: string, value: string) => `<span class="${classes}">${escapeHtml(value)}</span>`;

/** The figures column of a shipping row: the rate (`.a-size-large`) with "x of y orders" (OTDR: units, invented wording) under it. */
function shippingValueColumn(f: Formatter, e: Entry, good: number, total: number, units = false): string {
  const rate = text(`a-size-large${e.status === 'BAD' ? ' a-color-error' : ''}`, f.percent(e.rate));
  const counts = units ? f.ofUnits(good, total) : f.ofOrders(good, total);
  return column('a-span4 a-ws-span-last', `<div class="a-row a-spacing-none">${rate}</div><div class="a-row">${text('a-size-small', counts)}</div>`);
}

function shippingRow(f: Formatter, id: string, label: string, e: Entry, figures: string, extra = ''): string {
  const labels = column(
    'a-span8',
    `${text('a-size-base a-text-bold', label)}<div class="a-size-small a-color-secondary">${escapeHtml(f.target(e))}</div>${extra}`,
  );
  return `<div class="a-row a-spacing-base" id="${id}">${labels}${figures}</div>`;
}

/** The ODR: a row of label, seller-fulfilled, FBA; the header above the section, its parts below the summary row. */
function odrSection(f: Formatter, odr: Metrics['orderDefectRate']): string {
  const row = (classes: string, label: string, mfn: string, afn: string) =>
    `<div class="a-row ${classes}">${column('a-span6', label)}${column('a-span3 sp-middle-col', mfn)}${column('a-span3 a-span-last', afn)}</div>`;
  const value = (e: OdrEntry) =>
    `${text('a-size-large', f.percent(e.rate))}<div class="a-size-small">${escapeHtml(f.ofOrders(e.orderWithDefects.count, e.orderCount))}</div>`;
  const keys = ['negativeFeedback', 'claims', 'chargebacks'] as const;
  const part = (e: OdrEntry, key: (typeof keys)[number]) => text('a-size-base', e.orderCount ? f.percent(e[key].count / e.orderCount) : 'N/A');
  const label = `${text('a-size-base a-text-bold', f.w.odr)}<div class="a-size-small">${escapeHtml(f.target(odr.mfn))}</div>`;
  return [
    row('ahd-odr-header', '', text('a-text-bold', f.w.seller), text('a-text-bold', f.w.fba)),
    '<div id="customer-satisfaction-content-rows-section">',
    row('sp-summary-row', label, value(odr.mfn), value(odr.afn)),
    `<div id="odr-breakdown-section">${keys.map((key, i) => row('a-spacing-small', text('a-size-small', f.w.parts[i]!), part(odr.mfn, key), part(odr.afn, key))).join('')}</div>`,
    '</div>',
  ].join('\n');
}

/** The LSR window picker (invented) and the other window's figures, which the page script swaps in. */
function lsrPicker(f: Formatter, days: 10 | 30): string {
  const option = (n: 10 | 30) => `<option value="${n}"${n === days ? ' selected' : ''}>${escapeHtml(f.w.days(n))}</option>`;
  return `<div class="a-row"><select data-test-id="lsr-window" class="a-native-dropdown">${option(10)}${option(30)}</select></div>`;
}

/** The dashboard's body for a summary, in a locale. */
export function accountHealthPage(summary: AccountHealthSummary, locale: DemoLocale = 'en-US'): string {
  const f = new Formatter(locale);
  const m = summary.performanceMetrics[0] as unknown as Metrics;
  const [lsr10, lsr30] = m.lateShipmentRateList;
  const cr = m.prefulfillmentCancelRate;
  const vtr = m.validTrackingRate;
  const otdr = m.unitOnTimeDeliveryRate;
  const score = m.accountHealthRating.ahrScore;
  const status = score >= 200 ? 'great' : score >= 100 ? 'at-risk' : 'critical';
  const policy = POLICY_ROWS.map(([id, key, label]) => {
    const entry = m[key] as { defectsCount?: number; warningsCount?: number } | undefined;
    const count = f.count(entry?.defectsCount ?? entry?.warningsCount ?? 0);
    return `<div class="a-row a-spacing-small" id="${id}">${column('a-span10', text('a-size-base', label))}${column('a-span2 a-ws-span-last', text('a-size-large', count))}</div>`;
  }).join('\n');
  const updated = new Date(summary.lastUpdatedDate).toLocaleString(locale, { timeZone: 'America/Los_Angeles', timeZoneName: 'short' });
  const lsrTemplates = [lsr10!, lsr30!].map(
    (e, i) => `<template data-lsr-window="${i ? 30 : 10}">${shippingValueColumn(f, e, e.lateShipmentCount, e.orderCount)}</template>`,
  );
  return `<h1>${escapeHtml(f.w.title)}</h1>
<p class="muted" id="ahd-last-updated">${escapeHtml(f.w.updated)}: ${escapeHtml(updated)}</p>
<div class="a-box-group">
<div class="a-box card" id="ahd-ahr-card"><h2>${escapeHtml(f.w.ahr)}</h2>
<div class="ahd-numeric-ahr-indicator"><div class="a-row">${column('a-span8', '<div class="ahr-bar"></div>')}${column('a-span4 a-ws-span-last', `<h3>${score}</h3>`)}</div></div>
${text(`ahr-status-badge-${status}`, f.w.ahrStatus(score))}</div>
<div class="grid">
<div class="a-box card" id="ahd-customer-service-card"><h2>${escapeHtml(f.w.customer)}</h2>
${odrSection(f, m.orderDefectRate)}
</div>
<div class="a-box card" id="ahd-shipping-card"><h2>${escapeHtml(f.w.shipping)}</h2>
${shippingRow(f, 'shipping-late-shipment-rate-row', f.w.lsr, lsr10!, shippingValueColumn(f, lsr10!, lsr10!.lateShipmentCount, lsr10!.orderCount), lsrPicker(f, 10))}
${shippingRow(f, 'shipping-cancellation-rate-row', f.w.cr, cr, shippingValueColumn(f, cr, cr.cancellationCount, cr.orderCount))}
${shippingRow(f, 'shipping-view-tracking-rate-row', f.w.vtr, vtr, shippingValueColumn(f, vtr, vtr.validTrackingCount, vtr.shipmentCount))}
${shippingRow(f, 'unit-on-time-delivery-rate-row', f.w.otdr, otdr, shippingValueColumn(f, otdr, otdr.unitOnTimeDeliveryCount, otdr.totalUnitCount, true))}
</div>
</div>
<div class="a-box card" id="ahd-policy-card"><h2>${escapeHtml(f.w.policy)}</h2>
${policy}
</div>
</div>
${lsrTemplates.join('')}`;
}
