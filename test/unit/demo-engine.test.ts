/**
 * The engine on what the demo's pages serve, read by the readers the extension uses, against the demo's
 * ground truth (reference-metrics.ts, an independent plain reading of metrics-spec v2): where the pages
 * tell Redline enough, the local figures must be Amazon's own. LSR comes from the orders list alone; VTR
 * (packages by promised delivery) too. OTDR and the auto-cancel need what the pages do not show (the
 * delivery, who cancelled): there Redline follows Amazon's reading, and says the rest is unknown.
 */
import { describe, expect, it } from 'vitest';
import { searchResponse } from '../demo-site/api';
import { generateDemoSeller } from '../demo-site/generate';
import { computeHealthReport } from '../../lib/metrics';
import { DEFAULT_SETTINGS, type Order } from '../../lib/model';
import { readPerformanceSummary, readOrdersApiSearch } from '../../lib/readers';

const NOW = Date.parse('2026-11-26T20:00:00Z');
const seller = generateDemoSeller({ seed: 7, now: NOW });

/** Every MFN order, a page of 100 at a time, as the Manage Orders tabs would load them. */
function ordersFromPages(): Order[] {
  const orders: Order[] = [];
  for (const orderStatus of ['unshipped', 'shipped', 'canceled']) {
    for (let offset = 0; ; offset += 100) {
      const body = searchResponse(seller, new URLSearchParams({ fulfillmentType: 'mfn', orderStatus, limit: '100', offset: String(offset) }));
      const read = readOrdersApiSearch(JSON.parse(JSON.stringify(body)), { observedAt: NOW, marketplaceId: seller.marketplaceId });
      if (!read.ok) throw new Error(`${orderStatus} page ${offset}: ${read.detail}`);
      orders.push(...read.batch.orders);
      if (offset + 100 >= body.total) break;
    }
  }
  return orders;
}

describe('the engine on the demo’s own pages', () => {
  const orders = ordersFromPages();
  const local = computeHealthReport({ orders, defects: [], readings: [] }, NOW, DEFAULT_SETTINGS, seller.marketplaceId);

  it('counts the late shipments Amazon counts, over the same days', () => {
    for (const [key, expected] of [
      ['lsr.10d', seller.expected.lsr10d],
      ['lsr.30d', seller.expected.lsr30d],
    ] as const) {
      const m = local.metrics[key];
      expect({ key, from: m.window.from, to: m.window.to }).toEqual({ key, from: expected.window.firstDay, to: expected.window.lastDay });
      expect({ key, num: m.local.numerator, den: m.local.denominator }).toEqual({ key, num: expected.num, den: expected.den });
    }
  });

  it('counts packages with valid tracking by promised delivery, two weeks back', () => {
    const m = local.metrics['vtr.30d'];
    const expected = seller.expected.vtr30d;
    expect(m.unit).toBe('packages');
    expect(m.window).toEqual({ from: expected.window.firstDay, to: expected.window.lastDay });
    expect({ num: m.local.numerator, den: m.local.denominator }).toEqual({ num: expected.num, den: expected.den });
  });

  it('with Amazon’s reading, shows OTDR in units and Amazon’s package figure beside it, never mixed', () => {
    const reading = readPerformanceSummary(JSON.parse(JSON.stringify(seller.accountHealth)), {
      observedAt: seller.readingAsOf,
      marketplaceId: seller.marketplaceId,
    });
    if (!reading.ok) throw new Error(reading.detail);
    const report = computeHealthReport({ orders, defects: [], readings: reading.batch.readings }, NOW, DEFAULT_SETTINGS, seller.marketplaceId);
    const otdr = report.metrics['otdr.14d'];
    expect(otdr.unit).toBe('units');
    expect(otdr.amazon).toMatchObject({ numerator: expect.any(Number), denominator: expect.any(Number) });
    expect(otdr.amazon!.denominator).toBeGreaterThan(otdr.amazon!.numerator!); // the late bulk order's units
    expect(report.metrics['otdr.30d'].amazon?.denominator).toBeGreaterThan(0);
    expect(report.metrics['otdr.30d'].unit).toBe('packages');
    // The pages never say when a parcel arrived: Redline's own delivered units are unknown, not on time.
    expect(local.metrics['otdr.14d'].local.numerator).toBe(0);
    expect(local.metrics['otdr.14d'].local.unknown).toBeGreaterThan(0);
  });
});
