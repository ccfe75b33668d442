/**
 * The demo seller's ground truth: what really happened to each order, in epoch milliseconds.
 * The endpoint bodies (api.ts) are derived from it; tests compare what the extension derived with it.
 */
export type Channel = 'MFN' | 'AFN';
export type DemoStatus = 'Pending' | 'Unshipped' | 'Shipped' | 'Canceled';

/** Why an order is in the account: background trade, or a situation the demo must show. */
export type Scenario =
  | 'pending'
  | 'due-soon'
  | 'overdue'
  | 'auto-cancel-soon'
  | 'auto-cancelled'
  | 'late-delivery-bulk'
  | 'late-shipment'
  | 'no-tracking'
  | 'seller-cancel'
  | 'buyer-cancel'
  | 'buyer-cancel-open'
  | 'negative-feedback'
  | 'removed-feedback'
  | 'claim'
  | 'chargeback';

export interface DemoItem {
  orderItemId: string;
  asin: string;
  sellerSku: string;
  title: string;
  quantity: number;
  unitPrice: number;
}

export interface DemoPackage {
  carrierName: string | null;
  trackingId: string | null;
  /** The moment the shipment was confirmed (the demo's sellers confirm as they ship). */
  shipDate: number;
  /** The carrier's service, where the confirm-shipment form gave one. */
  shippingService?: string | null;
}

export interface DemoOrder {
  amazonOrderId: string;
  channel: Channel;
  orderDate: number;
  earliestShipDate: number;
  latestShipDate: number;
  earliestDeliveryDate: number;
  latestDeliveryDate: number;
  /** Amazon's auto-cancel deadline for an unconfirmed MFN order (the end of the 7th business day after ship-by); null for FBA. */
  cancellationDate: number | null;
  shippingService: 'Standard' | 'Expedited';
  items: DemoItem[];
  status: DemoStatus;
  /** Ship confirmation (MFN) or Amazon's shipment (FBA); null while unshipped. */
  shipConfirmedAt: number | null;
  package: DemoPackage | null;
  /** Carrier delivery; internal only (Amazon's on-time-delivery reading uses it; orders-api does not show it). */
  deliveredAt: number | null;
  cancelledAt: number | null;
  /** AMAZON: auto-cancelled at `cancellationDate`, never confirmed (metrics-spec v2 §2). */
  cancelledBy: 'SELLER' | 'BUYER' | 'AMAZON' | null;
  buyerCancelRequest: { requestedAt: number; reason: string } | null;
  scenarios: Scenario[];
}

export interface DemoFeedback {
  feedbackId: string;
  orderId: string;
  rating: 1 | 2 | 3 | 4 | 5;
  comments: string;
  date: number;
  /** REMOVED: Amazon struck it through; it no longer counts as a defect. */
  status: 'ACTIVE' | 'REMOVED';
  arrivedOnTime: boolean;
  itemAsDescribed: boolean;
  customerServiceOk: boolean | null;
}

export interface DemoClaim {
  claimId: string;
  orderId: string;
  filedAt: number;
  /** GRANTED (seller at fault) counts as a defect; PENDING is a risk, not yet a defect (metrics-spec v2 §2.1); DENIED does not. */
  status: 'PENDING' | 'GRANTED' | 'DENIED';
  reason: string;
  amount: number;
  /** "Respond by" while pending (72 hours after filing); null once decided. */
  respondBy: number | null;
}

export interface DemoChargeback {
  id: string;
  orderId: string;
  filedAt: number;
  status: 'OPEN' | 'CLOSED';
  reasonCode: string;
  amount: number;
  /** "Respond by" while open (7 days after filing); null once closed. */
  respondBy: number | null;
}

export interface DemoSellerData {
  marketplaceId: string;
  timeZone: string;
  orders: DemoOrder[];
  feedback: DemoFeedback[];
  claims: DemoClaim[];
  chargebacks: DemoChargeback[];
}
