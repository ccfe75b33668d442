import { describe, expect, it } from 'vitest';
import { assessFeedback, type RemovalGround } from '../../../lib/feedback-removal/classify';

/**
 * The classifier's table: per ground and language, comments that must be flagged with that ground,
 * and comments that must NOT be flagged at all (about the seller, mixed, or an order the seller shipped).
 * `fba`: the order was fulfilled by Amazon.
 */
type Row = [lang: 'en' | 'de' | 'ja', expected: RemovalGround | null, comment: string, fba?: boolean];

const TABLE: Row[] = [
  // Entirely a product review
  ['en', 'productReview', 'The knife broke after two uses. Poor quality.'],
  ['en', 'productReview', 'Cheap material, the color is nothing like the photo.'],
  ['de', 'productReview', 'Das Produkt ist nach einer Woche kaputt gegangen. Schlechte Qualität.'],
  ['de', 'productReview', 'Billige Verarbeitung, die Farbe passt überhaupt nicht.'],
  ['ja', 'productReview', '商品がすぐ壊れました。品質が悪いです。'],
  ['ja', 'productReview', '素材が安っぽくてサイズも小さい。'],
  // Fulfilled by Amazon, the complaint is the delivery
  ['en', 'fbaDelivery', 'Arrived three days late and the box was crushed.', true],
  ['en', 'fbaDelivery', 'Package never received, tracking says lost.', true],
  ['de', 'fbaDelivery', 'Lieferung kam viel zu spät, Paket war zerdrückt.', true],
  ['ja', 'fbaDelivery', '配達が遅く、箱が潰れていました。', true],
  // Obscene language
  ['en', 'obscene', 'What a load of shit, avoid.'],
  ['de', 'obscene', 'Totale Scheiße, nie wieder.'],
  ['ja', 'obscene', 'クソみたいな対応。'],
  // The seller's personal information
  ['en', 'personalInfo', 'Call them at 555-201-7788 and good luck.'],
  ['de', 'personalInfo', 'Schreibt an max.mustermann@example.com, der hilft.'],
  ['ja', 'personalInfo', '03-1234-5678に電話しても出ない。'],

  // Must NOT be flagged
  ['en', null, 'the product broke and the seller never answered'],
  ['en', null, 'Item never arrived and I got no answer from the seller.'],
  ['en', null, 'Not as described, cheap material.'],
  ['en', null, 'Arrived a week late, product scratched.'], // seller-fulfilled: the delivery is the seller's
  ['en', null, 'Arrived late and the seller never replied to my message.', true], // seller's own service on an FBA order
  ['en', null, 'Box was crushed and the item was used, not new.', true], // condition as listed stays with the seller
  ['en', null, 'Order 114-7941379-5480234 was wrong.'], // an order id is not a phone number
  ['de', null, 'Artikel defekt und der Verkäufer antwortet nicht.'],
  ['de', null, 'Paket kam zu spät.'], // seller-fulfilled
  ['ja', null, '商品が壊れていて、出品者から返信がない。'],
  ['ja', null, '発送が遅い。'], // seller-fulfilled
  ['ja', null, '届いた商品は中古でした。', true],
];

describe('feedback removal grounds', () => {
  it.each(TABLE)('%s · %s · %s', (_lang, expected, comment, fba) => {
    const result = assessFeedback({ rating: 1, comment, fulfilledByAmazon: fba ?? false });
    if (expected === null) {
      expect(result.likelyEligible).toBe(false);
      expect(result.grounds).toEqual([]);
    } else {
      expect(result.likelyEligible).toBe(true);
      expect(result.grounds.map((g) => g.ground)).toContain(expected);
    }
  });

  it('says which words matched, as written in the comment', () => {
    const result = assessFeedback({ rating: 2, comment: 'The Knife BROKE, terrible quality', fulfilledByAmazon: false });
    expect(result.grounds).toEqual([
      {
        ground: 'productReview',
        evidence: [
          { kind: 'word', text: 'BROKE' },
          { kind: 'word', text: 'quality' },
        ],
      },
    ]);
  });

  it('says which words kept a comment from being a product review', () => {
    const result = assessFeedback({ rating: 1, comment: 'the product broke and the seller never answered', fulfilledByAmazon: false });
    expect(result.against).toEqual([{ ground: 'productReview', words: ['seller', 'answered'] }]);
  });

  it('names the fact behind the FBA ground', () => {
    const result = assessFeedback({ rating: 1, comment: 'Delivery was late.', fulfilledByAmazon: true });
    expect(result.grounds[0]).toEqual({
      ground: 'fbaDelivery',
      evidence: [
        { kind: 'fact', fact: 'fulfilledByAmazon' },
        { kind: 'word', text: 'Delivery' },
        { kind: 'word', text: 'late' },
      ],
    });
  });

  it('does not use the FBA ground when the channel is unknown', () => {
    expect(assessFeedback({ rating: 1, comment: 'Delivery was late.', fulfilledByAmazon: undefined }).likelyEligible).toBe(false);
  });

  it('only looks at negative feedback that still counts and can still be challenged', () => {
    const comment = 'Poor quality, broke at once.';
    expect(assessFeedback({ rating: 3, comment, fulfilledByAmazon: false })).toMatchObject({ likelyEligible: false, notCandidate: 'notNegative' });
    expect(assessFeedback({ rating: 1, comment, fulfilledByAmazon: false, removed: true })).toMatchObject({
      likelyEligible: false,
      notCandidate: 'alreadyRemoved',
    });
    expect(assessFeedback({ rating: 1, comment, fulfilledByAmazon: false, ageDays: 91 })).toMatchObject({ likelyEligible: false, notCandidate: 'tooOld' });
    expect(assessFeedback({ rating: 1, comment, fulfilledByAmazon: false, ageDays: 90 }).likelyEligible).toBe(true);
  });

  it('reads full-width Latin and digits as their usual forms', () => {
    expect(assessFeedback({ rating: 1, comment: 'ＳＨＩＴ', fulfilledByAmazon: false }).grounds[0]?.ground).toBe('obscene');
  });
});
