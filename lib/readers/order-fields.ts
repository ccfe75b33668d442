import { MARKETPLACES } from '../marketplaces';
import type { Cancellation, CancelledBy, FulfillmentChannel, Money, Order, OrderItem, OrderStatus, ShipConfirmation } from '../model';

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
  return SALES_CHANNEL_MARKETPLACE.get(
    name
      .trim()
      .toLowerCase()
      .replace(/^www\./, ''),
  );
}

/**
 * Orders placed outside Amazon (multi-channel fulfilment: `Non-Amazon`, `NON_AMAZON`) do not count
 * in any account-health metric; readers leave them out.
 */
export const isNonAmazonChannel = (name: string | undefined) => name !== undefined && /^non[-_ ]?amazon/i.test(name.trim());

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

/** A price as a source writes it: a number or a decimal string (SP-API 2026: `"29.99"`), and its currency. */
export interface PriceLine {
  amount: number | string | undefined;
  currency: string | undefined;
}

/**
 * What the lines cost the buyer as ordered, summed (JP's VTR exemption, metrics-spec §2): only when
 * every line gives an amount in one and the same currency; otherwise unknown, never a partial sum. A
 * cancelled line is included (the order's value as ordered): whether a line was cancelled is a signal
 * a changed page can drop, a sum that moves with it would be a wrong number.
 */
export function itemsValueOf(lines: readonly PriceLine[]): Money | undefined {
  if (lines.length === 0) return undefined;
  let total = 0;
  const currency = lines[0]!.currency?.trim().toUpperCase();
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return undefined;
  for (const line of lines) {
    const amount = typeof line.amount === 'string' ? (/^\s*\d+(\.\d+)?\s*$/.test(line.amount) ? Number(line.amount) : NaN) : line.amount;
    if (amount === undefined || !Number.isFinite(amount) || amount < 0 || line.currency?.trim().toUpperCase() !== currency) return undefined;
    total += amount;
  }
  return { amount: Math.round(total * 1e6) / 1e6, currency };
}

/** A count of units: a whole number the model can hold, else unknown. */
export const unitCount = (n: number | undefined) => (n !== undefined && Number.isInteger(n) && n >= 0 && n <= 100_000 ? n : undefined);

/** A short text as the model keeps it: trimmed, cut to `max`; blank is unknown. */
export const shortText = (text: string | undefined, max = 200) => {
  const t = text?.trim();
  return t ? t.slice(0, max) : undefined;
};

/** A line of an order (lib/model OrderItem): absent fields stay absent; a quantity that is not a count is not taken. */
export function orderItem(line: { sku?: string; asin?: string; category?: string; quantityOrdered?: number; quantityShipped?: number }): OrderItem {
  return defined({
    sku: shortText(line.sku),
    asin: shortText(line.asin, 20),
    category: shortText(line.category, 100),
    quantityOrdered: unitCount(line.quantityOrdered),
    quantityShipped: unitCount(line.quantityShipped),
  });
}
