/**
 * Pre-fulfillment Cancel Rate, seller-fulfilled only (metrics-spec §2): MFN orders by order date;
 * bad when an order or item cancellation was executed by the seller or by Amazon (auto-cancel of an
 * unconfirmed shipment), but not when the buyer asked for it through Amazon.
 */
import type { OrderFacts } from './order-facts';
import type { FactsContext } from './order-facts';
import { channelGate, placeOn, type PopulationDefinition } from './population';

function cancelMembership(facts: OrderFacts, ctx: FactsContext): 'good' | 'bad' | 'unknown' {
  const { order } = facts;
  const cancellation = order.cancellation;
  if (cancellation === undefined && !facts.cancelled) {
    // §7: with no status from any source, "not cancelled" is not known either.
    return order.status === undefined ? 'unknown' : 'good';
  }
  // [decision] An open buyer request answered by the seller's cancellation is the buyer's request.
  if (cancellation?.buyerRequested === true || cancellation?.by === 'BUYER' || order.buyerCancelRequestOpen === true) return 'good';
  if (cancellation?.by === 'AMAZON') return 'bad';
  if (cancellation?.by === 'SELLER') {
    // [decision, engine.countCancelsWithUnknownRequester] A seller's cancellation whose source does not
    // say who asked counts: Amazon records buyer requests, so a missing flag most likely means none.
    return cancellation.buyerRequested === false || ctx.engine.countCancelsWithUnknownRequester ? 'bad' : 'unknown';
  }
  return 'unknown'; // cancelled, by whom unknown
}

export const cancelRate: PopulationDefinition = {
  id: 'cr',
  channel: 'MFN',
  place(facts, ctx, out) {
    const gate = channelGate(facts, 'MFN');
    if (gate === 'out') out.membership = 'none';
    else if (gate === 'unknown') placeOn(out, 'unknown', facts.orderDay);
    else placeOn(out, cancelMembership(facts, ctx), facts.orderDay);
  },
};
