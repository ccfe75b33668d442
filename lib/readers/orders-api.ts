import { z } from 'zod';
import type { Order, Package } from '../model';
import { jsonReader, mapAll } from './input';
import {
  cancellationFields,
  channelFrom,
  defined,
  marketplaceFromSalesChannel,
  orderStatusFrom,
  sightingBracket,
} from './order-fields';
import type { ReadContext, Reader } from './result';
import { instant, maybe, yesNo } from './schemas';

/**
 * Seller Central's own order JSON (Manage Orders): `GET /orders-api/search` → `{orders: [...]}` and
 * `GET /orders-api/order/{id}` → `{order: {...}}`. Real captures: test/fixtures/seller-central/.
 * Instants are epoch seconds as floats. Only the fields below are read; everything else (buyer
 * relay e-mail, `blob`, `customerOrderItemCode`, addresses, prices) is stripped by the schema.
 */

/**
 * Tracking of a shipped order. No real capture of a shipped order is public, so every plausible
 * spelling is accepted: `trackingId` / `trackingNumber` / `TrackingNumber`, `carrierName` /
 * `carrier` / `carrierCode` / `CarrierName`, `shipDate` / `shipTime` / `ShipDate` (epoch s, ms or ISO).
 * The ship date typed by the seller is kept on the package; it is NOT the confirmation time
 * (metrics-spec §2: the moment of confirmation counts), so it does not set `shipConfirmation.at`.
 */
const PageTracking = z.object({
  trackingId: maybe(z.string()),
  trackingNumber: maybe(z.string()),
  TrackingNumber: maybe(z.string()),
  carrierName: maybe(z.string()),
  carrier: maybe(z.string()),
  carrierCode: maybe(z.string()),
  CarrierName: maybe(z.string()),
  shipDate: maybe(instant),
  shipTime: maybe(instant),
  ShipDate: maybe(instant),
});

function toPackage(p: z.infer<typeof PageTracking>): Package {
  return defined({
    trackingNumber: p.trackingId ?? p.trackingNumber ?? p.TrackingNumber,
    carrier: p.carrierName ?? p.carrier ?? p.CarrierName ?? p.carrierCode,
    shipTime: p.shipDate ?? p.shipTime ?? p.ShipDate,
  });
}

/** `BuyerRequestedCancel`: null (unknown), a boolean, or v0's `{IsBuyerRequestedCancel: "true"}`. */
const BuyerRequestedCancel = maybe(
  z.union([yesNo, z.object({ IsBuyerRequestedCancel: maybe(yesNo), isBuyerRequestedCancel: maybe(yesNo) })]),
).transform((v) => (typeof v === 'object' ? (v.IsBuyerRequestedCancel ?? v.isBuyerRequestedCancel) : v));

const PageItem = z.object({
  BuyerRequestedCancel,
  QuantityCanceled: maybe(z.number()),
  ItemStatus: maybe(z.object({ CancelStatus: maybe(z.string()), ItemStatus: maybe(z.string()) })),
});

const PageOrder = z.object({
  amazonOrderId: z.string(),
  orderDate: maybe(instant),
  purchaseDate: maybe(instant),
  orderMarketplaceId: maybe(z.string()),
  homeMarketplaceId: maybe(z.string()),
  salesChannel: maybe(z.string()),
  isMerchantFulfilled: maybe(z.boolean()),
  fulfillmentChannel: maybe(z.string()),
  orderFulfillmentStatus: maybe(z.string()),
  orderStatus: maybe(
    z.object({ OrderStatus: maybe(z.string()), Late: maybe(z.boolean()), AtRiskOfCancellation: maybe(z.boolean()) }),
  ),
  latestShipDate: maybe(instant),
  latestDeliveryDate: maybe(instant),
  cancellationDate: maybe(instant),
  packages: maybe(z.array(PageTracking).max(100)),
  orderItems: maybe(z.array(PageItem)),
});
type PageOrder = z.infer<typeof PageOrder>;

const isCancelledItem = (item: z.infer<typeof PageItem>) =>
  (item.QuantityCanceled ?? 0) > 0 || orderStatusFrom(item.ItemStatus?.ItemStatus) === 'cancelled';

function channelOf(o: PageOrder) {
  const byChannel = channelFrom(o.fulfillmentChannel);
  if (byChannel) return byChannel;
  return o.isMerchantFulfilled === undefined ? undefined : o.isMerchantFulfilled ? 'MFN' : 'AFN';
}

function toOrder(o: PageOrder, ctx: ReadContext, source: string): Order | string {
  // The order's own marketplace first; `homeMarketplaceId` is the seller's home, which differs
  // from the order's for cross-border sales on the unified European account.
  const marketplaceId =
    o.orderMarketplaceId ?? marketplaceFromSalesChannel(o.salesChannel) ?? o.homeMarketplaceId ?? ctx.marketplaceId;
  if (!marketplaceId) return `order ${o.amazonOrderId} names no marketplace`;
  const orderDate = o.orderDate ?? o.purchaseDate;
  if (orderDate === undefined) return `order ${o.amazonOrderId} has no order date`;
  const status = orderStatusFrom(o.orderStatus?.OrderStatus ?? o.orderFulfillmentStatus);
  const items = o.orderItems ?? [];
  const requests = items.map((i) => i.BuyerRequestedCancel).filter((r) => r !== undefined);
  const buyerRequested = requests.length ? requests.some(Boolean) : undefined;
  return defined({
    orderId: o.amazonOrderId,
    marketplaceId,
    channel: channelOf(o),
    orderDate,
    status,
    latestShipDate: o.latestShipDate,
    latestDeliveryDate: o.latestDeliveryDate,
    autoCancelDate: o.cancellationDate,
    shipConfirmation: sightingBracket(status, ctx.observedAt),
    packages: o.packages?.map(toPackage),
    ...cancellationFields(status === 'cancelled' || items.some(isCancelledItem), buyerRequested),
    amazonLate: o.orderStatus?.Late,
    amazonAtRiskOfCancellation: o.orderStatus?.AtRiskOfCancellation,
    observedAt: ctx.observedAt,
    source,
  });
}

function readOrders(format: string, schema: z.ZodType<PageOrder[]>): Reader {
  return jsonReader(format, schema, (list, ctx) => {
    const orders = mapAll(list, (raw) => toOrder(raw, ctx, format));
    return typeof orders === 'string' ? orders : { orders };
  });
}

/** The two bodies as read; exported for lib/capture/trim.ts's test (the content script sends only these fields). */
export const SearchBody = z.object({ orders: z.array(PageOrder) });
export const OrderBody = z.object({ order: PageOrder });

/** `GET /orders-api/search`: one page of the Manage Orders table (15 rows by default: not the whole account). */
export const readOrdersApiSearch: Reader = readOrders(
  'orders-api/search',
  SearchBody.transform((r) => r.orders),
);

/** `GET /orders-api/order/{orderId}`: one order with its flags, packages and item requests. */
export const readOrdersApiOrder: Reader = readOrders(
  'orders-api/order',
  OrderBody.transform((r) => [r.order]),
);
