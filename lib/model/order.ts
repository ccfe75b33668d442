import { z } from 'zod';
import { EpochMs } from './time';

/**
 * The order as the metrics need it, and nothing more: no buyer name, address, e-mail, phone or
 * opaque token ever reaches this shape (seller-central.md, privacy rules).
 *
 * An absent optional field means "unknown", never "no" (metrics-spec §7): a source that does not
 * carry a field leaves it out, and merging never lets an unknown value overwrite a known one.
 */

export const OrderId = z.string().min(1).max(64);

/** Amazon's marketplace ids are letters and digits (`ATVPDKIKX0DER`); anything else (a `|`, markup) is not one, and would break the scope key. */
export const MarketplaceId = z.string().regex(/^[A-Za-z0-9]{1,32}$/);
export type OrderId = z.infer<typeof OrderId>;

/** MFN: seller-fulfilled. AFN: fulfilled by Amazon (FBA). */
export const FulfillmentChannel = z.enum(['MFN', 'AFN']);
export type FulfillmentChannel = z.infer<typeof FulfillmentChannel>;

export const OrderStatus = z.enum(['pending', 'unshipped', 'partiallyShipped', 'shipped', 'cancelled']);
export type OrderStatus = z.infer<typeof OrderStatus>;

const Count = z.number().int().min(0).max(100_000);

export const Package = z.object({
  carrier: z.string().max(200).optional(),
  trackingNumber: z.string().max(200).optional(),
  /** When the package was handed over / ship-confirmed, if the source says. */
  shipTime: EpochMs.optional(),
  /** At least one carrier scan is known to exist (true) or known to be missing (false). */
  carrierScanned: z.boolean().optional(),
  /** When the tracking number was entered, where the source says: entered after delivery it is invalid (metrics-spec §2 VTR). */
  trackingEnteredAt: EpochMs.optional(),
  /** Delivered (a delivery scan), where the source says. */
  deliveredAt: EpochMs.optional(),
  /** The carrier's shipping service on this package (`ShippingService`), for breakdowns. */
  shippingService: z.string().max(200).optional(),
});
export type Package = z.infer<typeof Package>;

/**
 * When the seller confirmed shipment. Exact when the source gives a time (SP-API `shipTime`, the
 * page's own confirm request); otherwise bracketed between the last sighting as unshipped and the
 * first as shipped (metrics-spec §7).
 */
export const ShipConfirmation = z.object({
  at: EpochMs.optional(),
  notBefore: EpochMs.optional(),
  notAfter: EpochMs.optional(),
});
export type ShipConfirmation = z.infer<typeof ShipConfirmation>;

export const CancelledBy = z.enum(['SELLER', 'AMAZON', 'BUYER']);
export type CancelledBy = z.infer<typeof CancelledBy>;

export const Cancellation = z.object({
  at: EpochMs.optional(),
  by: CancelledBy.optional(),
  /** The buyer asked for it through Amazon: such a cancellation does not count (metrics-spec §2). */
  buyerRequested: z.boolean().optional(),
});
export type Cancellation = z.infer<typeof Cancellation>;

/**
 * One line of the order: what it sold and how many units (metrics-spec §7). OTDR counts units;
 * breakdowns (§3.1) name the SKU, ASIN and category. A quantity the source does not give stays absent.
 */
export const OrderItem = z.object({
  sku: z.string().max(200).optional(),
  asin: z.string().max(20).optional(),
  /** Amazon's product category (browse root or product type), where the source has one. */
  category: z.string().max(100).optional(),
  quantityOrdered: Count.optional(),
  quantityShipped: Count.optional(),
});
export type OrderItem = z.infer<typeof OrderItem>;

/** A sum of money as the source writes it: the amount in the currency's major unit (11.99 USD, 980 JPY). */
export const Money = z.object({ amount: z.number().min(0).max(1e12), currency: z.string().regex(/^[A-Z]{3}$/) });
export type Money = z.infer<typeof Money>;

/** Amazon Business invoice state (Invoice Defect Rate, metrics-spec §2; UK, DE, FR, IT, ES only). */
export const InvoiceState = z.object({
  /** `uploaded`: an invoice is on the order; `missing`: the source says none was uploaded. */
  status: z.enum(['uploaded', 'missing']).optional(),
  uploadedAt: EpochMs.optional(),
});
export type InvoiceState = z.infer<typeof InvoiceState>;

export const Order = z.object({
  orderId: OrderId,
  marketplaceId: MarketplaceId,
  channel: FulfillmentChannel.optional(),
  orderDate: EpochMs,
  /** When the buyer's payment cleared (`payments-date`); the 72-hour dispatch rule counts from it (spec §5). */
  paymentDate: EpochMs.optional(),
  status: OrderStatus.optional(),
  /** An Amazon Business order (`isBusinessOrder`, `is-business-order`): Invoice Defect Rate's population. */
  businessOrder: z.boolean().optional(),
  /** The shipping service the buyer chose (`shippingService`: `Standard`, `Expedited`), for breakdowns. */
  shippingService: z.string().max(200).optional(),
  items: z.array(OrderItem).max(200).optional(),
  /** What the items cost the buyer (sum of the lines, without shipping), where the source says: JP's VTR exemption. */
  itemsValue: Money.optional(),
  invoice: InvoiceState.optional(),
  /** Units shipped under an OTDR protection (automated handling time, Buy Shipping): left out of OTDR when true (spec §2). */
  deliveryProtected: z.boolean().optional(),
  /** Expected ship date: the late-shipment deadline. */
  latestShipDate: EpochMs.optional(),
  /** Promised delivery date. */
  latestDeliveryDate: EpochMs.optional(),
  /** Amazon auto-cancels an unconfirmed order at this instant (`cancellationDate` in page JSON). */
  autoCancelDate: EpochMs.optional(),
  shipConfirmation: ShipConfirmation.optional(),
  packages: z.array(Package).max(100).optional(),
  deliveredAt: EpochMs.optional(),
  cancellation: Cancellation.optional(),
  /** The buyer has an open request to cancel (not yet acted on). */
  buyerCancelRequestOpen: z.boolean().optional(),
  /** Amazon's own flags on the order (`orderStatus.Late`, `orderStatus.AtRiskOfCancellation`). */
  amazonLate: z.boolean().optional(),
  amazonAtRiskOfCancellation: z.boolean().optional(),
  /** When this information was seen (capture time, or the report's generation time). */
  observedAt: EpochMs,
  /** Which reader produced it, e.g. `orders-api/search`, `sp-api/orders-v0`, `flat/unshipped`. */
  source: z.string().min(1).max(64),
});
export type Order = z.infer<typeof Order>;
