/**
 * The fields of a captured body that the worker's readers read, and nothing else. A Manage Orders
 * search answer of 100 orders is ~276 kB of JSON (buyer relay e-mail, `blob`, item titles, image
 * URLs, time-zone maps…); the readers use ~15 % of it. `runtime.sendMessage` serialises a message on
 * the page's main thread at a cost that grows faster than its size (~20 ms for 276 kB in Chromium,
 * docs/performance.md), so the content script sends only what is read.
 *
 * This is a projection, not a validation: values are kept as they are (a wrong type stays wrong for
 * the reader to reject), only keys no reader looks at are dropped. The readers' zod schemas in the
 * worker remain the only validators. A body that is not JSON, or a path without a projection here,
 * is sent unchanged. test/unit/capture/trim.test.ts derives these projections from the readers'
 * schemas and fails when the two differ, and checks that every reader reads the same from a trimmed
 * body as from the whole one.
 */

/** `true`: the value as it is. A record: only these keys of an object, of each element of an array. */
export type Keep = true | { readonly [key: string]: Keep };

/** lib/readers/orders-api.ts `PageTracking`. */
const TRACKING: Keep = {
  TrackingId: true,
  trackingId: true,
  trackingNumber: true,
  TrackingNumber: true,
  Carrier: true,
  carrierName: true,
  carrier: true,
  carrierCode: true,
  CarrierName: true,
  ShipDate: true,
  shipDate: true,
  shipTime: true,
  ShippingService: true,
  shippingService: true,
};

const PRICE: Keep = { Amount: true, CurrencyCode: true };

/** lib/readers/orders-api.ts `PageItem`: cancel flags, units, SKU, ASIN, prices (never the title or the customisation). */
const ITEM: Keep = {
  BuyerRequestedCancel: { IsBuyerRequestedCancel: true, isBuyerRequestedCancel: true },
  isBuyerRequestedCancel: true,
  QuantityCanceled: true,
  ItemStatus: { CancelStatus: true, ItemStatus: true, InvoiceSent: true },
  asin: true,
  sellerSku: true,
  quantityOrdered: true,
  quantityShipped: true,
  unitPrice: PRICE,
  ASIN: true,
  SellerSKU: true,
  QuantityOrdered: true,
  QuantityShipped: true,
  ItemCost: { UnitPrice: PRICE, Subtotal: PRICE },
};

/** lib/readers/orders-api.ts `PageOrder`. */
const ORDER: Keep = {
  amazonOrderId: true,
  orderDate: true,
  purchaseDate: true,
  orderMarketplaceId: true,
  homeMarketplaceId: true,
  salesChannel: true,
  isMerchantFulfilled: true,
  fulfillmentChannel: true,
  orderFulfillmentStatus: true,
  orderStatus: { OrderStatus: true, Late: true, AtRiskOfCancellation: true, InvoiceNotUploaded: true, InvoiceSent: true },
  latestShipDate: true,
  latestDeliveryDate: true,
  cancellationDate: true,
  shippingService: true,
  isBusinessOrder: true,
  verifiedBusinessBuyer: true,
  invoiceNotUploaded: true,
  electronicInvoiceAwaitingUpload: true,
  automatedShippingSettings: { hasAutomatedShippingSettings: true },
  packages: TRACKING,
  orderItems: ITEM,
};

/** The search envelope: where the page sits in its table (lib/readers/orders-api.ts `SearchBody`). */
const SEARCH_PAGE: Keep = { offset: true, total: true, appliedSearchFilters: { key: true, selectedValues: true } };

/** `{"reason":"sign_in"}` is how an expired session answers (lib/readers/html.ts): always kept. */
const SIGNED_OUT = { reason: true } as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOrderId = (o: unknown) => isRecord(o) && typeof o.amazonOrderId === 'string';

/**
 * Per captured endpoint (lib/capture/allow-list.ts), as the readers' `ENDPOINTS` match them. `intact`:
 * the projection still holds what the reader cannot do without. When Amazon renames a field, it does
 * not: the body goes unchanged, so the worker's "this page looks different" shows the new shape.
 */
export const CAPTURE_PROJECTIONS: readonly { matches: (path: string) => boolean; keep: Keep; intact: (projected: unknown) => boolean }[] = [
  {
    matches: (p) => p === '/orders-api/search',
    keep: { ...SIGNED_OUT, orders: ORDER, ...SEARCH_PAGE },
    intact: (b) => isRecord(b) && (b.reason !== undefined || (Array.isArray(b.orders) && b.orders.every(hasOrderId))),
  },
  {
    matches: (p) => /^\/orders-api\/order\/[^/]+$/.test(p),
    keep: { ...SIGNED_OUT, order: ORDER },
    intact: (b) => isRecord(b) && (b.reason !== undefined || hasOrderId(b.order)),
  },
];

/** A number JSON cannot write (`1e999` parses to Infinity, which JSON.stringify would turn into null). */
class NotWritable extends Error {}

/**
 * `value` with only the kept keys: records and arrays are rebuilt, anything else is returned as it
 * is. Throws NotWritable on a number JSON cannot write back unchanged.
 */
export function project(value: unknown, keep: Keep): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new NotWritable();
  if (keep === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => project(item, keep));
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in keep) {
    if (Object.prototype.hasOwnProperty.call(record, key)) out[key] = project(record[key], keep[key]!);
  }
  return out;
}

/** The body to send for a captured response of `path`: its projection, or the text unchanged. */
export function trimCapturedBody(path: string, text: string): string {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const projection = CAPTURE_PROJECTIONS.find((p) => p.matches(normalised));
  if (!projection) return text;
  try {
    const projected = project(JSON.parse(text), projection.keep);
    return projection.intact(projected) ? JSON.stringify(projected) : text;
  } catch {
    // Not JSON (a sign-in page, a truncated answer) or not writable back as it was: the reader
    // gets the text unchanged and says what it is.
    return text;
  }
}
