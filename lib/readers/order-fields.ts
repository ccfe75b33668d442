import { MARKETPLACES } from '../marketplaces';
import type { Cancellation, CancelledBy, FulfillmentChannel, Order, OrderStatus, ShipConfirmation } from '../model';

/**
 * Mappings every order reader shares: Amazon's many spellings of status, channel and canceller
 * into the model's words, and the facts an order's status gives about its ship confirmation.
 */

const STATUS_WORDS: Record<string, OrderStatus> = {
  pending: 'pending',
  pendingavailability: 'pending',
  unshipped: 'unshipped',
  partiallyshipped: 'partiallyShipped',
  shipped: 'shipped',
  // v0: "all items shipped, invoice not yet confirmed"; flat files: FBA orders done.
  invoiceunconfirmed: 'shipped',
  complete: 'shipped',
  canceled: 'cancelled',
  cancelled: 'cancelled',
};

/** Amazon's order status in any of its spellings; a word not known here stays unknown. */
export function orderStatusFrom(word: string | undefined): OrderStatus | undefined {
  return word === undefined ? undefined : STATUS_WORDS[word.toLowerCase().replace(/[^a-z]/g, '')];
}

const CHANNEL_WORDS: Record<string, FulfillmentChannel> = {
  mfn: 'MFN',
  seller: 'MFN',
  merchant: 'MFN',
  afn: 'AFN',
  amazon: 'AFN',
};

/** `MFN`/`AFN`, `Seller`/`Merchant`/`Amazon`, `MERCHANT`/`AMAZON` → the model's channel. */
export function channelFrom(word: string | undefined): FulfillmentChannel | undefined {
  return word === undefined ? undefined : CHANNEL_WORDS[word.toLowerCase().trim()];
}

const CANCELLER_WORDS: Record<string, CancelledBy> = {
  merchant: 'SELLER',
  seller: 'SELLER',
  amazon: 'AMAZON',
  buyer: 'BUYER',
  customer: 'BUYER',
};

export function cancelledByFrom(word: string | undefined): CancelledBy | undefined {
  return word === undefined ? undefined : CANCELLER_WORDS[word.toLowerCase().trim()];
}

/** When items were cancelled by different parties, the one that counts against the seller is kept. */
const CANCELLER_WEIGHT: Record<CancelledBy, number> = { SELLER: 3, AMAZON: 2, BUYER: 1 };
export const worstCanceller = (by: CancelledBy[]): CancelledBy | undefined =>
  by.reduce<CancelledBy | undefined>((worst, b) => (!worst || CANCELLER_WEIGHT[b] > CANCELLER_WEIGHT[worst] ? b : worst), undefined);

/** `Amazon.com`, `amazon.co.uk`, `www.amazon.de` → marketplace id, from the Seller Central host table. */
const SALES_CHANNEL_MARKETPLACE = new Map<string, string>(
  MARKETPLACES.flatMap((m) =>
    m.hosts.flatMap((host) => {
      const domain = /^sellercentral\.(amazon\..+)$/.exec(host)?.[1];
      return domain ? [[domain, m.marketplaceId] as const] : [];
    }),
  ),
);

export function marketplaceFromSalesChannel(name: string | undefined): string | undefined {
  if (!name) return undefined;
  return SALES_CHANNEL_MARKETPLACE.get(name.trim().toLowerCase().replace(/^www\./, ''));
}

/**
 * Orders placed outside Amazon (multi-channel fulfilment: `Non-Amazon`, `NON_AMAZON`) do not count
 * in any account-health metric; readers leave them out.
 */
export const isNonAmazonChannel = (name: string | undefined) =>
  name !== undefined && /^non[-_ ]?amazon/i.test(name.trim());

/**
 * What one sighting says about the ship confirmation (metrics-spec §7): an order seen shipped (or
 * partly shipped: its first shipment) was confirmed by then; an order seen pending or unshipped was
 * not confirmed before then. Merging sightings keeps the tightest bracket (lib/model/merge.ts).
 */
export function sightingBracket(status: OrderStatus | undefined, observedAt: number): ShipConfirmation | undefined {
  if (status === 'shipped' || status === 'partiallyShipped') return { notAfter: observedAt };
  if (status === 'pending' || status === 'unshipped') return { notBefore: observedAt };
  return undefined;
}

/**
 * The cancellation facts of an order. `cancelled`: the order or some item was cancelled.
 * `buyerRequested`: the buyer asked through Amazon (true), did not (false), unknown (undefined).
 * A buyer's request on an order still open is an open request; on a cancelled one it tells who
 * wanted the cancellation (metrics-spec §2: then it does not count).
 */
export function cancellationFields(
  cancelled: boolean,
  buyerRequested: boolean | undefined,
  by?: CancelledBy,
): Pick<Order, 'cancellation' | 'buyerCancelRequestOpen'> {
  if (cancelled) {
    const cancellation: Cancellation = {};
    if (by) cancellation.by = by;
    if (buyerRequested !== undefined) cancellation.buyerRequested = buyerRequested;
    return { cancellation };
  }
  return buyerRequested === undefined ? {} : { buyerCancelRequestOpen: buyerRequested };
}

/** Drops keys whose value is undefined, so an unknown field is absent rather than present-but-empty. */
export function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
