import { describe, expect, it } from 'vitest';
import { findCounts, findPercentages, parseLocaleNumber } from '../../../lib/dom/locale-numbers';

describe('numbers in the page locale', () => {
  it.each([
    ['0.8', 'en-US', 0.8],
    ['1,234', 'en-US', 1234],
    ['1,234.5', 'en-GB', 1234.5],
    ['0,8', 'de-DE', 0.8],
    ['1.234', 'de-DE', 1234],
    ['1.234,5', 'de-DE', 1234.5],
    ['1 234,5', 'fr-FR', 1234.5],
    ['１２３', 'ja-JP', 123],
    ['0.5', 'ja-JP', 0.5],
  ])('%s in %s is %d', (text, lang, expected) => {
    expect(parseLocaleNumber(text, lang)).toBe(expected);
  });

  it.each(['', 'abc', '1.2.3,4,5', '--1'])('rejects %j', (text) => {
    expect(parseLocaleNumber(text, 'en-US')).toBeUndefined();
  });

  it.each([
    ['Late Shipment Rate 3.2% Target: under 4%', 'en-US', [0.032, 0.04]],
    ['Verspätete Lieferungen 0,5 % Ziel: unter 4 %', 'de-DE', [0.005, 0.04]],
    ['出荷遅延率 ０.８％', 'ja-JP', [0.008]],
    ['no rate here', 'en-US', []],
  ])('finds the percentages in %j', (text, lang, expected) => {
    const found = findPercentages(text, lang);
    expect(found).toHaveLength(expected.length);
    found.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 10));
  });

  it('finds the counts beside a rate, with thousands separators of the locale', () => {
    expect(findCounts('3.2% 6 of 1,234 orders', 'en-US')).toEqual([6, 1234]);
    expect(findCounts('0,5 % 6 von 1.234 Bestellungen', 'de-DE')).toEqual([6, 1234]);
  });
});
