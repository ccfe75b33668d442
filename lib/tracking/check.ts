/**
 * Is this tracking number one Amazon will count as valid tracking (metrics-spec §2 VTR)? Checked as
 * the seller types on the confirm-shipment and buy-shipping forms, in the worker (which alone knows
 * whether another order already uses the number). Pure: the caller adds that.
 *
 * Only what can be known is said: a carrier Redline has no format for, or a number of a shape it does
 * not know for that carrier (lib/tracking/carriers.ts), is "not checked", never "valid" or "wrong".
 */
import { carrierFormats, GUESS_COURIERS, type CarrierFormats } from './carriers';
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
  /** `checked`: the carrier's format is known and the number has it; `wrong`: it has none of the formats it must have. */
  format: 'checked' | 'notChecked' | 'wrong';
  problems: TrackingProblem[];
}

export const normaliseTrackingNumber = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();

/** How a normalised number stands against its carrier's formats. */
function judge(normalised: string, formats: CarrierFormats | undefined): TrackingCheck['format'] {
  if (!formats || !normalised) return 'notChecked';
  if (courierOf(normalised, formats.couriers)) return 'checked';
  return !formats.judged || formats.judged.test(normalised) ? 'wrong' : 'notChecked';
}

/** `isUnknownCarrier`: the engine's list of carrier names that make tracking invalid (`other`, `unknown`). */
export function checkTracking(carrier: string, trackingNumber: string, isUnknownCarrier: (name: string) => boolean): TrackingCheck {
  const name = carrier.trim();
  const normalised = normaliseTrackingNumber(trackingNumber);
  const problems: TrackingProblem[] = [];
  const looksLike = () => (normalised ? (courierOf(normalised, GUESS_COURIERS)?.name ?? null) : null);
  if (!name) problems.push({ kind: 'noCarrier', looksLike: looksLike() });
  else if (isUnknownCarrier(name)) problems.push({ kind: 'carrierNotRecognised', carrier: name, looksLike: looksLike() });
  if (!normalised) problems.push({ kind: 'noNumber' });
  const format = name ? judge(normalised, carrierFormats(name)) : 'notChecked';
  if (format === 'wrong') problems.push({ kind: 'wrongFormat', carrier: name, looksLike: looksLike() });
  return { normalised, format, problems };
}

/** For the engine (at-risk `missingTracking`): a number known not to be its carrier's. */
export function trackingLooksWrong(carrier: string, trackingNumber: string): boolean {
  return judge(normaliseTrackingNumber(trackingNumber), carrierFormats(carrier)) === 'wrong';
}
