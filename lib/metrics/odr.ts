/**
 * Order Defect Rate, seller-fulfilled and FBA separately (metrics-spec §2): orders by order date,
 * bad when they have at least one counting defect (negative feedback, A-to-z claim, chargeback),
 * counted once however many defects they have. The three parts are counted alongside.
 */
import type { FulfillmentChannel } from '../model';
import { DaySeries, type Placement } from './day-counts';
import { hasCountingClaim, isDefective } from './defects';
import type { OrderFacts } from './order-facts';
import { channelGate, placeOn, type PopulationDefinition } from './population';

function orderDefectPopulation(id: 'odr.mfn' | 'odr.afn', channel: FulfillmentChannel): PopulationDefinition {
  return {
    id,
    volume: channel,
    place(facts, _ctx, out) {
      const gate = channelGate(facts, channel);
      if (gate === 'out') out.membership = 'none';
      else if (gate === 'unknown') placeOn(out, 'unknown', facts.orderDay);
      else placeOn(out, isDefective(facts.defects, facts.order) ? 'bad' : 'good', facts.orderDay);
    },
  };
}

export const orderDefectsMfn = orderDefectPopulation('odr.mfn', 'MFN');
export const orderDefectsAfn = orderDefectPopulation('odr.afn', 'AFN');

/** Orders with at least one counting defect of each kind, per day (§2: each kind has its own count). */
export class OdrPartCounts {
  readonly negativeFeedback: DaySeries;
  readonly claims: DaySeries;
  readonly chargebacks: DaySeries;

  constructor(firstDay: number, lastDay: number) {
    this.negativeFeedback = new DaySeries(firstDay, lastDay);
    this.claims = new DaySeries(firstDay, lastDay);
    this.chargebacks = new DaySeries(firstDay, lastDay);
  }

  add(facts: OrderFacts, placement: Placement): void {
    if (placement.membership !== 'bad' || !facts.defects) return;
    if (facts.defects.negativeFeedback) this.negativeFeedback.add(placement.day);
    if (hasCountingClaim(facts.defects, facts.order)) this.claims.add(placement.day);
    if (facts.defects.chargeback) this.chargebacks.add(placement.day);
  }

  sum(from: number, to: number): { negativeFeedback: number; claims: number; chargebacks: number } {
    return {
      negativeFeedback: this.negativeFeedback.sum(from, to),
      claims: this.claims.sum(from, to),
      chargebacks: this.chargebacks.sum(from, to),
    };
  }
}
