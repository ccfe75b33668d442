import { describe, expect, it } from 'vitest';
import { NOT_A_KNOWN_PAGE, PAGE_DETECTORS, detectPage } from '../../../lib/pages/detect';
import { SELLER_CENTRAL_HOSTS } from '../../../lib/marketplaces';

const examples = PAGE_DETECTORS.flatMap((d) => d.examples.map((path) => ({ kind: d.kind, path })));

describe('page detection', () => {
  it.each(SELLER_CENTRAL_HOSTS)('recognises every example, and only as its own page, on %s', (host) => {
    for (const { kind, path } of examples) {
      expect(detectPage(`https://${host}${path}?ref=xx_nav#top`), path).toBe(kind);
      for (const other of PAGE_DETECTORS.filter((d) => d.kind !== kind)) {
        expect(other.test(path), `${other.kind} must not match ${path}`).toBe(false);
      }
    }
  });

  it.each(NOT_A_KNOWN_PAGE)('does not claim %s', (path) => {
    expect(detectPage(`https://sellercentral.amazon.com${path}`)).toBeUndefined();
  });

  it.each([
    'https://www.amazon.com/orders-v3/mfn/unshipped',
    'http://sellercentral.amazon.com/orders-v3/mfn/unshipped',
    'https://sellercentral.amazon.com.evil.example/orders-v3/mfn/unshipped',
    'https://evil.example/?u=https://sellercentral.amazon.com/orders-v3',
    'not a url',
  ])('ignores %s (not Seller Central over https)', (url) => {
    expect(detectPage(url)).toBeUndefined();
  });
});
