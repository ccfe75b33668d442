import { z } from 'zod';
import { EpochMs } from './time';
import { FulfillmentChannel, MarketplaceId, OrderId } from './order';

/**
 * Customer-side events that can make an order defective (metrics-spec §2 "What is a defect").
 * Whether one counts is decided by the engine, not here: the model keeps what Amazon shows.
 */

const DefectBase = z.object({
  /** Stable id: Amazon's id where it has one, else `${kind}:${orderId}`. */
  id: z.string().min(1).max(128),
  orderId: OrderId,
  marketplaceId: MarketplaceId,
  /** The order's date and channel when the source gives them, for orders not seen otherwise. */
  orderDate: EpochMs.optional(),
  channel: FulfillmentChannel.optional(),
  /** When the event happened (feedback left, claim or chargeback filed). */
  date: EpochMs,
  /** When the seller must respond by, if known. */
  responseDeadline: EpochMs.optional(),
  observedAt: EpochMs,
  source: z.string().min(1).max(64),
});

export const Feedback = DefectBase.extend({
  kind: z.literal('feedback'),
  rating: z.number().int().min(1).max(5),
  /** Removed or struck through by Amazon, or withdrawn by the buyer: does not count. */
  removed: z.boolean().optional(),
  /** The seller has answered it publicly. */
  responded: z.boolean().optional(),
  /** The buyer's comment, kept for removal-ground classification; rendered as text only. */
  comment: z.string().max(5000).optional(),
});
export type Feedback = z.infer<typeof Feedback>;

/** A-to-z Guarantee claim states, normalised. */
export const ClaimStatus = z.enum([
  'open', // pending a decision: an at-risk order, not a counted defect (metrics-spec v2 §2.1)
  'granted', // granted, who pays not said: counts unless its Buy Shipping protection is shown (below)
  'grantedSellerFault', // counts
  'refundedBySeller', // refunded by the seller while open: counts, and forfeits any protection
  'grantedAmazonFunded', // reimbursed by Amazon (Buy Shipping Claims Protection): does not count
  'denied', // does not count
  'withdrawn', // does not count
]);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/**
 * Buy Shipping Claims Protection (metrics-spec §2.1 [A]): a claim is Amazon's to fund only with all
 * three: a "Claims Protected" service without a "Late Delivery Risk" label, and an on-time first
 * carrier scan. Each is unknown unless a source says.
 */
export const ClaimProtection = z.object({
  claimsProtectedService: z.boolean().optional(),
  lateDeliveryRiskLabel: z.boolean().optional(),
  onTimeFirstScan: z.boolean().optional(),
});
export type ClaimProtection = z.infer<typeof ClaimProtection>;

export const Claim = DefectBase.extend({
  kind: z.literal('claim'),
  status: ClaimStatus,
  protection: ClaimProtection.optional(),
});
export type Claim = z.infer<typeof Claim>;

export const ChargebackStatus = z.enum(['open', 'decidedAgainstSeller', 'decidedForSeller', 'withdrawn']);
export type ChargebackStatus = z.infer<typeof ChargebackStatus>;

export const Chargeback = DefectBase.extend({
  kind: z.literal('chargeback'),
  status: ChargebackStatus,
  /** A fraud chargeback (stolen card): left out by default (spec v2 §2.1), counted if the seller chooses in options. */
  fraud: z.boolean().optional(),
});
export type Chargeback = z.infer<typeof Chargeback>;

export const Defect = z.discriminatedUnion('kind', [Feedback, Claim, Chargeback]);
export type Defect = z.infer<typeof Defect>;
