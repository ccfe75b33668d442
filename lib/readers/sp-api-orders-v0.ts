import { z } from 'zod';
import type { Order } from '../model';
import { jsonReader, mapAll } from './input';
import { cancellationFields, channelFrom, defined, isNonAmazonChannel, orderStatusFrom, sightingBracket } from './order-fields';
import type { ReadContext, Reader } from './result';
import { instant, maybe } from './schemas';

/**
 * SP-API Orders v0 `getOrders` (`{payload: {Orders: [...]}}`) and `getOrder` (`{payload: {...}}`)
 * (model: reference/amazon-sp-api/ordersV0.json). `ShippingAddress`, `BuyerInfo` and
 * `DefaultShipFromLocationAddress` are not in the schema and are dropped. v0 orders carry no
 * tracking and no canceller; `BuyerRequestedCancel` lives on `getOrderItems`, which has no order
 * date or marketplace and is therefore not read on its own.
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
});
type V0Order = z.infer<typeof V0Order>;

const V0Document = z.object({
  payload: z.union([
    z.object({ Orders: z.array(V0Order) }).transform((p) => p.Orders),
    V0Order.transform((o) => [o]),
  ]),
});

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
    latestShipDate: o.LatestShipDate,
    latestDeliveryDate: o.LatestDeliveryDate,
    shipConfirmation: sightingBracket(status, ctx.observedAt),
    ...cancellationFields(status === 'cancelled', undefined),
    observedAt: ctx.observedAt,
    source: FORMAT,
  });
}

export const readSpApiOrdersV0: Reader = jsonReader(FORMAT, V0Document, (doc, ctx) => {
  const orders = mapAll(doc.payload, (o) => (isNonAmazonChannel(o.SalesChannel) ? undefined : toOrder(o, ctx)));
  return typeof orders === 'string' ? orders : { orders };
});
