import { describe, expect, it } from 'vitest';
import { readOrdersApiOrder, readOrdersApiSearch, readResponse } from '../../../lib/readers';
import { batchOf, expectNotRecognized, fixture, fixtureJson, OBSERVED, sec, US } from './helpers';

const SEARCH = 'seller-central/orders-api/search_mfn-unshipped_2021-11.json';
const DETAIL = 'seller-central/orders-api/order-detail_2021-11.json';
const ctx = { observedAt: OBSERVED };

describe('orders-api/search: the 2026 envelope (real capture, amazon.in, 2026-07)', () => {
  it('reads the empty first page: no orders, the table it is, and that it is the whole table', () => {
    const batch = batchOf(
      readResponse('/orders-api/search', 200, 'application/json', fixture('seller-central/2026/orders-api-search.2026-07.IN.empty.json'), {
        ...ctx,
        marketplaceId: 'A21TJRUUN4KGV',
      }),
    );
    expect(batch.orders).toEqual([]);
    expect(batch.tables).toEqual([{ table: 'manageOrders mfn/unshipped/easyship last-7', first: 0, rows: 0, total: 0, more: false }]);
  });
});

describe('orders-api/search (real capture, Nov 2021)', () => {
  it('reads the one unshipped MFN order with its deadlines in epoch ms', () => {
    const batch = batchOf(readOrdersApiSearch(fixture(SEARCH), ctx));
    expect(batch.format).toBe('orders-api/search');
    expect(batch.orders).toEqual([
      {
        orderId: '114-7941379-5480234',
        marketplaceId: US,
        channel: 'MFN',
        orderDate: 1636992286776,
        status: 'unshipped',
        latestShipDate: sec(1.637222399e9),
        latestDeliveryDate: sec(1.640851199e9),
        autoCancelDate: sec(1.638172799e9),
        shippingService: 'Standard',
        items: [{ sku: 'Pods custom', asin: 'B092DMN2TW', quantityOrdered: 1, quantityShipped: 0 }],
        itemsValue: { amount: 11.99, currency: 'USD' },
        shipConfirmation: { notBefore: OBSERVED },
        observedAt: OBSERVED,
        source: 'orders-api/search',
      },
    ]);
    // `invoiceNotUploaded: false` on a consumer order says nothing about an invoice: unknown.
    expect(batch.orders[0]).not.toHaveProperty('invoice');
  });

  it('says which table the page is, where it starts, and that it is the whole table (1 of 1)', () => {
    expect(batchOf(readOrdersApiSearch(fixture(SEARCH), ctx)).tables).toEqual([
      { table: 'manageOrders mfn/unshipped last-365', first: 0, rows: 1, total: 1, more: false },
    ]);
  });

  it('reads an already parsed body as well as text', () => {
    expect(readOrdersApiSearch(fixtureJson(SEARCH), ctx)).toEqual(readOrdersApiSearch(fixture(SEARCH), ctx));
  });

  it('an empty page is zero orders on this page, not a failure', () => {
    const batch = batchOf(readOrdersApiSearch({ orders: [], total: 0, offset: 0 }, ctx));
    expect(batch.orders).toEqual([]);
  });

  it('one page of many is said to be one page: the rest of the table is not read as absent', () => {
    const body = fixtureJson(SEARCH) as Record<string, unknown>;
    body.offset = 15;
    body.total = 40;
    expect(batchOf(readOrdersApiSearch(body, ctx)).tables![0]).toMatchObject({ first: 15, rows: 1, total: 40, more: true });
  });

  it('takes the marketplace from the sales channel before the seller’s home marketplace', () => {
    const body = fixtureJson(SEARCH) as { orders: Record<string, unknown>[] };
    body.orders[0]!.salesChannel = 'Amazon.de';
    expect(batchOf(readOrdersApiSearch(body, ctx)).orders[0]!.marketplaceId).toBe('A1PA6795UKMFR9');
  });

  it('an order without any marketplace and no context marketplace is invalid, with one it is read', () => {
    const body = fixtureJson(SEARCH) as { orders: Record<string, unknown>[] };
    delete body.orders[0]!.homeMarketplaceId;
    delete body.orders[0]!.salesChannel;
    expectNotRecognized(readOrdersApiSearch(body, ctx), 'invalid');
    expect(batchOf(readOrdersApiSearch(body, { ...ctx, marketplaceId: US })).orders[0]!.marketplaceId).toBe(US);
  });

  it('a wrong type in a field it uses makes the whole response invalid (no partial batch)', () => {
    const body = fixtureJson(SEARCH) as { orders: Record<string, unknown>[] };
    body.orders.push({ ...body.orders[0], amazonOrderId: '111-1111111-1111111' }, { ...body.orders[0], latestShipDate: 'soon' });
    expectNotRecognized(readOrdersApiSearch(body, ctx), 'invalid');
  });

  it('leaves optional fields it does not get unknown (absent), never false', () => {
    const body = { orders: [{ amazonOrderId: '111-0000000-0000001', orderDate: 1.7e9, homeMarketplaceId: US }] };
    expect(batchOf(readOrdersApiSearch(body, ctx)).orders[0]).toEqual({
      orderId: '111-0000000-0000001',
      marketplaceId: US,
      orderDate: 1.7e12,
      observedAt: OBSERVED,
      source: 'orders-api/search',
    });
  });
});

describe('orders-api/order (real capture, Nov 2021)', () => {
  it('reads the order with Amazon’s flags and its marketplace', () => {
    const [order] = batchOf(readOrdersApiOrder(fixture(DETAIL), ctx)).orders;
    expect(order).toMatchObject({
      orderId: '114-7941379-5480234',
      marketplaceId: US,
      channel: 'MFN',
      status: 'unshipped',
      orderDate: 1636992286776,
      amazonLate: false,
      amazonAtRiskOfCancellation: false,
    });
    // `BuyerRequestedCancel: null` and `packages: null` say nothing: unknown.
    expect(order).not.toHaveProperty('buyerCancelRequestOpen');
    expect(order).not.toHaveProperty('packages');
    // The detail's PascalCase lines, the subtotal, the service; `verifiedBusinessBuyer: false`, no automated
    // shipping and no invoice flag say nothing of a business order, a protection or an invoice.
    expect(order).toMatchObject({
      items: [{ sku: 'Pods custom', asin: 'B092DMN2TW', quantityOrdered: 1, quantityShipped: 0 }],
      itemsValue: { amount: 11.99, currency: 'USD' },
      shippingService: 'Standard',
    });
    for (const key of ['businessOrder', 'deliveryProtected', 'invoice']) expect(order).not.toHaveProperty(key);
  });

  it('reads the 2023+ order detail: packages as Carrier/TrackingId/ShipDate/ShippingService, isBuyerRequestedCancel', () => {
    const body = fixtureJson(DETAIL) as { order: Record<string, unknown> & { orderItems: Record<string, unknown>[] } };
    body.order.orderStatus = { OrderStatus: 'Shipped', Late: false, AtRiskOfCancellation: false };
    body.order.packages = [
      {
        Carrier: 'UPS',
        IsSignatureConfirmationApplied: false,
        ShipmentId: 'DgbVDbn1n',
        ShipDate: 1.6372e9,
        ShippingService: 'UPS Ground',
        TrackingId: '1Z999AA10123456784',
      },
    ];
    body.order.orderItems[0]!.isBuyerRequestedCancel = false;
    body.order.orderItems[0]!.QuantityShipped = 1;
    const [order] = batchOf(readOrdersApiOrder(body, ctx)).orders;
    expect(order!.packages).toEqual([{ trackingNumber: '1Z999AA10123456784', carrier: 'UPS', shipTime: 1637200000000, shippingService: 'UPS Ground' }]);
    expect(order!.items).toEqual([{ sku: 'Pods custom', asin: 'B092DMN2TW', quantityOrdered: 1, quantityShipped: 1 }]);
    // false: the buyer did not ask (a known "no", not an unknown).
    expect(order!.buyerCancelRequestOpen).toBe(false);
    body.order.orderItems[0]!.isBuyerRequestedCancel = true;
    expect(batchOf(readOrdersApiOrder(body, ctx)).orders[0]!.buyerCancelRequestOpen).toBe(true);
  });

  it('reads a business order, its invoice state and Shipping Settings Automation where the order says', () => {
    const body = fixtureJson(DETAIL) as { order: Record<string, unknown> & { orderStatus: Record<string, unknown> } };
    body.order.isBusinessOrder = true;
    body.order.orderStatus.InvoiceNotUploaded = true;
    body.order.automatedShippingSettings = { hasAutomatedShippingSettings: true };
    expect(batchOf(readOrdersApiOrder(body, ctx)).orders[0]).toMatchObject({ businessOrder: true, invoice: { status: 'missing' }, deliveryProtected: true });
    body.order.orderStatus.InvoiceNotUploaded = false;
    body.order.orderStatus.InvoiceSent = true;
    expect(batchOf(readOrdersApiOrder(body, ctx)).orders[0]!.invoice).toEqual({ status: 'uploaded' });
  });

  it('leaves the items’ value unknown when one line has no price or another currency', () => {
    const body = fixtureJson(SEARCH) as { orders: { orderItems: Record<string, unknown>[] }[] };
    const line = body.orders[0]!.orderItems[0]!;
    body.orders[0]!.orderItems.push({ ...line, unitPrice: { Amount: 5, CurrencyCode: 'EUR' } });
    expect(batchOf(readOrdersApiSearch(body, ctx)).orders[0]).not.toHaveProperty('itemsValue');
    body.orders[0]!.orderItems[1] = { ...line, quantityOrdered: 2 };
    expect(batchOf(readOrdersApiSearch(body, ctx)).orders[0]!.itemsValue).toEqual({ amount: 35.97, currency: 'USD' });
  });

  it('reads the packages in the spellings of Redline’s older demo and other plausible ones, without confirming from them', () => {
    const body = fixtureJson(DETAIL) as { order: Record<string, unknown> };
    body.order.orderStatus = { OrderStatus: 'Shipped', Late: true, AtRiskOfCancellation: false };
    body.order.packages = [
      { trackingId: '1Z999AA10123456784', carrierName: 'UPS', shipDate: 1.6372e9 },
      { TrackingNumber: '9400100000000000000000', CarrierName: 'USPS', ShipDate: '2021-11-18T20:00:00Z' },
      { trackingNumber: null, carrierCode: 'FEDEX', shipTime: 1637300000000 },
    ];
    const [order] = batchOf(readOrdersApiOrder(body, ctx)).orders;
    expect(order!.packages).toEqual([
      { trackingNumber: '1Z999AA10123456784', carrier: 'UPS', shipTime: 1637200000000 },
      { trackingNumber: '9400100000000000000000', carrier: 'USPS', shipTime: Date.UTC(2021, 10, 18, 20) },
      { carrier: 'FEDEX', shipTime: 1637300000000 },
    ]);
    expect(order!.status).toBe('shipped');
    expect(order!.amazonLate).toBe(true);
    expect(order!.shipConfirmation).toEqual({ notAfter: OBSERVED });
  });

  it('a buyer’s cancel request is an open request on an open order, and the requester on a cancelled one', () => {
    const body = fixtureJson(DETAIL) as { order: { orderItems: Record<string, unknown>[]; orderStatus: Record<string, unknown> } };
    body.order.orderItems[0]!.BuyerRequestedCancel = { IsBuyerRequestedCancel: 'true', BuyerCancelReason: 'Changed my mind' };
    expect(batchOf(readOrdersApiOrder(body, ctx)).orders[0]!.buyerCancelRequestOpen).toBe(true);

    body.order.orderStatus.OrderStatus = 'Canceled';
    const [cancelled] = batchOf(readOrdersApiOrder(body, ctx)).orders;
    expect(cancelled!.cancellation).toEqual({ buyerRequested: true });
    expect(cancelled).not.toHaveProperty('buyerCancelRequestOpen');
  });

  it('an item cancelled on an open order is a cancellation of unknown origin', () => {
    const body = fixtureJson(DETAIL) as { order: { orderItems: Record<string, unknown>[] } };
    body.order.orderItems[0]!.QuantityCanceled = 1;
    body.order.orderItems[0]!.BuyerRequestedCancel = false;
    expect(batchOf(readOrdersApiOrder(body, ctx)).orders[0]!.cancellation).toEqual({ buyerRequested: false });
  });

  it('fulfillmentChannel "Amazon" is FBA', () => {
    const body = fixtureJson(DETAIL) as { order: Record<string, unknown> };
    body.order.fulfillmentChannel = 'Amazon';
    expect(batchOf(readOrdersApiOrder(body, ctx)).orders[0]!.channel).toBe('AFN');
  });

  it('a search response is not an order detail', () => {
    expectNotRecognized(readOrdersApiOrder(fixture(SEARCH), ctx), 'invalid');
  });
});
