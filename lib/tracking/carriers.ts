/**
 * Which tracking-number format belongs to a carrier as Seller Central names it on the confirm-shipment
 * and buy-shipping forms ("UPS", "FedEx", "Amazon Shipping"…). Only carriers whose domestic numbers
 * lib/tracking/formats.ts really knows are format-checked: a plain "DHL" is DHL Paket in Germany (a
 * format tracking_number_data does not have), so it, Deutsche Post, Hermes, Yamato, Japan Post… are
 * left unchecked rather than warned about wrongly.
 */
import { amazon, dhl, fedex, ontrac, ups, usps, type TrackingCourier } from './formats';

/** Carrier name, lower-cased with everything but letters and digits removed → its courier's formats. */
const FORMATS: Record<string, TrackingCourier> = {
  ups: ups,
  upsmailinnovations: ups,
  usps: usps,
  unitedstatespostalservice: usps,
  fedex: fedex,
  fedexsmartpost: fedex,
  fedexground: fedex,
  fedexexpress: fedex,
  dhlexpress: dhl,
  dhlecommerce: dhl,
  dhlecommercesolutions: dhl,
  ontrac: ontrac,
  amazonshipping: amazon,
  amazonlogistics: amazon,
  amzl: amazon,
  amzlus: amazon,
};

export const normaliseCarrier = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The courier formats for a carrier, or undefined when Redline does not check that carrier's numbers. */
export function formatOf(carrier: string): TrackingCourier | undefined {
  return FORMATS[normaliseCarrier(carrier)];
}

/** Every courier whose format Redline checks, to say which carrier a number looks like instead. */
export const CHECKED_COURIERS: readonly TrackingCourier[] = [ups, usps, fedex, dhl, ontrac, amazon];
