import { z } from 'zod';
import type { Order } from '../model';
import { jsonReader, mapAll } from './input';
import type { InvoiceState } from '../model';
import { cancellationFields, channelFrom, defined, isNonAmazonChannel, orderItem, shortText, orderStatusFrom, sightingBracket } from './order-fields';
import { tablePage } from './paging';
import type { ReadContext, Reader } from './result';
import { instant, maybe } from './schemas';

/**
 * SP-API Orders v0 `getOrders` (`{payload: {Orders: [...]}}`) and `getOrder` (`{payload: {...}}`)
 * (model: reference/amazon-sp-api/ordersV0.json). `ShippingAddress`, `BuyerInfo` and
 * `DefaultShipFromLocationAddress` are not in the schema and are dropped. v0 orders carry no
 * tracking and no canceller; `BuyerRequestedCancel` lives on `getOrderItems`, which has no order
 * date or marketplace and is therefore not read on its own. Without its lines, a v0 order's units are one
 * line of `NumberOfItemsShipped + NumberOfItemsUnshipped` (no SKU); a pending order counts 0 of each, so
 * its units stay unknown. `ShipmentServiceLevelCategory` is the buyer's shipping service;
 * `ElectronicInvoiceStatus` `Accepted` / `NotFound` an uploaded / missing invoice.
 */

const FORMAT = 'sp-api/orders-v0';

const V0Order = z.object({
  AmazonOrderId: z.string(),
  PurchaseDate: instant,
  OrderStatus: maybe(z.string()),
  FulfillmentChannel: maybe(z.string()),
  MarketplaceId: maybe(z.string()),
  SalesChannel: maybe(z.string()),
  LatestShipDate: maybe(instant),
  LatestDeliveryDate: maybe(instant),
  IsBusinessOrder: maybe(z.boolean()),
  ShipmentServiceLevelCategory: maybe(z.string()),
  ShipServiceLevel: maybe(z.string()),
  NumberOfItemsShipped: maybe(z.number()),
  NumberOfItemsUnshipped: maybe(z.number()),
  ElectronicInvoiceStatus: maybe(z.string()),
  AutomatedShippingSettings: maybe(z.object({ HasAutomatedShippingSettings: maybe(z.boolean()) })),
});
type V0Order = z.infer<typeof V0Order>;

const V0Document = z.object({
  payload: z.union([
    z.object({ Orders: z.array(V0Order), NextToken: maybe(z.string()) }).transform((p) => ({ orders: p.Orders, page: true, more: !!p.NextToken })),
    V0Order.transform((o) => ({ orders: [o], page: false, more: false })),
  ]),
});

const INVOICE: Record<string, InvoiceState['status']> = { accepted: 'uploaded', notfound: 'missing' };

/** The order's units as one line, where v0 counts them (not for a pending order, which counts none yet). */
function unitsOf(o: V0Order, status: ReturnType<typeof orderStatusFrom>) {
  const shipped = o.NumberOfItemsShipped;
  const unshipped = o.NumberOfItemsUnshipped;
  if (shipped === undefined || unshipped === undefined || status === 'pending' || status === 'cancelled' || shipped + unshipped === 0) return undefined;
  return [orderItem({ quantityOrdered: shipped + unshipped, quantityShipped: shipped })];
}

function toOrder(o: V0Order, ctx: ReadContext): Order | string {
  const marketplaceId = o.MarketplaceId ?? ctx.marketplaceId;
  if (!marketplaceId) return `order ${o.AmazonOrderId} names no marketplace`;
  const status = orderStatusFrom(o.OrderStatus);
  return defined({
    orderId: o.AmazonOrderId,
    marketplaceId,
    channel: channelFrom(o.FulfillmentChannel),
    orderDate: o.PurchaseDate,
    status,
    businessOrder: o.IsBusinessOrder,
    shippingService: shortText(o.ShipmentServiceLevelCategory ?? o.ShipServiceLevel),
    items: unitsOf(o, status),
    invoice:
      o.ElectronicInvoiceStatus && INVOICE[o.ElectronicInvoiceStatus.toLowerCase()] ? { status: INVOICE[o.ElectronicInvoiceStatus.toLowerCase()] } : undefined,
    deliveryProtected: o.AutomatedShippingSettings?.HasAutomatedShippingSettings ? true : undefined,
    latestShipDate: o.LatestShipDate,
    latestDeliveryDate: o.LatestDeliveryDate,
    shipConfirmation: sightingBracket(status, ctx.observedAt),
    ...cancellationFields(status === 'cancelled', undefined),
    observedAt: ctx.observedAt,
    source: FORMAT,
  });
}

export const readSpApiOrdersV0: Reader = jsonReader(FORMAT, V0Document, (doc, ctx) => {
  const orders = mapAll(doc.payload.orders, (o) => (isNonAmazonChannel(o.SalesChannel) ? undefined : toOrder(o, ctx)));
  if (typeof orders === 'string') return orders;
  // getOrders pages with NextToken: present means more orders follow.
  return doc.payload.page ? { orders, tables: [tablePage('sp-api getOrders', doc.payload.orders.length, { more: doc.payload.more })] } : { orders };
});
