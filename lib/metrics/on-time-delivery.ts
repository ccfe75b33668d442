/**
 * On-Time Delivery Rate, seller-fulfilled only (metrics-spec v2 §2): shipped MFN **units** with valid
 * tracking, by promised delivery day (`latestDeliveryDate`); good when delivered on or before that
 * local day. The numerator counts GOOD units, as Amazon's report does: one late order of 10 units
 * costs 10 (§6). Units shipped under an OTDR protection are left out where the source says so.
 * Not yet delivered and promised today or later: `pending` (expected on time). Promised on a past
 * day with no delivery seen: `unknown` [decision: a missing delivery scan is not a late delivery];
 * in the UK, where only units with a delivery scan count [A], such units are out.
 * Unconfirmed orders promised today or later are `pending` too: expected shipped on time and delivered.
 * An order whose units no source gives is `unknown`, counted as one.
 */
import type { Membership } from './day-counts';
import type { FactsContext, OrderFacts } from './order-facts';
import { isMfnToJudge, placeOn, type PopulationDefinition } from './population';

function membershipOf(facts: OrderFacts, ctx: FactsContext, day: number): Membership {
  if (facts.ship === 'confirmed') {
    if (facts.tracking === 'invalid') return 'none';
    if (facts.tracking === 'unknown') return 'unknown';
    if (!Number.isNaN(facts.deliveredDay)) return facts.deliveredDay <= day ? 'good' : 'bad';
    if (day >= ctx.today) return 'pending';
    return ctx.otdrScannedOnly ? 'none' : 'unknown';
  }
  if (facts.ship === 'unconfirmed') return day >= ctx.today ? 'pending' : 'none';
  return 'unknown';
}

export const onTimeDelivery: PopulationDefinition = {
  id: 'otdr',
  volume: 'MFN',
  place(facts, ctx, out) {
    const day = facts.deliverByDay;
    if (!isMfnToJudge(facts, day, out)) return;
    const membership = facts.order.deliveryProtected === true ? 'none' : membershipOf(facts, ctx, day);
    if (membership === 'none') out.membership = 'none';
    // Units unknown: the order cannot be weighed, so it is reported as one unknown (spec §7).
    else if (Number.isNaN(facts.units)) placeOn(out, 'unknown', day);
    else placeOn(out, membership, day, facts.units);
  },
};
