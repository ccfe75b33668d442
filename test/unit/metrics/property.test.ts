/**
 * Property tests: on random order histories across time zones (DST changes included), the engine's
 * numerators, denominators, unknown counts and margins equal those of the brute-force model, for every
 * metric, locally and projected from Amazon's readings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeHealthReport, HealthReport } from '../../../lib/metrics';
import { RATE_METRICS } from '../../../lib/model';
import { history } from './arbitraries';
import { bruteForceModel } from './brute-force-model';

describe('engine = brute-force model', () => {
  it('local figures: numerator, denominator, unknown, margin and window of every metric', () => {
    fc.assert(
      fc.property(history, ({ s, orders, defects, settings }) => {
        const report = computeHealthReport({ orders, defects, readings: [] }, s.asOf, settings, s.marketplaceId);
        const model = bruteForceModel({ orders, defects, readings: [] }, s.asOf, settings, s.marketplaceId);
        for (const key of RATE_METRICS) {
          const m = report.metrics[key];
          const b = model[key];
          expect({ key, present: m !== undefined }).toEqual({ key, present: b !== undefined });
          if (!m || !b) continue;
          expect({ key, ...pick(m.local) }).toEqual({ key, ...pick(b.local) });
          expect({ key, n: m.numerator, d: m.denominator, margin: m.margin }).toEqual({
            key,
            n: b.local.numerator,
            d: b.local.denominator,
            margin: b.local.margin,
          });
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('with Amazon readings: windows, targets, local and projected figures', () => {
    fc.assert(
      fc.property(history, ({ s, orders, defects, readings, settings }) => {
        const report = computeHealthReport({ orders, defects, readings }, s.asOf, settings, s.marketplaceId);
        const model = bruteForceModel({ orders, defects, readings }, s.asOf, settings, s.marketplaceId);
        for (const key of RATE_METRICS) {
          const m = report.metrics[key];
          const b = model[key];
          expect({ key, present: m !== undefined }).toEqual({ key, present: b !== undefined });
          if (!m || !b) continue;
          expect({ key, bp: m.targetBasisPoints, c: m.condition }).toEqual({ key, bp: b.targetBasisPoints, c: b.condition });
          expect({ key, ...pick(m.local) }).toEqual({ key, ...pick(b.local) });
          expect({ key, n: m.numerator, d: m.denominator, margin: m.margin }).toEqual({
            key,
            n: b.projected.numerator,
            d: b.projected.denominator,
            margin: b.projected.margin,
          });
        }
        expect(() => HealthReport.parse(report)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('projection and risks are consistent with the figures', () => {
  it('worst case is never better than expected; every figure is integral and in range; risks only worsen', () => {
    fc.assert(
      fc.property(history, ({ s, orders, defects, readings, settings }) => {
        const report = computeHealthReport({ orders, defects, readings }, s.asOf, settings, s.marketplaceId);
        for (const key of RATE_METRICS) {
          const m = report.metrics[key];
          if (!m) continue;
          const lt = m.condition === 'lt';
          const badShare = (f: { num: number; den: number }) => (f.den === 0 ? 0 : lt ? f.num / f.den : (f.den - f.num) / f.den);
          for (const day of m.projection.timeline) {
            for (const f of [day.expected, day.worst]) {
              expect(Number.isInteger(f.num) && Number.isInteger(f.den) && f.num >= 0 && f.num <= f.den).toBe(true);
            }
            expect(badShare(day.worst)).toBeGreaterThanOrEqual(badShare(day.expected) - 1e-12);
            if (day.expected.status === 'breach') expect(day.worst.status).toBe('breach');
          }
          if (m.status === 'breach') expect(m.projection.breachDate).toBe(report.today);
          else expect(m.projection.recoveryDate).toBeNull();
        }
        for (const entry of report.atRiskOrders) {
          for (const risk of entry.risks) {
            if (risk.metric === null || risk.rateIfHappens === null) {
              expect(risk.kind).toBe('dispatchRule');
              continue;
            }
            const m = report.metrics[risk.metric]!;
            const now = m.rate ?? (m.condition === 'lt' ? 0 : 1);
            if (m.condition === 'lt') expect(risk.rateIfHappens).toBeGreaterThanOrEqual(now - 1e-12);
            else expect(risk.rateIfHappens).toBeLessThanOrEqual(now + 1e-12);
            if (risk.alreadyCounted) expect(risk.rateIfHappens).toBe(m.rate);
          }
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

function pick(f: { numerator: number; denominator: number; unknown: number; margin: number | null; window: { from: string; to: string } }) {
  return { n: f.numerator, d: f.denominator, u: f.unknown, margin: f.margin, from: f.window.from, to: f.window.to };
}
