/**
 * What the demo's confirm-shipment and cancel forms do to the ground truth, as Seller Central would:
 * the order is shipped (with whatever carrier and tracking id the seller typed, right or wrong) or
 * cancelled. The page then shows the order again, whose JSON the extension reads as on Amazon.
 */
import type { DemoSeller } from './generate';

export interface FormFields {
  carrier?: string;
  trackingId?: string;
  reason?: string;
}

export function parseForm(body: string | undefined): FormFields {
  try {
    const value = JSON.parse(body ?? '{}') as Record<string, unknown>;
    const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
    return { carrier: text('carrier'), trackingId: text('trackingId'), reason: text('reason') };
  } catch {
    return {};
  }
}

const openOrder = (seller: DemoSeller, orderId: string) =>
  seller.orders.find((o) => o.amazonOrderId === orderId && o.channel === 'MFN' && o.status === 'Unshipped');

/** Ship-confirms an unshipped MFN order now; false when there is no such order. */
export function confirmShipment(seller: DemoSeller, orderId: string, form: FormFields, now = Date.now()): boolean {
  const order = openOrder(seller, orderId);
  if (!order) return false;
  order.status = 'Shipped';
  order.shipConfirmedAt = now;
  order.package = { carrierName: form.carrier?.trim() || null, trackingId: form.trackingId?.trim() || null, shipDate: now };
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
