import { describe, expect, it } from 'vitest';
import { readSpApiOrders, readSpApiOrdersV0 } from '../../../lib/readers';
import { batchOf, expectNotRecognized, fixture, fixtureJson, OBSERVED, UK, US } from './helpers';

const ctx = { observedAt: OBSERVED };
const iso = (s: string) => Date.parse(s);

describe('SP-API Orders 2026-01-01 (examples from Amazon’s model)', () => {
  it('searchOrders: deadlines from the windows, tracking from packages, confirmation at the first shipTime', () => {
    const batch = batchOf(readSpApiOrders(fixture('amazon-sp-api/orders-2026_searchOrders.json'), ctx));
    expect(batch.format).toBe('sp-api/orders-2026');
    expect(batch.orders).toEqual([
      {
        orderId: '123-4567890-1234567',
        marketplaceId: US,
        channel: 'MFN',
        orderDate: iso('2024-12-25T10:30:00Z'),
        status: 'shipped',
        businessOrder: true, // programs: AMAZON_BUSINESS
        shippingService: 'STANDARD',
        items: [
          { sku: 'ECHO-DOT-4-CHARCOAL', asin: 'B08N5WRWNW', quantityOrdered: 2, quantityShipped: 2 },
          { sku: 'FIRE-TV-4K-2021', asin: 'B07XJ8C8F5', quantityOrdered: 1, quantityShipped: 1 },
        ],
        itemsValue: { amount: 149.97, currency: 'USD' },
        latestShipDate: iso('2024-12-27T23:59:59Z'),
        latestDeliveryDate: iso('2024-12-30T23:59:59Z'),
        shipConfirmation: { at: iso('2024-12-25T14:00:00Z'), notAfter: OBSERVED },
        packages: [
          { carrier: 'UPS', trackingNumber: '1Z999AA1234567890', shipTime: iso('2024-12-25T14:00:00Z'), carrierScanned: true, shippingService: 'UPS Ground' },
        ],
        // The buyer asked, the merchant executed: a buyer-requested cancellation (does not count).
        cancellation: { by: 'SELLER', buyerRequested: true },
        observedAt: OBSERVED,
        source: 'sp-api/orders-2026',
      },
    ]);
    // A page of searchOrders: its nextToken says more orders follow.
    expect(batch.tables).toEqual([{ table: 'sp-api searchOrders', rows: 1, more: true }]);
  });

  it('getOrder: one order, UK marketplace', () => {
    const [order] = batchOf(readSpApiOrders(fixture('amazon-sp-api/orders-2026_getOrder.json'), ctx)).orders;
    expect(order).toMatchObject({ orderId: '202-1234567-8901234', marketplaceId: UK, latestShipDate: iso('2024-12-26T23:59:59Z') });
    expect(order!.packages).toEqual([
      {
        carrier: 'Royal Mail',
        trackingNumber: 'RR123456789GB',
        shipTime: iso('2024-12-26T14:00:00Z'),
        carrierScanned: true,
        shippingService: 'Royal Mail Tracked 48',
      },
    ]);
    expect(order).not.toHaveProperty('cancellation');
    // programs without AMAZON_BUSINESS: not a business order (the list is the order's programs).
    expect(order).toMatchObject({
      businessOrder: false,
      items: [{ sku: 'ECHO-DOT-4-UK-CHARCOAL-3PACK', asin: 'B08DFPV54V', quantityOrdered: 3, quantityShipped: 3 }],
      itemsValue: { amount: 89.97, currency: 'GBP' },
    });
  });

  it('the earliest package decides the confirmation; a package with no scan state leaves scans unknown', () => {
    const body = fixtureJson('amazon-sp-api/orders-2026_getOrder.json') as { order: { packages: Record<string, unknown>[] } };
    body.order.packages.push({ packageReferenceId: 'P2', carrier: 'DPD', trackingNumber: '15501234', shipTime: '2024-12-26T09:00:00Z' });
    const [order] = batchOf(readSpApiOrders(body, ctx)).orders;
    expect(order!.shipConfirmation!.at).toBe(iso('2024-12-26T09:00:00Z'));
    expect(order!.packages![1]).toEqual({ carrier: 'DPD', trackingNumber: '15501234', shipTime: iso('2024-12-26T09:00:00Z') });
  });

  it('an open buyer request without execution is an open request; Amazon’s cancellation outweighs the buyer’s', () => {
    const body = fixtureJson('amazon-sp-api/orders-2026_searchOrders.json') as {
      orders: { fulfillment: Record<string, unknown>; orderItems: Record<string, unknown>[] }[];
    };
    const [o] = body.orders;
    o!.fulfillment.fulfillmentStatus = 'UNSHIPPED';
    o!.orderItems[0]!.cancellation = { cancellationRequest: { requester: 'BUYER' } };
    expect(batchOf(readSpApiOrders(body, ctx)).orders[0]).toMatchObject({ status: 'unshipped', buyerCancelRequestOpen: true });

    o!.fulfillment.fulfillmentStatus = 'CANCELLED';
    o!.orderItems[0]!.cancellation = { cancellationExecution: { cancelledBy: 'BUYER' } };
    o!.orderItems[1]!.cancellation = { cancellationExecution: { cancelledBy: 'AMAZON' } };
    expect(batchOf(readSpApiOrders(body, ctx)).orders[0]!.cancellation).toEqual({ by: 'AMAZON', buyerRequested: false });
  });

  it('orders placed outside Amazon are left out; a missing marketplace comes from the context', () => {
    const body = fixtureJson('amazon-sp-api/orders-2026_searchOrders.json') as { orders: { salesChannel: Record<string, unknown> }[] };
    body.orders[0]!.salesChannel = { channelName: 'NON_AMAZON' };
    expect(batchOf(readSpApiOrders(body, ctx)).orders).toEqual([]);
    body.orders[0]!.salesChannel = { channelName: 'AMAZON' };
    expectNotRecognized(readSpApiOrders(body, ctx), 'invalid');
    expect(batchOf(readSpApiOrders(body, { ...ctx, marketplaceId: UK })).orders[0]!.marketplaceId).toBe(UK);
  });

  it('unknown extra fields are fine; a missing createdTime is invalid', () => {
    const body = fixtureJson('amazon-sp-api/orders-2026_getOrder.json') as { order: Record<string, unknown> };
    body.order.somethingNew = { nested: [1, 2, 3] };
    expect(readSpApiOrders(body, ctx).ok).toBe(true);
    delete body.order.createdTime;
    expectNotRecognized(readSpApiOrders(body, ctx), 'invalid');
  });

  it('truncated JSON is invalid', () => {
    expectNotRecognized(readSpApiOrders(fixture('synthetic/orders-2026_searchOrders_truncated.json'), ctx), 'invalid');
  });
});

describe('SP-API Orders v0 (examples from Amazon’s model)', () => {
  const expected = {
    orderId: '902-3159896-1390916',
    marketplaceId: US,
    channel: 'MFN',
    orderDate: iso('2017-01-20T19:49:35Z'),
    status: 'pending',
    businessOrder: false,
    shippingService: 'Standard',
    latestShipDate: iso('2017-01-25T19:49:35Z'),
    shipConfirmation: { notBefore: OBSERVED },
    observedAt: OBSERVED,
    source: 'sp-api/orders-v0',
  };

  it('getOrders: payload.Orders; a pending order counts no units yet: unknown, not zero', () => {
    const batch = batchOf(readSpApiOrdersV0(fixture('amazon-sp-api/orders-v0_getOrders.json'), ctx));
    expect(batch.orders).toEqual([expected]);
    expect(batch.tables).toEqual([{ table: 'sp-api getOrders', rows: 1, more: true }]);
  });

  it('an unshipped order’s units are one line of shipped + unshipped; invoice status and automation where v0 says', () => {
    const body = fixtureJson('amazon-sp-api/orders-v0_getOrders.json') as { payload: { Orders: Record<string, unknown>[] } };
    Object.assign(body.payload.Orders[0]!, {
      OrderStatus: 'PartiallyShipped',
      NumberOfItemsShipped: 1,
      NumberOfItemsUnshipped: 2,
      ElectronicInvoiceStatus: 'NotFound',
      AutomatedShippingSettings: { HasAutomatedShippingSettings: true },
    });
    expect(batchOf(readSpApiOrdersV0(body, ctx)).orders[0]).toMatchObject({
      items: [{ quantityOrdered: 3, quantityShipped: 1 }],
      invoice: { status: 'missing' },
      deliveryProtected: true,
    });
    body.payload.Orders[0]!.ElectronicInvoiceStatus = 'Processing';
    expect(batchOf(readSpApiOrdersV0(body, ctx)).orders[0]).not.toHaveProperty('invoice');
  });

  it('getOrder: payload is the order', () => {
    expect(batchOf(readSpApiOrdersV0(fixture('amazon-sp-api/orders-v0_getOrder.json'), ctx)).orders).toEqual([expected]);
  });

  it('Canceled and InvoiceUnconfirmed map to cancelled (origin unknown) and shipped', () => {
    const body = fixtureJson('amazon-sp-api/orders-v0_getOrders.json') as { payload: { Orders: Record<string, unknown>[] } };
    body.payload.Orders[0]!.OrderStatus = 'Canceled';
    expect(batchOf(readSpApiOrdersV0(body, ctx)).orders[0]).toMatchObject({ status: 'cancelled', cancellation: {} });
    body.payload.Orders[0]!.OrderStatus = 'InvoiceUnconfirmed';
    body.payload.Orders[0]!.FulfillmentChannel = 'AFN';
    expect(batchOf(readSpApiOrdersV0(body, ctx)).orders[0]).toMatchObject({ status: 'shipped', channel: 'AFN' });
  });

  it('a status word it does not know stays unknown rather than guessed', () => {
    const body = fixtureJson('amazon-sp-api/orders-v0_getOrder.json') as { payload: Record<string, unknown> };
    body.payload.OrderStatus = 'Unfulfillable';
    expect(batchOf(readSpApiOrdersV0(body, ctx)).orders[0]).not.toHaveProperty('status');
  });
});
