/**
 * Pre-fulfillment Cancel Rate, seller-fulfilled only (metrics-spec v2 §2): MFN orders by order date;
 * bad when an order or item cancellation was executed by the seller, but not when the buyer asked for
 * it through Amazon. An auto-cancel (unconfirmed 7 business days after ship-by) is a defect placed on
 * the day of the auto-cancel, not the order date (which is at least nine days earlier and could never
 * fall in a 7-day window); Amazon's cancellation before the ship-by date (payment, fraud) does not count.
 */
import type { OrderFacts } from './order-facts';
import type { FactsContext } from './order-facts';
import { channelGate, placeOn, type PopulationDefinition } from './population';

/** [decision] An open buyer request answered by the seller's (or Amazon's) cancellation is the buyer's request. */
function buyerAsked(facts: OrderFacts): boolean {
  const { cancellation, buyerCancelRequestOpen } = facts.order;
  return cancellation?.buyerRequested === true || cancellation?.by === 'BUYER' || buyerCancelRequestOpen === true;
}

function cancelMembership(facts: OrderFacts, ctx: FactsContext): 'good' | 'bad' | 'unknown' {
  const { order } = facts;
  const cancellation = order.cancellation;
  if (cancellation === undefined && !facts.cancelled) {
    // §7: with no status from any source, "not cancelled" is not known either.
    return order.status === undefined ? 'unknown' : 'good';
  }
  if (buyerAsked(facts)) return 'good';
  if (cancellation?.by === 'AMAZON') return facts.cancelledByAmazonEarly ? 'good' : 'bad';
  if (cancellation?.by === 'SELLER') {
    // [decision, engine.countCancelsWithUnknownRequester] A seller's cancellation whose source does not
    // say who asked counts: Amazon records buyer requests, so a missing flag most likely means none.
    return cancellation.buyerRequested === false || ctx.engine.countCancelsWithUnknownRequester ? 'bad' : 'unknown';
  }
  return 'unknown'; // cancelled, by whom unknown
}

export const cancelRate: PopulationDefinition = {
  id: 'cr',
  volume: 'MFN',
  place(facts, ctx, out) {
    const gate = channelGate(facts, 'MFN');
    if (gate === 'out') out.membership = 'none';
    else if (gate === 'unknown') placeOn(out, 'unknown', facts.orderDay);
    else if (facts.autoCancelled) placeOn(out, buyerAsked(facts) ? 'good' : 'bad', facts.autoCancelDay);
    else placeOn(out, cancelMembership(facts, ctx), facts.orderDay);
  },
};
