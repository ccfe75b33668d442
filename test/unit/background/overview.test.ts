import { beforeEach, describe, expect, it } from 'vitest';
import { pageTotals, scopeOverview } from '../../../lib/background/overview';
import { toolbarBadge } from '../../../lib/background/toolbar';
import type { HealthReport } from '../../../lib/metrics/report-schema';
import type { LogEntry } from '../../../lib/storage/records';
import { metric, NOW, policyEntry, sampleReport } from '../ui/fixtures';
import { useLocale } from '../ui/messages';

const US = 'default|ATVPDKIKX0DER';
const DE = 'default|A1PA6795UKMFR9';
const UK = 'default|A1F83G8C2ARO7P';

/** The sample report with every metric on track and no order at risk. */
function quiet(): HealthReport {
  const r = sampleReport({ atRiskOrders: [] });
  const ok = { ...r.metrics['lsr.10d'], numerator: 0, rate: 0, margin: 7, status: 'ok' as const };
  return {
    ...r,
    metrics: {
      ...r.metrics,
      'odr.mfn': { ...r.metrics['odr.mfn'], status: 'ok' },
      'lsr.10d': ok,
      'lsr.30d': { ...ok, key: 'lsr.30d' },
      'cr.7d': { ...r.metrics['cr.7d'], status: 'ok' },
    },
  };
}

const entry = (e: Partial<LogEntry>): LogEntry => ({
  at: NOW,
  origin: 'capture',
  source: '/orders-api/search',
  ok: true,
  orders: 0,
  defects: 0,
  readings: 0,
  ...e,
});

describe('every scope in this browser', () => {
  beforeEach(() => useLocale('en'));

  it('ranks the scopes worst first and keeps a signed-out account as such, never as zero orders', () => {
    const breached = sampleReport(); // LSR 10 d over the line, 2 orders at risk
    const log = [
      entry({ at: NOW, scope: UK, ok: false, reason: 'signedOut' }),
      entry({ at: NOW - 1, scope: US }),
      entry({ at: NOW - 2, scope: DE, ok: false, reason: 'signedOut' }), // DE's newest entry: signed out, its figures are older
    ];
    const overview = scopeOverview(
      new Map([
        [US, quiet()],
        [DE, breached],
      ]),
      log,
    );
    expect(overview.map((s) => [s.scope, s.state, s.hasReport, s.signedOut])).toEqual([
      [DE, 'breach', true, true],
      [UK, 'signedOut', false, true],
      [US, 'ok', true, false],
    ]);
    // A success after the sign-in answer: no longer signed out.
    const back = scopeOverview(new Map([[US, quiet()]]), [entry({ scope: US }), entry({ at: NOW - 5, scope: US, ok: false, reason: 'signedOut' })]);
    expect(back).toEqual([expect.objectContaining({ scope: US, signedOut: false, state: 'ok' })]);
  });

  it('keeps the newest size each paged table gave', () => {
    const log = [
      entry({ scope: US, tables: [{ table: 'manageOrders mfn/shipped last-30', rows: 15, total: 172 }] }),
      entry({
        at: NOW - 9,
        scope: US,
        tables: [
          { table: 'manageOrders mfn/shipped last-30', rows: 15, total: 150 },
          { table: 'feedbackManager', rows: 20 },
        ],
      }),
      entry({ scope: DE, tables: [{ table: 'manageOrders mfn/shipped last-30', rows: 15, total: 9 }] }),
    ];
    expect(pageTotals(log, US)).toEqual([{ table: 'manageOrders mfn/shipped last-30', total: 172, at: NOW }]);
  });

  it('sets the toolbar badge from the worst scope, not the last one recomputed, and names each that needs attention', () => {
    const breached = sampleReport(); // 2 orders at risk, a breach
    const warned = sampleReport({
      atRiskOrders: [...sampleReport().atRiskOrders, { orderId: '114-3333333-3333333', risks: sampleReport().atRiskOrders[1]!.risks }],
    });
    const lsr = warned.metrics['lsr.10d'];
    const notBreached = { ...warned, metrics: { ...warned.metrics, 'lsr.10d': { ...lsr, status: 'warning' as const } } };
    const badge = toolbarBadge([
      { scope: DE, report: breached },
      { scope: US, report: notBreached }, // recomputed last, 3 orders at risk, no breach
    ]);
    expect(badge.text).toBe('2');
    expect(badge.color).toBe('#c40000');
    expect(badge.title).toBe('Redline — Germany: 1 metric over Amazon’s line; 2 orders at risk — United States: 3 orders at risk');
    // Order does not matter.
    expect(
      toolbarBadge([
        { scope: US, report: notBreached },
        { scope: DE, report: breached },
      ]),
    ).toEqual(badge);
    // One scope: no name; all quiet: no badge; a breach without orders at risk: "!".
    expect(toolbarBadge([{ scope: US, report: breached }]).title).toBe('Redline — 1 metric over Amazon’s line; 2 orders at risk');
    expect(toolbarBadge([{ scope: US, report: quiet() }])).toEqual({ text: '', color: '#b25e00', title: 'Redline' });
    expect(toolbarBadge([{ scope: US, report: { ...breached, atRiskOrders: [] } }]).text).toBe('!');
    // Too few to judge is never red.
    const thin = quiet();
    const few = {
      ...thin,
      metrics: { ...thin.metrics, 'lsr.10d': { ...metric({ key: 'lsr.10d', numerator: 1, denominator: 1 }), status: 'insufficient' as const } },
    };
    expect(toolbarBadge([{ scope: US, report: few }]).text).toBe('');
  });
});

describe('worst first', () => {
  it('puts the scope further over the line first when both have one metric in breach', () => {
    const a = sampleReport(); // LSR 10 d 8 of 200: one late shipment over the line
    const lsr = a.metrics['lsr.10d'];
    const further = { ...a, metrics: { ...a.metrics, 'lsr.10d': { ...lsr, numerator: 14, margin: -7, badEventsToRecover: 7 } } };
    const overview = scopeOverview(
      new Map([
        [US, a],
        [DE, further],
      ]),
      [],
    );
    expect(overview.map((s) => [s.scope, s.breaches, s.overBy])).toEqual([
      [DE, 1, 7],
      [US, 1, 1],
    ]);
  });
});

describe('a policy violation Amazon counts', () => {
  it('makes its scope one in breach, ranked with the metrics in breach', () => {
    const violation = {
      ...quiet(),
      policyCompliance: [policyEntry('listingPolicyViolations', 1)],
    };
    const overview = scopeOverview(
      new Map([
        [US, quiet()],
        [DE, violation],
      ]),
      [],
    );
    expect(overview.map((s) => [s.scope, s.state, s.policyBreaches])).toEqual([
      [DE, 'breach', 1],
      [US, 'ok', 0],
    ]);
    expect(
      toolbarBadge([
        { scope: US, report: quiet() },
        { scope: DE, report: violation },
      ]),
    ).toEqual({ text: '!', color: '#c40000', title: 'Redline — Germany: A policy violation is counted' });
  });
});
