/**
 * What the demo's confirm-shipment and cancel forms do to the ground truth, as Seller Central would:
 * the order is shipped (with whatever carrier and tracking id the seller typed, right or wrong) or
 * cancelled. The page then shows the order again, whose JSON the extension reads as on Amazon.
 */
import type { DemoSeller } from './generate';

export interface FormFields {
  carrier?: string;
  /** The name typed after choosing "Other". */
  carrierName?: string;
  shippingService?: string;
  trackingId?: string;
  reason?: string;
}

export function parseForm(body: string | undefined): FormFields {
  try {
    const value = JSON.parse(body ?? '{}') as Record<string, unknown>;
    const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
    return {
      carrier: text('carrier'),
      carrierName: text('carrierName'),
      shippingService: text('shippingService'),
      trackingId: text('trackingId'),
      reason: text('reason'),
    };
  } catch {
    return {};
  }
}

const mfnOrder = (seller: DemoSeller, orderId: string, status: 'Unshipped' | 'Shipped') =>
  seller.orders.find((o) => o.amazonOrderId === orderId && o.channel === 'MFN' && o.status === status);
const openOrder = (seller: DemoSeller, orderId: string) => mfnOrder(seller, orderId, 'Unshipped');

/** The carrier as the order will show it: the name typed for "Other" where there is one (invented: Amazon's own is unknown). */
const carrierOf = (form: FormFields) => (form.carrier?.trim() === 'Other' && form.carrierName?.trim()) || form.carrier?.trim() || null;

/** Ship-confirms an unshipped MFN order now; false when there is no such order. */
export function confirmShipment(seller: DemoSeller, orderId: string, form: FormFields, now = Date.now()): boolean {
  const order = openOrder(seller, orderId);
  if (!order) return false;
  order.status = 'Shipped';
  order.shipConfirmedAt = now;
  order.package = {
    carrierName: carrierOf(form),
    trackingId: form.trackingId?.trim() || null,
    shipDate: now,
    shippingService: form.shippingService?.trim() || null,
  };
  return true;
}

/** "Re-confirm Shipment" on a shipped MFN order: its package's carrier and tracking change, its confirmation time does not. */
export function editShipment(seller: DemoSeller, orderId: string, form: FormFields): boolean {
  const order = mfnOrder(seller, orderId, 'Shipped');
  if (!order?.package) return false;
  order.package = {
    ...order.package,
    carrierName: carrierOf(form),
    trackingId: form.trackingId?.trim() || null,
    shippingService: form.shippingService?.trim() || order.package.shippingService || null,
  };
  return true;
}

/** Cancels an unshipped MFN order now: the buyer's cancellation when they asked and the reason says so. */
export function cancelOrder(seller: DemoSeller, orderId: string, form: FormFields, now = Date.now()): boolean {
  const order = openOrder(seller, orderId);
  if (!order) return false;
  order.status = 'Canceled';
  order.cancelledAt = now;
  order.cancelledBy = form.reason === 'BuyerCanceled' && order.buyerCancelRequest ? 'BUYER' : 'SELLER';
  // Cancelled for another reason, a buyer's request no longer marks it (its JSON would say "buyer requested").
  if (order.cancelledBy === 'SELLER') order.buyerCancelRequest = null;
  return true;
}
