import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBeyondReach, orderReachAt } from '../../../lib/metrics/order-pass';
import { history } from './arbitraries';

describe('an order’s reach', () => {
  it('the pass’s quick test agrees with the reach storage indexes', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: -150, max: 40 }), ({ s, orders }, days) => {
        const cutoff = s.asOf + days * 86_400_000;
        for (const order of orders) {
          expect(isBeyondReach(order, cutoff)).toBe(orderReachAt(order) < cutoff);
          // On the boundary: an order reaching the cutoff exactly still counts.
          const reach = orderReachAt(order);
          if (Number.isFinite(reach)) expect([isBeyondReach(order, reach), isBeyondReach(order, reach + 1)]).toEqual([false, true]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
