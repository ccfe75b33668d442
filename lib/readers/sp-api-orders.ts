import { z } from 'zod';
import type { Order, OrderItem, Package } from '../model';
import { jsonReader, mapAll } from './input';
import {
  cancellationFields,
  cancelledByFrom,
  channelFrom,
  defined,
  isNonAmazonChannel,
  itemsValueOf,
  orderItem,
  shortText,
  unitCount,
  orderStatusFrom,
  sightingBracket,
  worstCanceller,
} from './order-fields';
import { tablePage } from './paging';
import type { Reader } from './result';
import { instant, maybe } from './schemas';

/**
 * SP-API Orders 2026-01-01: `searchOrders` → `{orders: [...]}`, `getOrder` → `{order: {...}}`
 * (model: reference/amazon-sp-api/orders_2026-01-01.json). ISO instants. `buyer`, `recipient`,
 * addresses and gift messages are not in the schema, so they are dropped here. Lines: `quantityOrdered`,
 * `fulfillment.quantityFulfilled` (shipped), `product.{sellerSku, asin, price.unitPrice}`; a business order
 * is one whose `programs` include `AMAZON_BUSINESS`; the service level is the buyer's shipping service.
 */

const Window = maybe(z.object({ latestDateTime: maybe(instant) }));

/** Package states that mean the carrier has the parcel: at least one carrier scan exists. */
const SCANNED_STATUSES = new Set(['IN_TRANSIT', 'DELIVERED', 'UNDELIVERABLE']);
const SCANNED_DETAILS = new Set([
  'PICKED_UP',
  'DROPPED_OFF',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'REJECTED_BY_BUYER',
  'RETURNING_TO_SELLER',
  'RETURNED_TO_SELLER',
]);

const SpPackage = z.object({
  carrier: maybe(z.string()),
  trackingNumber: maybe(z.string()),
  shipTime: maybe(instant),
  shippingService: maybe(z.string()),
  packageStatus: maybe(z.object({ status: maybe(z.string()), detailedStatus: maybe(z.string()) })),
});

function toPackage(p: z.infer<typeof SpPackage>): Package {
  const scanned = SCANNED_STATUSES.has(p.packageStatus?.status ?? '') || SCANNED_DETAILS.has(p.packageStatus?.detailedStatus ?? '');
  // Absence of a scan state is not evidence of no scan: only `true` is ever set.
  return defined({
    carrier: p.carrier,
    trackingNumber: p.trackingNumber,
    shipTime: p.shipTime,
    carrierScanned: scanned || undefined,
    shippingService: shortText(p.shippingService),
  });
}

const Money = maybe(z.object({ amount: maybe(z.union([z.string(), z.number()])), currencyCode: maybe(z.string()) }));

const SpItem = z.object({
  quantityOrdered: maybe(z.number()),
  product: maybe(z.object({ asin: maybe(z.string()), sellerSku: maybe(z.string()), price: maybe(z.object({ unitPrice: Money })) })),
  fulfillment: maybe(z.object({ quantityFulfilled: maybe(z.number()) })),
  cancellation: maybe(
    z.object({
      cancellationRequest: maybe(z.object({ requester: maybe(z.string()) })),
      cancellationExecution: maybe(z.object({ cancelledBy: maybe(z.string()) })),
    }),
  ),
});

const SpOrder = z.object({
  orderId: z.string(),
  createdTime: instant,
  programs: maybe(z.array(z.string()).max(50)),
  salesChannel: maybe(z.object({ channelName: maybe(z.string()), marketplaceId: maybe(z.string()) })),
  fulfillment: maybe(
    z.object({
      fulfillmentStatus: maybe(z.string()),
      fulfilledBy: maybe(z.string()),
      fulfillmentServiceLevel: maybe(z.string()),
      shipByWindow: Window,
      deliverByWindow: Window,
    }),
  ),
  orderItems: maybe(z.array(SpItem)),
  packages: maybe(z.array(SpPackage).max(100)),
});
type SpOrder = z.infer<typeof SpOrder>;

function cancellationOf(o: SpOrder, cancelledOrder: boolean) {
  const cancellations = (o.orderItems ?? []).map((i) => i.cancellation).filter((c) => c !== undefined);
  const executedBy = cancellations.map((c) => cancelledByFrom(c.cancellationExecution?.cancelledBy)).filter((b) => b !== undefined);
  const executed = cancellations.filter((c) => c.cancellationExecution);
  // Who asked matters only for executed cancellations once any exist; otherwise for open requests.
  const relevant = executed.length ? executed : cancellations;
  const buyerRequested = relevant.length ? relevant.some((c) => c.cancellationRequest?.requester?.toUpperCase() === 'BUYER') : undefined;
  return cancellationFields(cancelledOrder || executed.length > 0, buyerRequested, worstCanceller(executedBy));
}

type SpItem = z.infer<typeof SpItem>;

const toItem = (i: SpItem): OrderItem =>
  orderItem({ sku: i.product?.sellerSku, asin: i.product?.asin, quantityOrdered: i.quantityOrdered, quantityShipped: i.fulfillment?.quantityFulfilled });

/** The lines' value as ordered: unit price × units ordered. */
function itemsValue(items: SpItem[]) {
  return itemsValueOf(
    items.map((i) => {
      const unit = i.product?.price?.unitPrice;
      const amount = unit?.amount === undefined ? undefined : Number(unit.amount);
      const units = unitCount(i.quantityOrdered);
      return { amount: amount !== undefined && units !== undefined ? amount * units : undefined, currency: unit?.currencyCode };
    }),
  );
}

function toOrder(o: SpOrder, observedAt: number, fallbackMarketplace: string | undefined): Order | string {
  const marketplaceId = o.salesChannel?.marketplaceId ?? fallbackMarketplace;
  if (!marketplaceId) return `order ${o.orderId} names no marketplace`;
  const status = orderStatusFrom(o.fulfillment?.fulfillmentStatus);
  const packages = o.packages?.map(toPackage);
  const shipTimes = (packages ?? []).map((p) => p.shipTime).filter((t) => t !== undefined);
  const bracket = sightingBracket(status, observedAt);
  return defined({
    orderId: o.orderId,
    marketplaceId,
    channel: channelFrom(o.fulfillment?.fulfilledBy),
    orderDate: o.createdTime,
    status,
    businessOrder: o.programs ? o.programs.includes('AMAZON_BUSINESS') : undefined,
    shippingService: shortText(o.fulfillment?.fulfillmentServiceLevel),
    items: o.orderItems?.map(toItem),
    itemsValue: o.orderItems ? itemsValue(o.orderItems) : undefined,
    latestShipDate: o.fulfillment?.shipByWindow?.latestDateTime,
    latestDeliveryDate: o.fulfillment?.deliverByWindow?.latestDateTime,
    // The first package handed over is when shipment was confirmed (metrics-spec §7).
    shipConfirmation: shipTimes.length ? { at: Math.min(...shipTimes), ...bracket } : bracket,
    packages,
    ...cancellationOf(o, status === 'cancelled'),
    observedAt,
    source: FORMAT,
  });
}

const FORMAT = 'sp-api/orders-2026';

/** `searchOrders` pages with `pagination.nextToken`: present means more orders follow this page. */
const SpOrdersDocument = z.union([
  z
    .object({ orders: z.array(SpOrder), pagination: maybe(z.object({ nextToken: maybe(z.string()) })) })
    .transform((d) => ({ orders: d.orders, more: d.pagination?.nextToken ? true : d.pagination ? false : undefined, page: true })),
  z.object({ order: SpOrder }).transform((d) => ({ orders: [d.order], more: undefined, page: false })),
]);

/** Orders 2026-01-01 `searchOrders` or `getOrder` response. Orders placed outside Amazon are left out. */
export const readSpApiOrders: Reader = jsonReader(FORMAT, SpOrdersDocument, (doc, ctx) => {
  const orders = mapAll(doc.orders, (raw) => (isNonAmazonChannel(raw.salesChannel?.channelName) ? undefined : toOrder(raw, ctx.observedAt, ctx.marketplaceId)));
  if (typeof orders === 'string') return orders;
  return doc.page ? { orders, tables: [tablePage('sp-api searchOrders', doc.orders.length, { more: doc.more })] } : { orders };
});
