import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { readAny } from '../../../lib/readers';
import { batchOf, expectNotRecognized, fixture, OBSERVED, US } from './helpers';

/** What the mutation fuzzer (mutation-fuzz.test.ts) found, pinned as plain examples. */
const ctx = { observedAt: OBSERVED, marketplaceId: US };

describe('flat files cut short', () => {
  it('a feedback report that ends inside its last row is not read (its order id may be cut)', () => {
    const text = fixture('synthetic/feedback_US.tsv');
    const cut = text.slice(0, text.indexOf('112-0000003-0000003') + 7); // "…\t112-000" and nothing after
    expectNotRecognized(readAny(cut, ctx), 'invalid');
  });

  it('a report cut at a line break is read: whole rows only', () => {
    const text = fixture('synthetic/feedback_US.tsv');
    const cut = text.slice(0, text.lastIndexOf('\n11/14/26') + 1);
    expect(batchOf(readAny(cut, ctx)).defects.map((d) => d.orderId)).toEqual(['112-0000001-0000001', '112-0000002-0000002']);
  });
});

describe('unshipped report: quantities decide partly shipped', () => {
  const text = fixture('synthetic/unshipped_US.tsv');
  const header = text.split('\n', 1)[0]!.split('\t');
  const shippedColumn = header.indexOf('quantity-shipped');
  const mapColumn = (f: (cell: string, isHeader: boolean) => string) =>
    text
      .split('\n')
      .map((line, i) =>
        line
          ? line
              .split('\t')
              .map((c, j) => (j === shippedColumn ? f(c, i === 0) : c))
              .join('\t')
          : line,
      )
      .join('\n');

  it('without the quantity-shipped column the status is unknown, not "unshipped"', () => {
    const orders = batchOf(
      readAny(
        mapColumn((c, h) => (h ? 'renamed' : c)),
        ctx,
      ),
    ).orders;
    expect(orders.length).toBeGreaterThan(0);
    for (const o of orders) {
      expect(o.status).toBeUndefined();
      expect(o.shipConfirmation).toBeUndefined(); // "not confirmed before now" would be a claim
    }
  });

  it('a quantity that is not a count makes the file invalid', () => {
    expectNotRecognized(
      readAny(
        mapColumn((c, h) => (h ? c : c === '0' ? 'Infinity' : c)),
        ctx,
      ),
      'invalid',
    );
  });
});

describe('Redline export reader', () => {
  const exported = {
    format: 'redline-export',
    version: 1,
    exportedAt: OBSERVED,
    settings: { ...DEFAULT_SETTINGS, warningHorizonHours: 48 },
    orders: [
      {
        scope: `default|${US}`,
        orderId: '111-0000000-0000001',
        marketplaceId: US,
        orderDate: OBSERVED - 86_400_000,
        observedAt: OBSERVED - 3600_000,
        source: 'orders-api/search',
        buyerEmail: 'x@example.com',
      },
    ],
    defects: [],
    readings: [
      { scope: `default|${US}`, day: '2026-11-26', marketplaceId: US, metric: 'lsr.10d', observedAt: OBSERVED, source: 'dom/account-health', rate: 0.02 },
    ],
  };

  it('gives back the records as stored, without scope, day or anything added by hand', () => {
    const batch = batchOf(readAny(JSON.stringify(exported), { observedAt: OBSERVED + 5 }));
    expect(batch.format).toBe('redline-export');
    expect(batch.orders).toEqual([
      { orderId: '111-0000000-0000001', marketplaceId: US, orderDate: OBSERVED - 86_400_000, observedAt: OBSERVED - 3600_000, source: 'orders-api/search' },
    ]);
    expect(batch.readings).toEqual([{ marketplaceId: US, metric: 'lsr.10d', observedAt: OBSERVED, source: 'dom/account-health', rate: 0.02 }]);
  });

  it('carries the settings it was exported with', () => {
    const settingsOf = (doc: object) => batchOf(readAny(JSON.stringify(doc), ctx)).settings;
    expect(settingsOf(exported)?.warningHorizonHours).toBe(48);
    // Settings that no longer fit are left out; the records are still read.
    expect(settingsOf({ ...exported, settings: { warningHorizonHours: 'soon' } })).toBeUndefined();
    expect(settingsOf({ ...exported, settings: undefined })).toBeUndefined();
  });

  it('one bad record makes the whole file invalid; another version is not read as this one', () => {
    const bad = { ...exported, readings: [{ ...exported.readings[0], rate: 4 }] };
    expectNotRecognized(readAny(JSON.stringify(bad), ctx), 'invalid');
    expectNotRecognized(readAny(JSON.stringify({ ...exported, version: 2 }), ctx), 'invalid');
  });
});
