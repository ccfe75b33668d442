import { z } from 'zod';
import type { InvoiceState, Order, OrderItem, Package } from '../model';
import { jsonReader, mapAll } from './input';
import {
  cancellationFields,
  channelFrom,
  defined,
  itemsValueOf,
  marketplaceFromSalesChannel,
  orderItem,
  shortText,
  unitCount,
  orderStatusFrom,
  sightingBracket,
  type PriceLine,
} from './order-fields';
import { tablePage } from './paging';
import type { ReadContext, Reader } from './result';
import { instant, maybe, yesNo } from './schemas';

/**
 * Seller Central's own order JSON (Manage Orders): `GET /orders-api/search` → `{orders: [...], offset,
 * total, appliedSearchFilters}` and `GET /orders-api/order/{id}` → `{order: {...}}`. Real captures:
 * test/fixtures/seller-central/orders-api/ (US, 2021) and seller-central/2026/ (the same envelope, IN,
 * 2026). Instants are epoch seconds as floats. Search rows name their item fields in camelCase
 * (`sellerSku`, `quantityOrdered`, `unitPrice`), the order detail in PascalCase (`SellerSKU`,
 * `QuantityOrdered`, `ItemCost.UnitPrice`); both are read. Only the fields below are read; everything else
 * (buyer relay e-mail, `blob`, `customerOrderItemCode`, addresses, titles) is stripped by the schema.
 */

/**
 * Packages of a shipped order. 2023+ order detail: `packages[].{Carrier, TrackingId, ShipDate,
 * ShippingService, ShipmentId}` (a 2023 scraper, orders-api-order-detail.fields.2023.md). The search rows'
 * shipped packages were never captured: the other spellings (`trackingId`, `carrierName`, `shipDate`…,
 * Redline's demo before 2026-12) are read as well. The ship date typed by the seller is kept on the
 * package; it is NOT the confirmation time (metrics-spec §2: the moment of confirmation counts).
 */
const PageTracking = z.object({
  TrackingId: maybe(z.string()),
  trackingId: maybe(z.string()),
  trackingNumber: maybe(z.string()),
  TrackingNumber: maybe(z.string()),
  Carrier: maybe(z.string()),
  carrierName: maybe(z.string()),
  carrier: maybe(z.string()),
  carrierCode: maybe(z.string()),
  CarrierName: maybe(z.string()),
  ShipDate: maybe(instant),
  shipDate: maybe(instant),
  shipTime: maybe(instant),
  ShippingService: maybe(z.string()),
  shippingService: maybe(z.string()),
});

function toPackage(p: z.infer<typeof PageTracking>): Package {
  return defined({
    trackingNumber: p.TrackingId ?? p.trackingId ?? p.trackingNumber ?? p.TrackingNumber,
    carrier: p.Carrier ?? p.carrierName ?? p.carrier ?? p.CarrierName ?? p.carrierCode,
    shipTime: p.ShipDate ?? p.shipDate ?? p.shipTime,
    shippingService: shortText(p.ShippingService ?? p.shippingService),
  });
}

/** `BuyerRequestedCancel` (2021): null (unknown), a boolean, or v0's `{IsBuyerRequestedCancel: "true"}`. */
const BuyerRequestedCancel = maybe(z.union([yesNo, z.object({ IsBuyerRequestedCancel: maybe(yesNo), isBuyerRequestedCancel: maybe(yesNo) })])).transform((v) =>
  typeof v === 'object' ? (v.IsBuyerRequestedCancel ?? v.isBuyerRequestedCancel) : v,
);

const Price = maybe(z.object({ Amount: maybe(z.number()), CurrencyCode: maybe(z.string()) }));
const Quantity = maybe(z.number());

const PageItem = z.object({
  BuyerRequestedCancel,
  /** 2023+ (a 2023 scraper reads it on every item). */
  isBuyerRequestedCancel: maybe(yesNo),
  QuantityCanceled: Quantity,
  ItemStatus: maybe(z.object({ CancelStatus: maybe(z.string()), ItemStatus: maybe(z.string()), InvoiceSent: maybe(z.boolean()) })),
  // Search rows:
  asin: maybe(z.string()),
  sellerSku: maybe(z.string()),
  quantityOrdered: Quantity,
  quantityShipped: Quantity,
  unitPrice: Price,
  // Order detail:
  ASIN: maybe(z.string()),
  SellerSKU: maybe(z.string()),
  QuantityOrdered: Quantity,
  QuantityShipped: Quantity,
  ItemCost: maybe(z.object({ UnitPrice: Price, Subtotal: Price })),
});
type PageItem = z.infer<typeof PageItem>;

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
    z.object({
      OrderStatus: maybe(z.string()),
      Late: maybe(z.boolean()),
      AtRiskOfCancellation: maybe(z.boolean()),
      InvoiceNotUploaded: maybe(z.boolean()),
      InvoiceSent: maybe(z.boolean()),
    }),
  ),
  latestShipDate: maybe(instant),
  latestDeliveryDate: maybe(instant),
  cancellationDate: maybe(instant),
  shippingService: maybe(z.string()),
  isBusinessOrder: maybe(yesNo),
  verifiedBusinessBuyer: maybe(z.boolean()),
  invoiceNotUploaded: maybe(z.boolean()),
  electronicInvoiceAwaitingUpload: maybe(z.boolean()),
  automatedShippingSettings: maybe(z.object({ hasAutomatedShippingSettings: maybe(z.boolean()) })),
  packages: maybe(z.array(PageTracking).max(100)),
  orderItems: maybe(z.array(PageItem).max(200)),
});
type PageOrder = z.infer<typeof PageOrder>;

const isCancelledItem = (item: PageItem) => (item.QuantityCanceled ?? 0) > 0 || orderStatusFrom(item.ItemStatus?.ItemStatus) === 'cancelled';

function channelOf(o: PageOrder) {
  const byChannel = channelFrom(o.fulfillmentChannel);
  if (byChannel) return byChannel;
  return o.isMerchantFulfilled === undefined ? undefined : o.isMerchantFulfilled ? 'MFN' : 'AFN';
}

const toItem = (i: PageItem): OrderItem =>
  orderItem({
    sku: i.sellerSku ?? i.SellerSKU,
    asin: i.asin ?? i.ASIN,
    quantityOrdered: i.quantityOrdered ?? i.QuantityOrdered,
    quantityShipped: i.quantityShipped ?? i.QuantityShipped,
  });

/** A line's price: the detail's subtotal, or the unit price times the units. */
function priceOf(i: PageItem): PriceLine {
  const subtotal = i.ItemCost?.Subtotal;
  if (subtotal?.Amount !== undefined) return { amount: subtotal.Amount, currency: subtotal.CurrencyCode };
  const unit = i.unitPrice ?? i.ItemCost?.UnitPrice;
  const units = unitCount(i.quantityOrdered ?? i.QuantityOrdered);
  return { amount: unit?.Amount !== undefined && units !== undefined ? unit.Amount * units : undefined, currency: unit?.CurrencyCode };
}

/**
 * The invoice, where the order says: "not uploaded" / "awaiting upload" is missing, "sent" is uploaded.
 * `false` for the first two says nothing (every non-business order has them false).
 */
function invoiceOf(o: PageOrder): InvoiceState | undefined {
  if (o.invoiceNotUploaded || o.electronicInvoiceAwaitingUpload || o.orderStatus?.InvoiceNotUploaded) return { status: 'missing' };
  if (o.orderStatus?.InvoiceSent || o.orderItems?.some((i) => i.ItemStatus?.InvoiceSent)) return { status: 'uploaded' };
  return undefined;
}

/** 2023+ `isBuyerRequestedCancel` or 2021 `BuyerRequestedCancel`, per item; true if any item says so. */
function buyerRequestedOf(items: PageItem[]): boolean | undefined {
  const requests = items.map((i) => i.isBuyerRequestedCancel ?? i.BuyerRequestedCancel).filter((r) => r !== undefined);
  return requests.length ? requests.some(Boolean) : undefined;
}

function toOrder(o: PageOrder, ctx: ReadContext, source: string): Order | string {
  // The order's own marketplace first; `homeMarketplaceId` is the seller's home, which differs
  // from the order's for cross-border sales on the unified European account.
  const marketplaceId = o.orderMarketplaceId ?? marketplaceFromSalesChannel(o.salesChannel) ?? o.homeMarketplaceId ?? ctx.marketplaceId;
  if (!marketplaceId) return `order ${o.amazonOrderId} names no marketplace`;
  const orderDate = o.orderDate ?? o.purchaseDate;
  if (orderDate === undefined) return `order ${o.amazonOrderId} has no order date`;
  const status = orderStatusFrom(o.orderStatus?.OrderStatus ?? o.orderFulfillmentStatus);
  const items = o.orderItems ?? [];
  return defined({
    orderId: o.amazonOrderId,
    marketplaceId,
    channel: channelOf(o),
    orderDate,
    status,
    // `verifiedBusinessBuyer: false` does not say the order is not a business one.
    businessOrder: o.isBusinessOrder ?? (o.verifiedBusinessBuyer ? true : undefined),
    shippingService: shortText(o.shippingService),
    items: o.orderItems ? items.map(toItem) : undefined,
    itemsValue: itemsValueOf(items.map(priceOf)),
    invoice: invoiceOf(o),
    // Shipping Settings Automation protects the order's units from OTDR (metrics-spec §2); `false` says nothing of Buy Shipping.
    deliveryProtected: o.automatedShippingSettings?.hasAutomatedShippingSettings ? true : undefined,
    latestShipDate: o.latestShipDate,
    latestDeliveryDate: o.latestDeliveryDate,
    autoCancelDate: o.cancellationDate,
    shipConfirmation: sightingBracket(status, ctx.observedAt),
    packages: o.packages?.map(toPackage),
    ...cancellationFields(status === 'cancelled' || items.some(isCancelledItem), buyerRequestedOf(items)),
    amazonLate: o.orderStatus?.Late,
    amazonAtRiskOfCancellation: o.orderStatus?.AtRiskOfCancellation,
    observedAt: ctx.observedAt,
    source,
  });
}

/** The two bodies as read; exported for lib/capture/trim.ts's test (the content script sends only these fields). */
const Filter = z.object({ key: z.string(), selectedValues: maybe(z.array(z.string()).max(20)) });
export const SearchBody = z.object({
  orders: z.array(PageOrder),
  offset: maybe(z.number().int().min(0)),
  total: maybe(z.number().int().min(0)),
  appliedSearchFilters: maybe(z.array(Filter).max(50)),
});
export const OrderBody = z.object({ order: PageOrder });

/** Which Manage Orders table a search is: `manageOrders mfn/unshipped/easyship last-7`, from the filters the page applied. */
function tableOf(filters: z.infer<typeof Filter>[] | undefined): string {
  const value = (key: string) => filters?.find((f) => f.key === key)?.selectedValues?.[0];
  const parts = [value('fulfillmentType'), value('orderStatus'), value('program')].filter((p) => p && /^[\w-]{1,30}$/.test(p));
  const range = value('date-range');
  return ['manageOrders', parts.join('/'), range && /^[\w-]{1,40}$/.test(range) ? range : ''].filter(Boolean).join(' ');
}

function readOrders(format: string, list: PageOrder[], ctx: ReadContext) {
  return mapAll(list, (raw) => toOrder(raw, ctx, format));
}

/**
 * `GET /orders-api/search`: one page of the Manage Orders table (15 rows by default: not the whole
 * account). `offset` and `total` say where the page sits; `appliedSearchFilters` which table it is.
 */
export const readOrdersApiSearch: Reader = jsonReader('orders-api/search', SearchBody, (body, ctx) => {
  const orders = readOrders('orders-api/search', body.orders, ctx);
  if (typeof orders === 'string') return orders;
  const page = tablePage(tableOf(body.appliedSearchFilters), body.orders.length, { first: body.offset, total: body.total });
  return { orders, tables: [page] };
});

/** `GET /orders-api/order/{orderId}`: one order with its flags, packages and item requests. */
export const readOrdersApiOrder: Reader = jsonReader('orders-api/order', OrderBody, (body, ctx) => {
  const orders = readOrders('orders-api/order', [body.order], ctx);
  return typeof orders === 'string' ? orders : { orders };
});
