import { beforeEach, describe, expect, it } from 'vitest';
import { coverageComplete, coverageOf, needsOnboarding } from '../../../lib/ui/coverage';
import { coverageSentence } from '../../../lib/ui/popup/Coverage';
import type { MetricReport } from '../../../lib/metrics/report-schema';
import { metric, sampleReport } from './fixtures';
import { useLocale } from './messages';

const amazon = (denominator: number | null): MetricReport['amazon'] => ({
  observedAt: 0,
  ageMs: 0,
  source: 'test',
  rate: null,
  numerator: null,
  denominator,
  window: null,
  target: null,
  condition: null,
  status: null,
  parts: null,
});

describe('coverage: what Redline has seen of what Amazon counts', () => {
  beforeEach(() => useLocale('en'));

  it('takes Amazon’s denominator when the reading has one, and never invents a total otherwise', () => {
    const lsr = metric({ key: 'lsr.10d', numerator: 1, denominator: 61, amazon: amazon(60), coverage: 4 / 60 });
    expect(coverageOf(lsr)).toEqual({ kind: 'partial', seen: 4, of: 60 });
    expect(coverageSentence(coverageOf(lsr), 'orders')).toBe('Seen 4 of ~60 orders Amazon counts');
    expect(coverageOf({ ...lsr, coverage: 1.02 })).toEqual({ kind: 'complete', seen: 61, of: 60 });
    expect(coverageSentence(coverageOf({ ...lsr, coverage: 1 }), 'orders')).toBe('Seen all 60 orders Amazon counts');
    // No reading: what was seen, and a page's total only when one said so (orders only).
    const local = metric({ key: 'lsr.10d', numerator: 1, denominator: 16 });
    expect(coverageOf(local)).toEqual({ kind: 'seen', seen: 16 });
    expect(coverageSentence(coverageOf(local), 'orders')).toBe('Seen 16 orders so far');
    expect(coverageOf(local, 170)).toEqual({ kind: 'listed', seen: 16, listed: 170 });
    expect(coverageSentence(coverageOf(local, 170), 'orders')).toBe('Seen 16 orders; Manage Orders lists 170');
    expect(coverageOf(metric({ key: 'vtr.30d', numerator: 10, denominator: 12 }), 170)).toEqual({ kind: 'seen', seen: 12 });
  });

  it('calls orders seen but not yet decidable covered: the figure follows Amazon’s', () => {
    const otdr = metric({ key: 'otdr.14d', numerator: 0, denominator: 0, amazon: amazon(95), coverage: 0 });
    const undecided = { ...otdr, local: { ...otdr.local, unknown: 99 } };
    expect(coverageOf(undecided)).toEqual({ kind: 'undecided', seen: 0, of: 95, unknown: 99 });
    expect(coverageSentence(coverageOf(undecided), 'units')).toBe('Seen all 95 units Amazon counts; 99 cannot be judged yet, so the figure follows Amazon’s');
    expect(coverageOf(otdr)).toEqual({ kind: 'partial', seen: 0, of: 95 });
  });

  it('leads with onboarding while the figures rest on little, and says when coverage is complete', () => {
    const report = sampleReport();
    const odr = report.metrics['odr.mfn'];
    expect(needsOnboarding([odr], null)).toBe(false); // 62 % of Amazon's count
    expect(needsOnboarding([{ ...odr, coverage: 0.1 }], null)).toBe(true);
    expect(needsOnboarding([metric({ key: 'lsr.10d', numerator: 1, denominator: 40 })], null)).toBe(true); // no Amazon reading at all
    expect(needsOnboarding([odr, { ...metric({ key: 'cr.7d', numerator: 0, denominator: 3 }), status: 'insufficient' }], null)).toBe(true);
    expect(coverageComplete([odr])).toBe(false);
    expect(coverageComplete([{ ...odr, coverage: 0.996 }, metric({ key: 'idr.7d', numerator: 0, denominator: 20 })])).toBe(true);
    expect(coverageComplete([metric({ key: 'idr.7d', numerator: 0, denominator: 20 })])).toBe(false); // nothing to compare with
  });

  it('speaks German and Japanese', () => {
    const lsr = metric({ key: 'lsr.10d', numerator: 1, denominator: 61, amazon: amazon(60), coverage: 4 / 60 });
    useLocale('de');
    expect(coverageSentence(coverageOf(lsr), 'orders')).toBe('4 von ~60 von Amazon gezählten Bestellungen gesehen');
    useLocale('ja');
    expect(coverageSentence(coverageOf(lsr), 'orders')).toBe('Amazonが数える約60件の注文のうち4を確認済み');
  });
});
