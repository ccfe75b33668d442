/**
 * `whatIfs` answers a defect change by placing again only the orders it touches; `whatIf` computes a
 * whole report on the changed data. On random histories (every marketplace's zone, DST days, readings,
 * settings, defects of every kind, orders known only from their defects) the two answer the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { whatIf, whatIfs, type Change } from '../../../lib/metrics/what-if';
import { history } from './arbitraries';

describe('whatIfs: a defect change by placing its orders again', () => {
  it('answers exactly as a whole report on the changed data', () => {
    let changes = 0;
    let effects = 0;
    let later = 0;
    fc.assert(
      fc.property(history, fc.nat(), ({ s, orders, defects, readings, settings }, pick) => {
        const data = { orders, defects, readings };
        const asked: Change[] = [
          ...defects.map((d) => ({ kind: 'decidedForSeller' as const, defectId: d.id })),
          ...defects.filter((d) => d.kind === 'feedback').map((d) => ({ kind: 'feedbackRemoved' as const, orderId: d.orderId })),
          // Any order's feedback, whether it has any or not.
          { kind: 'feedbackRemoved', orderId: orders[pick % Math.max(1, orders.length)]?.orderId ?? '999-0000000-0000000' },
        ];
        const fast = whatIfs(data, s.asOf, settings, s.marketplaceId);
        for (const change of asked) {
          const expected = whatIf(data, s.asOf, settings, s.marketplaceId, change);
          expect(fast.of(change), JSON.stringify(change)).toEqual(expected);
          changes++;
          if (!expected.noEffect) effects++;
          if (expected.from !== null) later++;
        }
      }),
      { numRuns: 400 },
    );
    // Not vacuous: many changes, many of them change a figure, some only later.
    expect(changes).toBeGreaterThan(1000);
    expect(effects).toBeGreaterThan(100);
    expect(later).toBeGreaterThan(20); // the change shows only on a later day of the timeline
  }, 60_000);
});
