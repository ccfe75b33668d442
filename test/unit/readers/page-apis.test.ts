import { describe, expect, it } from 'vitest';
import { readChargebacksApi, readClaimsApi, readResponse } from '../../../lib/readers';
import { DemoSite } from '../../demo-site/server';
import { batchOf, expectNotRecognized, OBSERVED, US } from './helpers';

const ctx = { observedAt: OBSERVED };

describe('/chargebacks/api/v1/chargebacks (shape from seller-central.md)', () => {
  const item = {
    id: 'CB-000000001',
    status: 'OPEN',
    reasonCode: 'Merchandise not received',
    filingDate: '2026-11-10T12:00:00Z',
    relatedOrders: [{ orderId: '111-0000000-0000001', orderDate: '2026-10-20T08:00:00Z' }],
  };

  it('one chargeback per related order, status normalised, fraud only when the reason says so', () => {
    const [cb] = batchOf(readChargebacksApi({ chargebacks: [item] }, { ...ctx, marketplaceId: US })).defects;
    expect(cb).toEqual({
      kind: 'chargeback',
      id: 'CB-000000001',
      orderId: '111-0000000-0000001',
      marketplaceId: US,
      orderDate: Date.UTC(2026, 9, 20, 8),
      date: Date.UTC(2026, 10, 10, 12),
      status: 'open',
      observedAt: OBSERVED,
      source: 'chargebacks-api',
    });
    const fraud = {
      ...item,
      status: 'decided_against_seller',
      reasonCode: 'Fraud - card absent',
      relatedOrders: [item.relatedOrders[0], { orderId: '111-0000000-0000002' }],
    };
    const defects = batchOf(readChargebacksApi({ chargebacks: [fraud] }, { ...ctx, marketplaceId: US })).defects;
    expect(defects.map((d) => [d.id, d.kind === 'chargeback' && d.status, d.kind === 'chargeback' && d.fraud])).toEqual([
      ['CB-000000001:111-0000000-0000001', 'decidedAgainstSeller', true],
      ['CB-000000001:111-0000000-0000002', 'decidedAgainstSeller', true],
    ]);
  });

  it('a status that does not say the outcome (CLOSED) is not guessed', () => {
    expectNotRecognized(readChargebacksApi({ chargebacks: [{ ...item, status: 'CLOSED' }] }, { ...ctx, marketplaceId: US }), 'invalid');
  });

  it('a reason that quotes a 1 MB id stays short enough for the log (found by the hostile demo)', () => {
    // The worker logs the detail, and a log entry holds 500 characters: a longer one failed the capture.
    const detail = expectNotRecognized(
      readChargebacksApi({ chargebacks: [{ ...item, id: `CB-${'9'.repeat(2 ** 20)}`, status: 'CLOSED' }] }, { ...ctx, marketplaceId: US }),
      'invalid',
    );
    expect(detail).toMatch(/^chargebacks-api: chargeback CB-999/);
    expect(detail.length).toBeLessThanOrEqual(300);
  });
});

describe('claims JSON (the demo site’s invented endpoint)', () => {
  it('maps PENDING, GRANTED (who pays not said) and DENIED; reads a Buy Shipping protection where given', () => {
    const claims = ['PENDING', 'GRANTED', 'DENIED'].map((status, i) => ({
      claimId: String(i),
      orderId: `111-0000000-000000${i}`,
      filingDate: '2026-11-10T12:00:00Z',
      status,
    }));
    const defects = batchOf(readClaimsApi({ claims }, { ...ctx, marketplaceId: US })).defects;
    expect(defects.map((d) => d.kind === 'claim' && d.status)).toEqual(['open', 'granted', 'denied']);
    const protectedClaim = { ...claims[1]!, buyShippingProtection: { claimsProtectedService: true, lateDeliveryRiskLabel: false }, onTimeFirstScan: true };
    expect(batchOf(readClaimsApi({ claims: [protectedClaim] }, { ...ctx, marketplaceId: US })).defects[0]).toMatchObject({
      status: 'granted',
      protection: { claimsProtectedService: true, lateDeliveryRiskLabel: false, onTimeFirstScan: true },
    });
    expect(defects[1]).not.toHaveProperty('protection');
  });
});

describe('the demo site’s live responses through readResponse', () => {
  const site = new DemoSite({ seed: 7, now: Date.UTC(2026, 10, 26, 20) });
  const capture = (path: string) => {
    const r = site.respond('GET', `https://sellercentral.amazon.com${path}`);
    return readResponse(path, r.status, r.contentType, r.body, { observedAt: site.seller.now, marketplaceId: US });
  };

  it('reads every endpoint on the allow-list', () => {
    const search = batchOf(capture('/orders-api/search?limit=100&orderStatus=all&fulfillmentType=all'));
    expect(search.orders).toHaveLength(100);
    const id = search.orders[0]!.orderId;
    expect(batchOf(capture(`/orders-api/order/${id}`)).orders[0]!.orderId).toBe(id);
    expect(batchOf(capture('/fbmapi/v1/feedbacks?pageSize=100')).defects.length).toBe(Math.min(100, site.seller.feedback.length));
    expect(batchOf(capture('/chargebacks/api/v1/chargebacks')).defects.length).toBe(site.seller.chargebacks.length);
    const readings = batchOf(capture('/performance/api/summary'))
      .readings.map((r) => r.metric)
      .sort();
    expect(readings).toEqual(['ahr', 'cr.7d', 'lsr.10d', 'lsr.30d', 'odr.afn', 'odr.mfn', 'otdr.14d', 'otdr.30d', 'vtr.30d']);
  });

  it('orders-api packages carry the confirmation moment as the demo emits it (to the ms)', () => {
    const shipped = site.seller.orders.find((o) => o.status === 'Shipped' && o.package?.trackingId);
    const [order] = batchOf(capture(`/orders-api/order/${shipped!.amazonOrderId}`)).orders;
    expect(order!.packages).toEqual([
      { trackingNumber: shipped!.package!.trackingId, carrier: shipped!.package!.carrierName, shipTime: Math.round(shipped!.package!.shipDate) },
    ]);
  });

  it('every signed-out answer is signed out', () => {
    for (const mode of ['html', '401', '403'] as const) {
      site.signedOut = mode;
      expectNotRecognized(capture('/orders-api/search'), 'signedOut');
    }
    site.signedOut = null;
  });
});
