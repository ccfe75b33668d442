/** Spec v2 §1.1: the one table of targets per marketplace. */
import { describe, expect, it } from 'vitest';
import { MARKETPLACES } from '../../../lib/marketplaces';
import { conditionOf, isEnforcedOn, RATE_METRICS, targetRule } from '../../../lib/model';

describe('targets per marketplace', () => {
  it('ODR < 1 %, LSR < 4 %, CR < 2.5 %, VTR > 95 % everywhere, enforced', () => {
    for (const { country } of MARKETPLACES) {
      expect(targetRule(country, 'odr.mfn')).toMatchObject({ target: { basisPoints: 100, condition: 'lt' }, enforced: true });
      expect(targetRule(country, 'lsr.10d')!.target).toEqual({ basisPoints: 400, condition: 'lt' });
      expect(targetRule(country, 'cr.7d')!.target).toEqual({ basisPoints: 250, condition: 'lt' });
      expect(targetRule(country, 'vtr.30d')!.target).toEqual({ basisPoints: 9500, condition: 'gt' });
    }
  });

  it('OTDR > 90 % enforced in the US, UK and DE from their dates; > 97 % advisory elsewhere', () => {
    expect(targetRule('US', 'otdr.14d')).toEqual({ target: { basisPoints: 9000, condition: 'gt' }, enforced: true, since: '2024-09-25', evidence: 'amazon' });
    expect(targetRule('UK', 'otdr.14d')).toMatchObject({ since: '2026-02-02', evidence: 'amazon' });
    expect(targetRule('DE', 'otdr.14d')).toMatchObject({ since: '2026-09-01', evidence: 'thirdParty' });
    for (const country of ['FR', 'JP', 'CA', 'IN', undefined])
      expect(targetRule(country, 'otdr.14d')).toMatchObject({ target: { basisPoints: 9700 }, enforced: false });
    const de = targetRule('DE', 'otdr.14d')!;
    expect(isEnforcedOn(de, '2026-08-31')).toBe(false);
    expect(isEnforcedOn(de, '2026-09-01')).toBe(true);
  });

  it('IDR < 5 % only in the UK, DE, FR, IT and ES', () => {
    const withIdr = MARKETPLACES.filter((m) => targetRule(m.country, 'idr.7d') !== null).map((m) => m.country);
    expect(withIdr.sort()).toEqual(['DE', 'ES', 'FR', 'IT', 'UK']);
    expect(targetRule('FR', 'idr.7d')!.target).toEqual({ basisPoints: 500, condition: 'lt' });
  });

  it('every metric has one condition, the same in every marketplace', () => {
    for (const key of RATE_METRICS)
      for (const { country } of MARKETPLACES) {
        const rule = targetRule(country, key);
        if (rule) expect(rule.target.condition).toBe(conditionOf(key));
      }
  });
});
