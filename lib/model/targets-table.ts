import type { LocalDate } from './time';
import type { MetricTarget } from './settings';
import type { RateMetricKey } from './metric-keys';

/**
 * Amazon's targets per marketplace (metrics-spec v2 §1.1): `marketplace × metric → {target, enforced,
 * since}`. The engine, the options page and the wording read this one table. A reading's own
 * `targetValue`/`targetCondition` wins over it, and a target the seller sets in options wins over both
 * [spec: the seller's explicit choice is the seller's].
 *
 * Sources, as tagged in the spec: [A] Amazon help pages 2024–2026, [3P] third-party write-ups of an
 * Amazon notice (DE OTDR enforcement), unverified.
 */

export interface TargetRule {
  target: MetricTarget;
  /** Crossing it has consequences (restriction, deactivation); false: advisory, no penalty. */
  enforced: boolean;
  /** First local day it is enforced; before it the rule is advisory (warnings only). */
  since?: LocalDate;
  /** Where the spec marks the fact as third-party, not Amazon's own words. */
  evidence: 'amazon' | 'thirdParty';
}

/** Country codes as in lib/marketplaces.ts. */
const OTDR_ENFORCED: Record<string, { since: LocalDate; evidence: TargetRule['evidence'] }> = {
  US: { since: '2024-09-25', evidence: 'amazon' },
  UK: { since: '2026-02-02', evidence: 'amazon' }, // warnings from 2025-10-16 [A]
  DE: { since: '2026-09-01', evidence: 'thirdParty' },
};

/** Invoice Defect Rate exists only here [A]. */
export const IDR_COUNTRIES: ReadonlySet<string> = new Set(['UK', 'DE', 'FR', 'IT', 'ES']);

const lt = (basisPoints: number): MetricTarget => ({ basisPoints, condition: 'lt' });
const gt = (basisPoints: number): MetricTarget => ({ basisPoints, condition: 'gt' });

const everywhere = (target: MetricTarget): TargetRule => ({ target, enforced: true, evidence: 'amazon' });

/**
 * The rule for a metric in a marketplace (by its country code), or null where the metric does not
 * exist there (IDR outside UK/DE/FR/IT/ES). An unknown country gets the rules that hold "everywhere
 * else".
 */
export function targetRule(country: string | undefined, metric: RateMetricKey): TargetRule | null {
  switch (metric) {
    case 'odr.mfn':
    case 'odr.afn':
      return everywhere(lt(100));
    case 'lsr.10d':
    case 'lsr.30d':
      // IN possibly < 2 % [3P, unverified]: 4 % until a reading says otherwise (spec §1.1).
      return everywhere(lt(400));
    case 'cr.7d':
      return everywhere(lt(250));
    case 'vtr.30d':
      return everywhere(gt(9500));
    case 'otdr.14d': {
      const enforced = country === undefined ? undefined : OTDR_ENFORCED[country];
      return enforced
        ? { target: gt(9000), enforced: true, since: enforced.since, evidence: enforced.evidence }
        : { target: gt(9700), enforced: false, evidence: 'amazon' };
    }
    case 'idr.7d':
      return country !== undefined && IDR_COUNTRIES.has(country) ? everywhere(lt(500)) : null;
  }
}

/** Whether a metric counts bad events (`lt`) or good ones (`gt`): the same in every marketplace. */
export function conditionOf(metric: RateMetricKey): MetricTarget['condition'] {
  return metric === 'vtr.30d' || metric === 'otdr.14d' ? 'gt' : 'lt';
}

/** Whether the rule is enforced on `date` (a local date: `since` compares as text). */
export function isEnforcedOn(rule: TargetRule, date: LocalDate): boolean {
  return rule.enforced && (rule.since === undefined || date >= rule.since);
}
