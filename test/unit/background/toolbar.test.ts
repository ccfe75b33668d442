import { beforeEach, describe, expect, it } from 'vitest';
import { toolbarBadge } from '../../../lib/background/toolbar';
import { metric, policyEntry, sampleReport } from '../ui/fixtures';
import { useLocale } from '../ui/messages';

describe('toolbar badge', () => {
  beforeEach(() => useLocale('en'));
  const calm = () => {
    const r = sampleReport({ atRiskOrders: [] });
    return { ...r, metrics: { ...r.metrics, 'lsr.10d': metric({ key: 'lsr.10d', numerator: 1, denominator: 200 }) } };
  };

  it('is empty when all is well, and red with "!" for a policy violation Amazon counts', () => {
    expect(toolbarBadge([{ scope: 'default|ATVPDKIKX0DER', report: calm() }])).toMatchObject({ text: '' });
    const violation = {
      ...calm(),
      policyCompliance: [policyEntry('listingPolicyViolations', 1)],
    };
    expect(toolbarBadge([{ scope: 'default|ATVPDKIKX0DER', report: violation }])).toEqual({
      text: '!',
      color: '#c40000',
      title: 'Redline — A policy violation is counted',
    });
  });
});
