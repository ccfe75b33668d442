import { describe, expect, it } from 'vitest';
import { readAccountHealth } from '../../../lib/dom/account-health';
import { extractAccountHealth } from '../../../lib/dom/account-health-extract';
import type { AmazonReading } from '../../../lib/model';
import type { AccountHealthSummary } from '../../demo-site/account-health';
import { accountHealthPage, DEMO_LOCALES } from '../../demo-site/account-health-page';
import { DemoSite } from '../../demo-site/server';
import { fixture } from '../readers/helpers';

const US = 'ATVPDKIKX0DER';
const ctx = (lang: string) => ({ lang, marketplaceId: US, observedAt: Date.UTC(2026, 10, 26) });

function readPage(html: string, lang = 'en-US') {
  const doc = document.implementation.createHTMLDocument('Account Health');
  doc.documentElement.innerHTML = html;
  const result = readAccountHealth(extractAccountHealth(doc), ctx(lang));
  return { result, byMetric: Object.fromEntries(result.ok ? result.batch.readings.map((r) => [r.metric, r]) : []) as Record<string, AmazonReading> };
}

/** What a reading says, without when and where it was read. */
const figures = (r: AmazonReading | undefined) => {
  if (!r) return undefined;
  const { observedAt: _at, marketplaceId: _m, source: _s, ...rest } = r;
  return rest;
};

const FIXTURE = 'seller-central/pages/account-health.aui-2025.html';

/** The hand-built page's figures, written down from the page itself. */
const FIXTURE_READINGS = {
  'odr.mfn': { metric: 'odr.mfn', rate: 0.0052, targetCondition: 'lt', numerator: 2, denominator: 385, negativeFeedback: 1, claims: 1, chargebacks: 0 },
  'odr.afn': { metric: 'odr.afn', rate: 0, targetCondition: 'lt', numerator: 0, denominator: 120, negativeFeedback: 0, claims: 0, chargebacks: 0 },
  'lsr.10d': { metric: 'lsr.10d', rate: 0.0294, targetCondition: 'lt', numerator: 2, denominator: 68 },
  'cr.7d': { metric: 'cr.7d', rate: 0.025, targetCondition: 'lt', numerator: 1, denominator: 40 },
  'vtr.30d': { metric: 'vtr.30d', rate: 0.985, targetCondition: 'gt', numerator: 197, denominator: 200 },
  'otdr.14d': { metric: 'otdr.14d', rate: 0.9612, targetCondition: 'gt', numerator: 1189, denominator: 1237 },
  ahr: { metric: 'ahr', score: 252 },
};

describe('the Account Health dashboard in its real AUI structure (a page hand-built from the reference notes)', () => {
  const { byMetric } = readPage(fixture(FIXTURE));

  it('reads every metric row, both ODRs side by side with their parts, and the rating', () => {
    expect(Object.fromEntries(Object.entries(byMetric).map(([k, r]) => [k, figures(r)]))).toEqual(FIXTURE_READINGS);
  });

  it('takes the rate from its cell even where it equals the target (CR 2.5 %, 1 of 40)', () => {
    expect(byMetric['cr.7d']).toMatchObject({ rate: 0.025, numerator: 1, denominator: 40 });
  });

  it('reads the rating from its h3, not the scale beside it', () => {
    expect(byMetric.ahr!.score).toBe(252);
  });
});

/** A demo summary that shows the hand-built page's numbers. */
function summaryWithFixtureNumbers(): AccountHealthSummary {
  const rate = (num: number, den: number, targetValue: number, targetCondition: string) => ({ rate: num / den, targetValue, targetCondition, status: 'GOOD' });
  const odr = (num: number, den: number, nf: number, az: number, cb: number) => ({
    ...rate(num, den, 0.01, 'LESS_THAN'),
    orderCount: den,
    orderWithDefects: { count: num },
    negativeFeedback: { count: nf },
    claims: { count: az },
    chargebacks: { count: cb },
  });
  const lsr = (num: number, den: number) => ({ ...rate(num, den, 0.04, 'LESS_THAN'), orderCount: den, lateShipmentCount: num });
  return {
    marketplaceId: US,
    lastUpdatedDate: '2026-11-24T08:00:00Z',
    accountStatuses: [],
    performanceMetrics: [
      {
        orderDefectRate: { mfn: odr(2, 385, 1, 1, 0), afn: odr(0, 120, 0, 0, 0) },
        lateShipmentRateList: [lsr(2, 68), lsr(5, 190)],
        prefulfillmentCancelRate: { ...rate(1, 40, 0.025, 'LESS_THAN'), orderCount: 40, cancellationCount: 1 },
        validTrackingRate: { ...rate(197, 200, 0.95, 'GREATER_THAN'), shipmentCount: 200, validTrackingCount: 197 },
        unitOnTimeDeliveryRate: { ...rate(1189, 1237, 0.9, 'GREATER_THAN'), totalUnitCount: 1237, unitOnTimeDeliveryCount: 1189 },
        accountHealthRating: { ahrScore: 252 },
      },
    ],
  };
}

describe('pages built independently from the same real material are read the same way', () => {
  it.each(DEMO_LOCALES)('the demo’s page with the same numbers (%s) gives the same readings as the hand-built one', (locale) => {
    const demo = readPage(`<body>${accountHealthPage(summaryWithFixtureNumbers(), locale)}</body>`, locale);
    expect(Object.fromEntries(Object.entries(demo.byMetric).map(([k, r]) => [k, figures(r)]))).toEqual(FIXTURE_READINGS);
  });

  it.each(DEMO_LOCALES)('the demo site’s dashboard (%s) reads as the demo’s own reading', (locale) => {
    const site = new DemoSite({ seed: 7, now: Date.UTC(2026, 10, 26, 20) });
    const page = site.respond('GET', `https://sellercentral.amazon.com/performance/dashboard?locale=${locale}`);
    expect(page.body).toContain(`<html lang="${locale}">`);
    const { byMetric } = readPage(page.body, locale);
    const m = site.seller.accountHealth.performanceMetrics[0] as Record<string, Record<string, { count: number } & number>>;
    const lsr10 = (m.lateShipmentRateList as unknown as { lateShipmentCount: number; orderCount: number }[])[0]!;
    expect(byMetric['lsr.10d']).toMatchObject({ numerator: lsr10.lateShipmentCount, denominator: lsr10.orderCount });
    for (const channel of ['mfn', 'afn'] as const) {
      const odr = m.orderDefectRate![channel] as unknown as Record<string, { count: number }> & { orderCount: number };
      expect(byMetric[`odr.${channel}`]).toMatchObject({
        numerator: odr.orderWithDefects!.count,
        denominator: odr.orderCount,
        negativeFeedback: odr.negativeFeedback!.count,
        claims: odr.claims!.count,
        chargebacks: odr.chargebacks!.count,
      });
    }
    expect(Object.keys(byMetric).sort()).toEqual(['ahr', 'cr.7d', 'lsr.10d', 'odr.afn', 'odr.mfn', 'otdr.14d', 'vtr.30d']);
  });
});

describe('Account Health: what no reading must come from', () => {
  const aui = (rate: string, counts: string) =>
    `<body><div id="shipping-cancellation-rate-row" class="a-row"><div class="a-column a-span8">Pre-fulfillment Cancel Rate Target: under 2.5%</div><div class="a-column a-span4 a-ws-span-last"><div class="a-row a-spacing-none"><span class="a-size-large">${rate}</span></div><span class="a-size-small">${counts}</span></div></div></body>`;

  it.each([
    ['a rate cell with no value (a new account)', '--', '0 of 0 orders'],
    ['counts that contradict the rate cell', '0.80%', '3 of 68 orders'],
    ['two percentages in the rate cell', '0.80% 1.20%', ''],
  ])('%s', (_label, rate, counts) => {
    expect(readPage(aui(rate, counts)).result).toMatchObject({ ok: false, reason: 'unknownFormat' });
  });

  it('an ODR part whose percentage could be two counts is left out, the rest is kept', () => {
    // 0.01 % of 30,000 orders is anything from 2 to 4 orders.
    const page = fixture(FIXTURE).replace('0.52%', '0.01%').replace('2 of 385 orders', '3 of 30,000 orders').replace('0.26%', '0.01%');
    const odr = readPage(page).byMetric['odr.mfn']!;
    expect(odr).toMatchObject({ numerator: 3, denominator: 30000 });
    expect(odr).not.toHaveProperty('negativeFeedback');
  });

  it('a lone ODR column without a header names no channel: no reading', () => {
    const page = fixture(FIXTURE).replace(/<div class="a-column a-span3 a-span-last">[\s\S]*?<\/div>\n/g, '');
    expect(readPage(page).byMetric).not.toHaveProperty('odr.mfn');
    expect(readPage(page).byMetric).not.toHaveProperty('odr.afn');
  });

  it('says "not recognized" for a page without any known row (an old or changed layout)', () => {
    expect(readPage(`<body><table><tr><td>Order Defect Rate</td><td>0.5%</td></tr></table></body>`).result).toMatchObject({
      ok: false,
      reason: 'unknownFormat',
    });
  });

  it.each([null, 42, { rows: 'x' }, { rows: [{ kind: 'nope', text: '1%', window: null, channel: null }], ahr: null }])(
    'rejects a malformed extraction %j',
    (raw) => {
      expect(readAccountHealth(raw, ctx('en-US'))).toMatchObject({ ok: false, reason: 'invalid' });
    },
  );
});

describe('fallbacks: rows as plain text, and the switch layout of Redline’s demo before 2026-12', () => {
  const read = (html: string, lang = 'en-US') => readPage(`<body>${html}</body>`, lang).byMetric;
  const lsrPicker = (selected: 10 | 30) =>
    `<select><option value="10" ${selected === 10 ? 'selected' : ''}>10 days</option><option value="30" ${selected === 30 ? 'selected' : ''}>30 days</option></select>`;

  it('reads rates and counts from a row’s text, taking the rate that agrees with "x of y", not the target', () => {
    const byMetric = read(`
      <div id="shipping-late-shipment-rate-row"><b>Late Shipment Rate</b> Target: under 4.00% <span>2.10%</span> 3 of 143 orders ${lsrPicker(10)}</div>
      <div id="shipping-cancellation-rate-row">Pre-fulfillment Cancel Rate Target: under 2.50% 0.00% 0 of 52 orders</div>
      <div id="shipping-view-tracking-rate-row">Valid Tracking Rate Target: over 95.00% 98.50% 197 of 200 orders</div>
      <div class="ahd-numeric-ahr-indicator">428</div>`);
    expect(byMetric['lsr.10d']).toMatchObject({ rate: 0.021, numerator: 3, denominator: 143, targetCondition: 'lt' });
    expect(byMetric['cr.7d']).toMatchObject({ rate: 0, numerator: 0, denominator: 52 });
    expect(byMetric['vtr.30d']).toMatchObject({ rate: 0.985, numerator: 197, denominator: 200, targetCondition: 'gt' });
    expect(byMetric.ahr).toMatchObject({ score: 428 });
  });

  it('tells the 10- and 30-day late shipment rates apart by the selected window, or a window the row names', () => {
    const row = (window: string) => `<div id="shipping-late-shipment-rate-row">Late Shipment Rate ${window} 2.10% 3 of 143 orders</div>`;
    expect(Object.keys(read(row(lsrPicker(30))))).toEqual(['lsr.30d']);
    expect(Object.keys(read(row('(30 days)')))).toEqual(['lsr.30d']);
    expect(Object.keys(read(row('(10 Tage)').replace('2.10%', '2,10 %'), 'de-DE'))).toEqual(['lsr.10d']);
    expect(Object.keys(read(row('10日間')))).toEqual(['lsr.10d']);
  });

  it('skips a late shipment row whose window it cannot tell', () => {
    const byMetric = read(`<div id="shipping-late-shipment-rate-row">Late Shipment Rate 2.10% 3 of 143 orders</div>
      <div id="shipping-cancellation-rate-row">Cancel Rate 1.00% 1 of 100 orders</div>`);
    expect(Object.keys(byMetric)).toEqual(['cr.7d']);
  });

  it('reads the ODR of the channel the switch shows', () => {
    const section = (pressed: string) => `<div id="odr-breakdown-section">
      <button aria-pressed="${pressed === 'mfn'}">Seller Fulfilled</button><button aria-pressed="${pressed === 'afn'}">Fulfilled by Amazon</button>
      Order Defect Rate Target: under 1.00% 0.52% 2 of 385 orders</div>`;
    expect(read(section('mfn'))['odr.mfn']).toMatchObject({ rate: 0.0052, numerator: 2, denominator: 385 });
    expect(read(section('afn'))['odr.afn']).toMatchObject({ numerator: 2, denominator: 385 });
    expect(read(section('afn'))).not.toHaveProperty('odr.mfn');
  });

  it('reads German decimals and thousands separators, and the Japanese "y件中x件" word order', () => {
    expect(
      read(`<div id="shipping-cancellation-rate-row">Stornorate Ziel: unter 2,50 % 0,49 % – 6 von 1.234 Bestellungen</div>`, 'de-DE')['cr.7d'],
    ).toMatchObject({ rate: 0.0049, numerator: 6, denominator: 1234 });
    expect(read(`<div id="shipping-cancellation-rate-row">出荷前キャンセル率 目標: 2.5%未満 0.49% 1,234件中6件の注文</div>`, 'ja-JP')['cr.7d']).toMatchObject({
      rate: 0.0049,
      numerator: 6,
      denominator: 1234,
    });
  });

  it('takes a lone rate without counts, but not one of two rates that no count decides between', () => {
    expect(read(`<div id="shipping-cancellation-rate-row">Cancel Rate 0.80%</div>`)['cr.7d']).toEqual(expect.objectContaining({ rate: 0.008 }));
    expect(readPage(`<body><div id="shipping-cancellation-rate-row">Cancel Rate 0.80% (target 2.50%)</div></body>`).result).toMatchObject({ ok: false });
  });
});
