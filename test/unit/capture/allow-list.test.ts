import { describe, expect, it } from 'vitest';
import { CAPTURED_PATH_PREFIXES, isCapturedPath } from '../../../lib/capture/allow-list';
import { isCapturedEndpoint } from '../../../lib/readers/detect';

// The page bridge (MAIN world, no readers bundled) and the worker's readers keep their own lists;
// this keeps them in step: every path the bridge forwards has a reader, and nothing else is forwarded.
const EXAMPLES = [
  '/orders-api/search',
  '/orders-api/countOrders',
  '/orders-api/order/114-7941379-5480234',
  '/fbmapi/v1/feedbacks',
  '/chargebacks/api/v1/chargebacks',
  '/performance/api/summary',
  '/gp/guarantee-claims/api/claims',
];

describe('capture allow-list', () => {
  it('has an example for each allowed path', () => {
    for (const prefix of CAPTURED_PATH_PREFIXES)
      expect(
        EXAMPLES.some((e) => e.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });

  it.each(EXAMPLES)('forwards %s and has a reader for it', (path) => {
    expect(isCapturedPath(path)).toBe(true);
    expect(isCapturedEndpoint(path)).toBe(true);
  });

  it.each(['/orders-api/manifest-v3', '/fbmapi/v1/aggregates', '/ap/signin', '/orders-v3/mfn/unshipped', '/messaging/api/threads', '/performance/api'])(
    'ignores %s',
    (path) => {
      expect(isCapturedPath(path)).toBe(false);
      expect(isCapturedEndpoint(path)).toBe(false);
    },
  );
});
