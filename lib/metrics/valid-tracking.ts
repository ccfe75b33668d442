/**
 * Valid Tracking Rate, seller-fulfilled only (metrics-spec v2 §2): confirmed MFN **packages**, by their
 * order's promised delivery day (`latestDeliveryDate`); good when the package has a carrier and a
 * tracking number entered before delivery (and no known missing carrier scan). The numerator counts
 * GOOD packages, as Amazon's report does. Packages of orders worth less than the marketplace's
 * exemption (JP: ¥1,000) leave the population. Unconfirmed orders are `pending`: expected confirmed,
 * with tracking, and counted on their promised delivery day (today when that has passed).
 * Per category: the pass also counts each order under its category (order-pass.ts).
 */
import { channelGate, placeOn, type PopulationDefinition } from './population';

export const validTracking: PopulationDefinition = {
  id: 'vtr',
  volume: 'MFN',
  place(facts, ctx, out) {
    const gate = channelGate(facts, 'MFN');
    const day = facts.deliverByDay;
    // With no promised delivery the packages cannot be windowed: reported as unknown on the ship-by day.
    const unknownDay = Number.isNaN(day) ? facts.shipByDay : day;
    if (gate === 'out' || facts.cancelled || facts.autoCancelled || facts.vtrExempt) {
      out.membership = 'none';
    } else if (gate === 'unknown') {
      placeOn(out, 'unknown', unknownDay, facts.packages);
    } else if (facts.ship === 'confirmed') {
      if (facts.tracking === 'unknown' || Number.isNaN(day)) placeOn(out, 'unknown', unknownDay, facts.packages);
      else placeOn(out, facts.invalidPackages > 0 ? 'bad' : 'good', day, facts.packages, facts.invalidPackages);
    } else if (facts.ship === 'unconfirmed') {
      placeOn(out, 'pending', Number.isNaN(day) ? ctx.today : Math.max(day, ctx.today));
    } else {
      placeOn(out, 'unknown', unknownDay, facts.packages);
    }
  },
};
