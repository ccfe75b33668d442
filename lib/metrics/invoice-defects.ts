/**
 * Invoice Defect Rate, UK/DE/FR/IT/ES only (metrics-spec v2 §2): Amazon Business orders by order date
 * (days today−14 … today−8); bad when no invoice was uploaded by the end of the business day after
 * ship confirmation. Invoice state is rarely known locally: an order whose invoice state no source
 * gives is `unknown`, and Amazon's reading leads. An order whose business flag no source gives is left
 * out [decision: business orders are a small share; counting every order of unknown kind as unknown
 * would drown the figure].
 */
import type { Membership } from './day-counts';
import type { FactsContext, OrderFacts } from './order-facts';
import { placeOn, type PopulationDefinition } from './population';

/** The end of the business day after the confirmation day, or NaN when the confirmation day is unknown. */
export function invoiceDeadline(facts: OrderFacts, ctx: FactsContext): number {
  if (Number.isNaN(facts.confirmDay)) return Number.NaN;
  return ctx.calendar.endOf(ctx.businessDays.after(facts.confirmDay, 1));
}

function membershipOf(facts: OrderFacts, ctx: FactsContext): Membership {
  const invoice = facts.order.invoice;
  if (facts.ship === 'unconfirmed') return 'pending';
  if (facts.ship !== 'confirmed' || invoice?.status === undefined) return 'unknown';
  const deadline = invoiceDeadline(facts, ctx);
  if (invoice.status === 'uploaded') {
    if (invoice.uploadedAt === undefined || Number.isNaN(deadline)) return 'good';
    return invoice.uploadedAt > deadline ? 'bad' : 'good';
  }
  if (Number.isNaN(deadline)) return 'unknown';
  return ctx.asOf > deadline ? 'bad' : 'pending';
}

export const invoiceDefects: PopulationDefinition = {
  id: 'idr',
  volume: 'business',
  place(facts, ctx, out) {
    if (!facts.business || facts.cancelled || facts.autoCancelled) out.membership = 'none';
    else placeOn(out, membershipOf(facts, ctx), facts.orderDay);
  },
};
