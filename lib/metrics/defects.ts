/**
 * Which customer-side events make an order defective (metrics-spec §2, "What is a defect"), gathered
 * per order so the single pass over orders can ask "is this order defective" in one map lookup.
 */
import type { Cancellation, Claim, Defect, FulfillmentChannel, Order } from '../model';

export interface OrderDefects {
  orderId: string;
  /** From the defects, for orders not seen otherwise (the first defect that says). */
  channel: FulfillmentChannel | undefined;
  orderDate: number | undefined;
  /** Counting defects of each kind (§2: each kind has its own count; one order counts once in ODR). */
  negativeFeedback: boolean;
  claim: boolean;
  chargeback: boolean;
  /** A claim reimbursed by Amazon: counts only on an order the seller or Amazon cancelled (§2). */
  amazonFundedClaim: boolean;
  /** Defects the seller can still act on (spec §5): open claims and chargebacks, unanswered 1–2-star feedback. */
  open: Defect[];
  /** Set by the pass over orders when the order itself is known locally. */
  orderSeen: boolean;
}

/** §2: 1–2 stars, not removed, struck through or withdrawn (the reader folds those into `removed`). */
export function isNegativeFeedback(defect: Defect): boolean {
  return defect.kind === 'feedback' && defect.rating <= 2 && defect.removed !== true;
}

/**
 * Spec v2 §2.1, Buy Shipping Claims Protection: Amazon funds the claim only with all three conditions
 * shown — a "Claims Protected" service, no "Late Delivery Risk" label, an on-time first carrier scan.
 */
export function isBuyShippingProtected(claim: Claim): boolean {
  const p = claim.protection;
  return p?.claimsProtectedService === true && p.lateDeliveryRiskLabel === false && p.onTimeFirstScan === true;
}

/**
 * Spec v2 §2.1: counts when granted with the seller at fault, granted with no protection shown, or
 * refunded by the seller while open (which forfeits any protection). A claim still open is a risk, not
 * a counted defect (the help page no longer lists pending claims); denied, withdrawn or Amazon-funded
 * ones do not count.
 */
export function claimCounts(claim: Claim): boolean {
  if (claim.status === 'grantedSellerFault' || claim.status === 'refundedBySeller') return true;
  return claim.status === 'granted' && !isBuyShippingProtected(claim);
}

/**
 * §2: a service chargeback counts while open and when decided against the seller [decision: one
 * decided for the seller or withdrawn does not, as for claims]; an unconfirmed fraud chargeback
 * counts unless the seller excludes fraud chargebacks in options.
 */
export function chargebackCounts(defect: Defect, countFraudChargebacks: boolean): boolean {
  if (defect.kind !== 'chargeback') return false;
  if (defect.fraud === true && !countFraudChargebacks) return false;
  return defect.status === 'open' || defect.status === 'decidedAgainstSeller';
}

/** The seller can still act on it (§5). Feedback: negative and not yet answered. */
export function isOpenDefect(defect: Defect, countFraudChargebacks: boolean): boolean {
  switch (defect.kind) {
    case 'feedback':
      return isNegativeFeedback(defect) && defect.responded !== true;
    case 'claim':
      return defect.status === 'open';
    case 'chargeback':
      return defect.status === 'open' && chargebackCounts(defect, countFraudChargebacks);
    default:
      return false;
  }
}

export function cancelledBySellerOrAmazon(cancellation: Cancellation | undefined): boolean {
  return cancellation?.by === 'SELLER' || cancellation?.by === 'AMAZON';
}

/** Does this order count as defective in ODR? */
export function isDefective(defects: OrderDefects | undefined, order: Order | undefined): boolean {
  if (!defects) return false;
  if (defects.negativeFeedback || defects.claim || defects.chargeback) return true;
  return defects.amazonFundedClaim && cancelledBySellerOrAmazon(order?.cancellation);
}

/** Claims part: as `isDefective`, for claims only. */
export function hasCountingClaim(defects: OrderDefects | undefined, order: Order | undefined): boolean {
  if (!defects) return false;
  return defects.claim || (defects.amazonFundedClaim && cancelledBySellerOrAmazon(order?.cancellation));
}

/**
 * Groups a marketplace's defects by order. The same defect read twice (same `id`) is kept once: the
 * most recently observed reading of it wins, so a claim seen open and later denied counts as denied.
 */
export function indexDefects(defects: readonly Defect[], marketplaceId: string, countFraudChargebacks: boolean): Map<string, OrderDefects> {
  const latest = new Map<string, Defect>();
  for (const defect of defects) {
    if (defect.marketplaceId !== marketplaceId) continue;
    const seen = latest.get(defect.id);
    if (!seen || defect.observedAt > seen.observedAt) latest.set(defect.id, defect);
  }
  const byOrder = new Map<string, OrderDefects>();
  for (const defect of latest.values()) {
    let entry = byOrder.get(defect.orderId);
    if (!entry) {
      entry = {
        orderId: defect.orderId,
        channel: undefined,
        orderDate: undefined,
        negativeFeedback: false,
        claim: false,
        chargeback: false,
        amazonFundedClaim: false,
        open: [],
        orderSeen: false,
      };
      byOrder.set(defect.orderId, entry);
    }
    entry.channel ??= defect.channel;
    entry.orderDate ??= defect.orderDate;
    if (isNegativeFeedback(defect)) entry.negativeFeedback = true;
    if (defect.kind === 'claim') {
      if (claimCounts(defect)) entry.claim = true;
      else if (defect.status === 'grantedAmazonFunded' || (defect.status === 'granted' && isBuyShippingProtected(defect))) entry.amazonFundedClaim = true;
    }
    if (chargebackCounts(defect, countFraudChargebacks)) entry.chargeback = true;
    if (isOpenDefect(defect, countFraudChargebacks)) entry.open.push(defect);
  }
  return byOrder;
}
