/**
 * Is this tracking number one Amazon will count as valid tracking (metrics-spec §2 VTR)? Checked as
 * the seller types on the confirm-shipment and buy-shipping forms, in the worker (which alone knows
 * whether another order already uses the number). Pure: the caller adds that.
 *
 * Only what can be known is said: a carrier Redline has no format for is "not checked", never "valid".
 */
import { CHECKED_COURIERS, formatOf } from './carriers';
import { courierOf } from './match';

export type TrackingProblem =
  /** No carrier chosen: the number cannot be tracked (counts as invalid). `looksLike`: the carrier to choose. */
  | { kind: 'noCarrier'; looksLike: string | null }
  /** "Other" or a name Amazon does not recognise (engine.unknownCarriers): counts as invalid. */
  | { kind: 'carrierNotRecognised'; carrier: string; looksLike: string | null }
  | { kind: 'noNumber' }
  /** Not a number of that carrier (format or check digit); `looksLike`: the carrier whose format it has. */
  | { kind: 'wrongFormat'; carrier: string; looksLike: string | null }
  /** Already on another order's shipment: a reused number is not valid tracking for this one. */
  | { kind: 'reused'; orderIds: string[] };

export interface TrackingCheck {
  /** The number as Amazon compares it: letters and digits only, upper case. */
  normalised: string;
  /** `checked`: the carrier's format is known and the number has it. */
  format: 'checked' | 'notChecked' | 'wrong';
  problems: TrackingProblem[];
}

export const normaliseTrackingNumber = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();

/** `isUnknownCarrier`: the engine's list of carrier names that make tracking invalid (`other`, `unknown`). */
export function checkTracking(carrier: string, trackingNumber: string, isUnknownCarrier: (name: string) => boolean): TrackingCheck {
  const name = carrier.trim();
  const normalised = normaliseTrackingNumber(trackingNumber);
  const problems: TrackingProblem[] = [];
  const looksLike = () => (normalised ? (courierOf(normalised, CHECKED_COURIERS)?.name ?? null) : null);
  if (!name) problems.push({ kind: 'noCarrier', looksLike: looksLike() });
  else if (isUnknownCarrier(name)) problems.push({ kind: 'carrierNotRecognised', carrier: name, looksLike: looksLike() });
  if (!normalised) {
    problems.push({ kind: 'noNumber' });
    return { normalised, format: 'notChecked', problems };
  }
  const courier = name ? formatOf(name) : undefined;
  if (!courier) return { normalised, format: 'notChecked', problems };
  if (courierOf(normalised, [courier])) return { normalised, format: 'checked', problems };
  problems.push({ kind: 'wrongFormat', carrier: name, looksLike: looksLike() });
  return { normalised, format: 'wrong', problems };
}

/** For the engine (at-risk `missingTracking`): a number known not to be its carrier's. */
export function trackingLooksWrong(carrier: string, trackingNumber: string): boolean {
  const courier = formatOf(carrier);
  const normalised = normaliseTrackingNumber(trackingNumber);
  return courier !== undefined && normalised !== '' && courierOf(normalised, [courier]) === undefined;
}
