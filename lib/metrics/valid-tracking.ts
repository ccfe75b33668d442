/**
 * Valid Tracking Rate, seller-fulfilled only (metrics-spec §2): MFN ship-confirmed orders by the day
 * of confirmation; good when every package has a carrier and a tracking number (and a carrier scan,
 * where scan data is known). The numerator counts GOOD events, as Amazon's report does.
 * Unconfirmed orders are `pending`: expected to be confirmed, with tracking, on their ship-by day
 * (today when that has passed).
 */
import { channelGate, placeOn, type PopulationDefinition } from './population';

export const validTracking: PopulationDefinition = {
  id: 'vtr',
  channel: 'MFN',
  place(facts, ctx, out) {
    const gate = channelGate(facts, 'MFN');
    if (gate === 'out' || facts.cancelled) {
      out.membership = 'none';
    } else if (gate === 'unknown') {
      placeOn(out, 'unknown', Number.isNaN(facts.confirmDay) ? facts.shipByDay : facts.confirmDay);
    } else if (facts.ship === 'confirmed') {
      placeOn(out, facts.tracking === 'valid' ? 'good' : facts.tracking === 'invalid' ? 'bad' : 'unknown', facts.confirmDay);
    } else if (facts.ship === 'unconfirmed') {
      placeOn(out, 'pending', Number.isNaN(facts.shipByDay) ? ctx.today : Math.max(facts.shipByDay, ctx.today));
    } else {
      placeOn(out, 'unknown', facts.shipByDay);
    }
  },
};
