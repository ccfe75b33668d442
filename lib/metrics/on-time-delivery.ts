/**
 * On-Time Delivery Rate, seller-fulfilled only (metrics-spec §2): MFN shipments with valid tracking,
 * by promised delivery day (`latestDeliveryDate`); good when delivered on or before that local day.
 * The numerator counts GOOD events, as Amazon's report does.
 * Not yet delivered and promised today or later: `pending` (expected on time). Promised on a past
 * day with no delivery seen: `unknown` [decision: a missing delivery scan is not a late delivery].
 * Unconfirmed orders promised today or later are `pending` too: expected shipped on time and delivered.
 */
import { isMfnToJudge, placeOn, type PopulationDefinition } from './population';

export const onTimeDelivery: PopulationDefinition = {
  id: 'otdr',
  channel: 'MFN',
  place(facts, ctx, out) {
    const day = facts.deliverByDay;
    if (!isMfnToJudge(facts, day, out)) return;
    if (facts.ship === 'confirmed') {
      if (facts.tracking === 'invalid') out.membership = 'none';
      else if (facts.tracking === 'unknown') placeOn(out, 'unknown', day);
      else if (!Number.isNaN(facts.deliveredDay)) placeOn(out, facts.deliveredDay <= day ? 'good' : 'bad', day);
      else placeOn(out, day >= ctx.today ? 'pending' : 'unknown', day);
    } else if (facts.ship === 'unconfirmed') {
      if (day >= ctx.today) placeOn(out, 'pending', day);
      else out.membership = 'none';
    } else {
      placeOn(out, 'unknown', day);
    }
  },
};
