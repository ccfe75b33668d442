import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../../../lib/model';
import * as readers from '../../../lib/readers';
import { fixture, OBSERVED, US } from './helpers';

/**
 * Every reader is total: whatever it is given, a ReadResult comes back and nothing is thrown. The
 * readers' safety net turns an exception into "internal error"; that must never be needed either.
 * mutation-fuzz.test.ts goes further: mutated real inputs must give the right records or none.
 */
const READERS = Object.entries(readers).filter(([name]) => /^read(?!Any|Response)/.test(name)) as [string, readers.Reader][];

const valid = (r: ReadResult) => r.ok || !r.detail.includes('internal error');

describe('readers never throw', () => {
  it('there is a reader per format', () => {
    expect(READERS.map(([n]) => n).sort()).toHaveLength(14);
  });

  it.each(READERS)('%s on arbitrary JSON values and text', (_name, read) => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.anything()), fc.boolean(), (input, withMarketplace) => {
        const result = read(input, { observedAt: OBSERVED, ...(withMarketplace ? { marketplaceId: US } : {}) });
        expect(valid(result)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('readAny and readResponse on every prefix of a real capture (truncation anywhere)', () => {
    const text = fixture('seller-central/orders-api/order-detail_2021-11.json');
    for (let end = 0; end < text.length; end += 97) {
      const cut = text.slice(0, end);
      expect(valid(readers.readAny(cut, { observedAt: OBSERVED }))).toBe(true);
      const captured = readers.readResponse('/orders-api/order/114-7941379-5480234', 200, 'application/json', cut, { observedAt: OBSERVED });
      expect(captured.ok).toBe(false);
    }
  });

  it('readAny on arbitrary text and on tab-separated noise', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '1', '/', '-', '"', ' ', '\t', '\r', '\n', 'é') });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          cell.map((c) => `order-id\tpurchase-date\tpromise-date\n${c}`),
          cell.map((c) => `Date\tRating\tOrder ID\n${c}`),
        ),
        (text) => {
          expect(valid(readers.readAny(text, { observedAt: OBSERVED, marketplaceId: US }))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
