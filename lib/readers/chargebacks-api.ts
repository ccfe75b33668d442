import { z } from 'zod';
import type { Chargeback, ChargebackStatus } from '../model';
import { jsonReader, mapAll } from './input';
import { defined } from './order-fields';
import { instant, maybe } from './schemas';

/**
 * Chargeback claims, `GET /chargebacks/api/v1/chargebacks` (shape in seller-central.md; no real
 * sample): `{chargebacks: [{id, status, reasonCode, filingDate, relatedOrders: [{orderId, orderDate}]}]}`.
 * One defect per related order: id = the chargeback id, suffixed with the order id when the
 * chargeback names several orders.
 *
 * The status decides whether it counts, so an unknown status word is not guessed: the response is
 * "invalid". A bare `CLOSED` is such a word (closed for or against the seller?).
 */

const FORMAT = 'chargebacks-api';

const STATUSES: Record<string, ChargebackStatus> = {
  OPEN: 'open',
  PENDING: 'open',
  NEW: 'open',
  INPROGRESS: 'open',
  UNDERREVIEW: 'open',
  AWAITINGSELLERRESPONSE: 'open',
  REPRESENTED: 'open',
  DECIDEDAGAINSTSELLER: 'decidedAgainstSeller',
  SELLERLIABLE: 'decidedAgainstSeller',
  SELLERATFAULT: 'decidedAgainstSeller',
  LOST: 'decidedAgainstSeller',
  DECIDEDFORSELLER: 'decidedForSeller',
  SELLERNOTLIABLE: 'decidedForSeller',
  WON: 'decidedForSeller',
  REVERSED: 'decidedForSeller',
  WITHDRAWN: 'withdrawn',
};

/** Card-network reason wording for fraud (unconfirmed: counted unless the seller excludes it). */
const FRAUD_REASON = /fraud|unauthori[sz]ed|no cardholder authori[sz]ation/i;

const Item = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  status: z.string(),
  reasonCode: maybe(z.string()),
  filingDate: instant,
  /** "Respond by" of an open chargeback, when the JSON carries it. */
  respondByDate: maybe(instant),
  responseDueDate: maybe(instant),
  marketplaceId: maybe(z.string()),
  relatedOrders: z.array(z.object({ orderId: z.string().min(1), orderDate: maybe(instant) })).min(1),
});
type Item = z.infer<typeof Item>;

function toChargebacks(c: Item, fallbackMarketplace: string | undefined, observedAt: number): Chargeback[] | string {
  const status = STATUSES[c.status.toUpperCase().replace(/[^A-Z]/g, '')];
  if (!status) return `chargeback ${c.id}: status "${c.status.slice(0, 30)}" is not one Redline knows`;
  const marketplaceId = c.marketplaceId ?? fallbackMarketplace;
  if (!marketplaceId) return `chargeback ${c.id} names no marketplace`;
  return c.relatedOrders.map((o) =>
    defined({
      kind: 'chargeback' as const,
      id: c.relatedOrders.length > 1 ? `${c.id}:${o.orderId}` : c.id,
      orderId: o.orderId,
      marketplaceId,
      orderDate: o.orderDate,
      date: c.filingDate,
      responseDeadline: c.respondByDate ?? c.responseDueDate,
      status,
      // Only a reason that says fraud sets the flag; silence is not "not fraud".
      fraud: c.reasonCode && FRAUD_REASON.test(c.reasonCode) ? true : undefined,
      observedAt,
      source: FORMAT,
    }),
  );
}

export const readChargebacksApi = jsonReader(FORMAT, z.object({ chargebacks: z.array(Item) }), (body, ctx) => {
  const perItem = mapAll(body.chargebacks, (c) => toChargebacks(c, ctx.marketplaceId, ctx.observedAt));
  return typeof perItem === 'string' ? perItem : { defects: perItem.flat() };
});
