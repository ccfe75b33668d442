import { describe, expect, it } from 'vitest';
import { extractAccountHealth, readAccountHealth } from '../../../lib/dom/account-health';

const US = 'ATVPDKIKX0DER';
const ctx = (lang: string) => ({ lang, marketplaceId: US, observedAt: Date.UTC(2026, 10, 26) });

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('Account Health');
  doc.body.innerHTML = html;
  return doc;
}

describe('Account Health dashboard reader', () => {
  it('reads rates and counts in English', () => {
    const doc = page(`
      <div id="shipping-late-shipment-rate-row">Late Shipment Rate <b>3.21%</b> Target: under 4% · 6 of 187 orders · 30 days</div>
      <div id="shipping-cancellation-rate-row">Pre-fulfillment Cancel Rate 0% Target: under 2.5% · 0 of 52 orders</div>
      <div id="shipping-view-tracking-rate-row">Valid Tracking Rate 98.5% Target: over 95% · 197 of 200 shipments</div>
      <div class="ahd-numeric-ahr-indicator">428</div>`);
    const result = readAccountHealth(extractAccountHealth(doc), ctx('en-US'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const byMetric = Object.fromEntries(result.batch.readings.map((r) => [r.metric, r]));
    expect(byMetric['lsr.30d']).toMatchObject({ rate: 0.0321, numerator: 6, denominator: 187, targetCondition: 'lt' });
    expect(byMetric['cr.7d']).toMatchObject({ rate: 0, numerator: 0, denominator: 52 });
    expect(byMetric['vtr.30d']).toMatchObject({ rate: 0.985, numerator: 197, denominator: 200, targetCondition: 'gt' });
    expect(byMetric.ahr).toMatchObject({ score: 428 });
  });

  it('reads German decimals and thousands separators', () => {
    const doc = page(`<div id="shipping-late-shipment-rate-row">Verspätungsrate 0,5 % – 6 von 1.234 Bestellungen</div>`);
    const result = readAccountHealth(extractAccountHealth(doc), ctx('de-DE'));
    expect(result.ok && result.batch.readings[0]).toMatchObject({ rate: 0.005, numerator: 6, denominator: 1234 });
  });

  it('keeps the rate but no counts when the counts do not agree with it', () => {
    const doc = page(`<div id="shipping-late-shipment-rate-row">Late Shipment Rate 3.2% over the last 30 days (10 days: 2)</div>`);
    const result = readAccountHealth(extractAccountHealth(doc), ctx('en-US'));
    expect(result.ok && result.batch.readings[0]).toEqual(expect.objectContaining({ rate: 0.032 }));
    expect(result.ok && result.batch.readings[0]).not.toHaveProperty('denominator');
  });

  it('says "not recognized" for a page without any known row (an old or changed layout)', () => {
    const doc = page(`<table><tr><td>Order Defect Rate</td><td>0.5%</td></tr></table>`);
    const result = readAccountHealth(extractAccountHealth(doc), ctx('en-US'));
    expect(result).toMatchObject({ ok: false, reason: 'unknownFormat' });
  });

  it.each([null, 42, { rows: 'x' }, { rows: [{ metric: 'nope', text: '1%' }], ahr: null }])('rejects a malformed extraction %j', (raw) => {
    expect(readAccountHealth(raw, ctx('en-US'))).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
