/**
 * A metric's population (metrics-spec §2): which orders it counts, on which local day, and whether
 * each one carries the bad event. Each metric file defines one; counting, windows, the projection and
 * order impact are shared and live elsewhere.
 */
import type { FulfillmentChannel } from '../model';
import type { Membership, Placement } from './day-counts';
import type { FactsContext, OrderFacts } from './order-facts';

export type PopulationId = 'odr.mfn' | 'odr.afn' | 'lsr' | 'cr' | 'vtr' | 'otdr' | 'idr';

/** Whose daily order volume drives a population's new orders in the projection (§4). */
export type VolumeKey = FulfillmentChannel | 'business';

export interface PopulationDefinition {
  readonly id: PopulationId;
  readonly volume: VolumeKey;
  /** Writes where the order stands into `out` (reused across orders: the pass allocates nothing). */
  place(facts: OrderFacts, ctx: FactsContext, out: Placement): void;
}

/**
 * Sets a placement; a day that is unknown (NaN) leaves the order out altogether: it cannot be windowed.
 * `weight`: the order's count in the metric's unit (1 order; its packages; its units); `bad`: how many
 * of them are bad when the membership is `bad` (all, unless given).
 */
export function placeOn(out: Placement, membership: Membership, day: number, weight = 1, bad = weight): void {
  if (Number.isNaN(day)) {
    out.membership = 'none';
  } else {
    out.membership = membership;
    out.day = day;
    out.weight = weight;
    out.badWeight = membership === 'bad' ? bad : 0;
  }
}

/**
 * Does the order belong to a channel's population? An order of unknown channel may, so it is
 * `unknown` (reported, not counted as good, §7) rather than left out silently.
 */
export function channelGate(facts: OrderFacts, channel: FulfillmentChannel): 'in' | 'out' | 'unknown' {
  if (facts.channel === undefined) return 'unknown';
  return facts.channel === channel ? 'in' : 'out';
}

/**
 * The first steps of the seller-fulfilled shipment populations (LSR, OTDR): an AFN, cancelled or
 * auto-cancelled order is out (spec v2 §2: an auto-cancel replaces the late shipment), one of unknown
 * channel is `unknown` on `day`. True when the order goes on to be judged.
 */
export function isMfnToJudge(facts: OrderFacts, day: number, out: Placement): boolean {
  const gate = channelGate(facts, 'MFN');
  if (gate === 'out' || facts.cancelled || facts.autoCancelled) {
    out.membership = 'none';
    return false;
  }
  if (gate === 'unknown') {
    placeOn(out, 'unknown', day);
    return false;
  }
  return true;
}

export const newPlacement = (): Placement => ({ membership: 'none', day: 0, weight: 1, badWeight: 0 });
