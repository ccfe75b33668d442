/**
 * Late Shipment Rate, seller-fulfilled only (metrics-spec §2), shared by `lsr.10d` and `lsr.30d`,
 * which differ only in their window. Orders by expected ship date (`latestShipDate`), not cancelled,
 * that are ship-confirmed or already overdue. Bad: confirmed after `latestShipDate`, or overdue and
 * unconfirmed (it will be late whenever confirmed) until its auto-cancel deadline; auto-cancelled, it
 * leaves LSR for CR (spec v2 §2, `isMfnToJudge`). Unconfirmed orders not yet due are not in the
 * population (§6: "unconfirmed orders due later today are not in the population yet"): they are
 * `pending`, expected on time in the projection.
 */
import { isMfnToJudge, placeOn, type PopulationDefinition } from './population';

export const lateShipment: PopulationDefinition = {
  id: 'lsr',
  volume: 'MFN',
  place(facts, _ctx, out) {
    const day = facts.shipByDay;
    if (!isMfnToJudge(facts, day, out)) return;
    if (facts.ship === 'confirmed') {
      placeOn(out, facts.lateness === 'late' ? 'bad' : facts.lateness === 'onTime' ? 'good' : 'unknown', day);
    } else if (facts.ship === 'unconfirmed') {
      placeOn(out, facts.overdue ? 'bad' : 'pending', day);
    } else {
      placeOn(out, 'unknown', day);
    }
  },
};
