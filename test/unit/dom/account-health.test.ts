import { describe, expect, it } from 'vitest';
import { readAccountHealth } from '../../../lib/dom/account-health';
import { extractAccountHealth } from '../../../lib/dom/account-health-extract';

const US = 'ATVPDKIKX0DER';
const ctx = (lang: string) => ({ lang, marketplaceId: US, observedAt: Date.UTC(2026, 10, 26) });

function read(html: string, lang = 'en-US') {
  const doc = document.implementation.createHTMLDocument('Account Health');
  doc.body.innerHTML = html;
  const result = readAccountHealth(extractAccountHealth(doc), ctx(lang));
  return { result, byMetric: Object.fromEntries(result.ok ? result.batch.readings.map((r) => [r.metric, r]) : []) };
}

const lsrPicker = (selected: 10 | 30) =>
  `<select><option value="10" ${selected === 10 ? 'selected' : ''}>10 days</option><option value="30" ${selected === 30 ? 'selected' : ''}>30 days</option></select>`;

describe('Account Health dashboard reader', () => {
  it('reads rates and counts in English, taking the rate that agrees with "x of y", not the target', () => {
    const { byMetric } = read(`
      <div id="shipping-late-shipment-rate-row"><b>Late Shipment Rate</b> Target: under 4.00% <span>2.10%</span> 3 of 143 orders ${lsrPicker(10)}</div>
      <div id="shipping-cancellation-rate-row">Pre-fulfillment Cancel Rate Target: under 2.50% 0.00% 0 of 52 orders</div>
      <div id="shipping-view-tracking-rate-row">Valid Tracking Rate Target: over 95.00% 98.50% 197 of 200 orders</div>
      <div class="ahd-numeric-ahr-indicator">428</div>`);
    expect(byMetric['lsr.10d']).toMatchObject({ rate: 0.021, numerator: 3, denominator: 143, targetCondition: 'lt' });
    expect(byMetric['cr.7d']).toMatchObject({ rate: 0, numerator: 0, denominator: 52 });
    expect(byMetric['vtr.30d']).toMatchObject({ rate: 0.985, numerator: 197, denominator: 200, targetCondition: 'gt' });
    expect(byMetric.ahr).toMatchObject({ score: 428 });
  });

  it('tells the 10- and 30-day late shipment rates apart by the selected window', () => {
    const row = (n: 10 | 30) => `<div id="shipping-late-shipment-rate-row">Late Shipment Rate 2.10% 3 of 143 orders ${lsrPicker(n)}</div>`;
    expect(read(row(30)).byMetric).toHaveProperty('lsr.30d');
    expect(read(row(30)).byMetric).not.toHaveProperty('lsr.10d');
  });

  it('skips a late shipment row whose window it cannot tell', () => {
    const { byMetric } = read(`<div id="shipping-late-shipment-rate-row">Late Shipment Rate 2.10% 3 of 143 orders</div>
      <div id="shipping-cancellation-rate-row">Cancel Rate 1.00% 1 of 100 orders</div>`);
    expect(Object.keys(byMetric)).toEqual(['cr.7d']);
  });

  it('reads the ODR of the channel the switch shows', () => {
    const section = (pressed: string) => `<div id="odr-breakdown-section">
      <button aria-pressed="${pressed === 'mfn'}">Seller Fulfilled</button><button aria-pressed="${pressed === 'afn'}">Fulfilled by Amazon</button>
      Order Defect Rate Target: under 1.00% 0.52% 2 of 385 orders</div>`;
    expect(read(section('mfn')).byMetric['odr.mfn']).toMatchObject({ rate: 0.0052, numerator: 2, denominator: 385 });
    expect(read(section('afn')).byMetric['odr.afn']).toMatchObject({ numerator: 2, denominator: 385 });
    expect(read(section('afn')).byMetric).not.toHaveProperty('odr.mfn');
  });

  it('reads German decimals and thousands separators', () => {
    const { byMetric } = read(`<div id="shipping-cancellation-rate-row">Stornorate Ziel: unter 2,50 % 0,49 % – 6 von 1.234 Bestellungen</div>`, 'de-DE');
    expect(byMetric['cr.7d']).toMatchObject({ rate: 0.0049, numerator: 6, denominator: 1234 });
  });

  it('takes a lone rate without counts, but not one of two rates that no count decides between', () => {
    expect(read(`<div id="shipping-cancellation-rate-row">Cancel Rate 0.80%</div>`).byMetric['cr.7d']).toEqual(expect.objectContaining({ rate: 0.008 }));
    expect(read(`<div id="shipping-cancellation-rate-row">Cancel Rate 0.80% (target 2.50%)</div>`).result).toMatchObject({ ok: false });
  });

  it('says "not recognized" for a page without any known row (an old or changed layout)', () => {
    expect(read(`<table><tr><td>Order Defect Rate</td><td>0.5%</td></tr></table>`).result).toMatchObject({ ok: false, reason: 'unknownFormat' });
  });

  it.each([null, 42, { rows: 'x' }, { rows: [{ kind: 'nope', text: '1%', window: null, channel: null }], ahr: null }])(
    'rejects a malformed extraction %j',
    (raw) => {
      expect(readAccountHealth(raw, ctx('en-US'))).toMatchObject({ ok: false, reason: 'invalid' });
    },
  );
});
