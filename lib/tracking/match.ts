/**
 * Is a number one of a courier's formats (lib/tracking/formats.ts, europe-japan.ts)? For the six ported
 * couriers and S10 the same answer as ts-tracking-number's `getTracking(number, couriers)`
 * (test/unit/tracking/formats.test.ts), without its ~30 kB gzip of ramda and S10 country list.
 */
import type { Checksum, TrackingCourier, TrackingFormat } from './formats';

/** A digit's value; a letter's is (char code − 3) mod 10, as tracking_number_data's mod10 reads UPS serials. */
const value = (char: string): number => (char >= '0' && char <= '9' ? Number(char) : (char.charCodeAt(0) - 3) % 10);

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** `checkDigit`: the `CheckDigit` group as written (DPD's is a digit or a letter). */
function checksumHolds(check: Checksum, serial: string, checkDigit: string): boolean {
  switch (check.name) {
    case 'mod10': {
      let sum = check.add ?? 0;
      for (let i = 0; i < serial.length; i++) sum += value(serial[i]!) * (i % 2 === 0 ? check.evens : check.odds);
      return (10 - (sum % 10)) % 10 === Number(checkDigit);
    }
    case 'mod7':
      return Number(serial) % 7 === Number(checkDigit);
    case 'weighted': {
      let sum = 0;
      const n = Math.min(serial.length, check.weightings.length);
      for (let i = 0; i < n; i++) sum += Number(serial[i]) * check.weightings[i]!;
      return (sum % check.modulo1) % check.modulo2 === Number(checkDigit);
    }
    case 's10': {
      let sum = 0;
      for (let i = 0; i < 8; i++) sum += Number(serial[i]) * S10_WEIGHTS[i]!;
      const r = sum % 11;
      return (r === 0 ? 5 : r === 1 ? 0 : 11 - r) === Number(checkDigit);
    }
    case 'mod37_36': {
      // ISO/IEC 7064 hybrid system: p starts at 36; per character p = ((p + value) mod 36, 0 read as 36) × 2 mod 37.
      let p = 36;
      for (const char of serial) p = (((p + parseInt(char, 36)) % 36 || 36) * 2) % 37;
      return ((37 - p) % 36).toString(36).toUpperCase() === checkDigit;
    }
  }
}

/** `stripped`: letters A–Z/a–z and digits 0–9 only. */
function hasFormat(stripped: string, format: TrackingFormat): boolean {
  const match = format.regex.exec(stripped);
  if (!match) return false;
  const groups = match.groups ?? {};
  if (format.containerTypes && !format.containerTypes.includes(groups.ShippingContainerType ?? '')) return false;
  if (!format.check) return true;
  let serial = groups.SerialNumber ?? '';
  if (format.prepend && !format.prepend.unless.test(serial)) serial = format.prepend.content + serial;
  return checksumHolds(format.check, serial, groups.CheckDigit ?? '');
}

/** The first of `couriers` whose format the number has (anything but ASCII letters and digits is ignored). */
export function courierOf(trackingNumber: string, couriers: readonly TrackingCourier[]): TrackingCourier | undefined {
  const stripped = trackingNumber.replace(/[^a-zA-Z0-9]/g, '');
  return couriers.find((courier) => courier.formats.some((format) => hasFormat(stripped, format)));
}
