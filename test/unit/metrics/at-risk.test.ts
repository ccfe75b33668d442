/** At-risk orders and their impact (metrics-spec §3, §5). */
import { describe, expect, it } from 'vitest';
import { computeHealthReport } from '../../../lib/metrics';
import type { Defect, Order } from '../../../lib/model';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { claim, feedback, local, order, shipped, US } from './helpers';

const asOf = local('2026-11-26T12:00', US);
const at = (wall: string) => local(wall, US);

describe('at-risk orders', () => {
  const o = {
    dueTomorrow: order({ orderId: 'A', orderDate: at('2026-11-25T09:00'), latestShipDate: at('2026-11-27T06:00') }),
    dueLater: order({ orderId: 'B', orderDate: at('2026-11-25T09:00'), latestShipDate: at('2026-11-28T06:00') }),
    autoCancel: order({ orderId: 'C', orderDate: at('2026-11-22T09:00'), latestShipDate: at('2026-11-27T10:00'), autoCancelDate: at('2026-11-27T11:00') }),
    flagged: order({ orderId: 'D', orderDate: at('2026-11-22T09:00'), amazonAtRiskOfCancellation: true }),
    buyerAsks: order({ orderId: 'E', orderDate: at('2026-11-25T09:00'), latestShipDate: at('2026-11-27T08:00'), buyerCancelRequestOpen: true }),
    noTracking: shipped(at('2026-11-25T09:00'), at('2026-11-26T23:59'), at('2026-11-26T10:00'), {
      orderId: 'F',
      packages: [{ carrier: 'UPS' }],
      latestDeliveryDate: at('2026-11-30T20:00'),
    }),
    otherCarrier: shipped(at('2026-11-25T09:00'), at('2026-11-26T23:59'), at('2026-11-26T10:00'), {
      orderId: 'G',
      packages: [{ carrier: 'Other', trackingNumber: 'X1' }],
      latestDeliveryDate: at('2026-11-30T20:00'),
    }),
    recentClaim: shipped(at('2026-11-19T09:00'), at('2026-11-20T09:00'), at('2026-11-19T15:00'), { orderId: 'H' }),
    negative: shipped(at('2026-10-15T09:00'), at('2026-10-16T09:00'), at('2026-10-15T15:00'), { orderId: 'I' }),
    answered: shipped(at('2026-10-15T09:00'), at('2026-10-16T09:00'), at('2026-10-15T15:00'), { orderId: 'J' }),
    claimDueSoon: shipped(at('2026-10-15T09:00'), at('2026-10-16T09:00'), at('2026-10-15T15:00'), { orderId: 'K' }),
    claimDueLater: shipped(at('2026-10-15T09:00'), at('2026-10-16T09:00'), at('2026-10-15T15:00'), { orderId: 'K2' }),
    oldClaim: shipped(at('2026-06-01T09:00'), at('2026-06-02T09:00'), at('2026-06-01T15:00'), { orderId: 'L' }),
  } satisfies Record<string, Order>;
  const defects: Defect[] = [
    claim('H', at('2026-11-24T09:00'), 'open'),
    feedback('I', at('2026-10-20T09:00'), 1),
    feedback('J', at('2026-10-20T09:00'), 1, { responded: true }),
    claim('K', at('2026-11-25T09:00'), 'open', { responseDeadline: at('2026-11-26T17:00') }),
    claim('K2', at('2026-11-25T09:00'), 'open', { responseDeadline: at('2026-11-29T17:00') }),
    claim('L', at('2026-06-10T09:00'), 'open'),
  ];
  const report = computeHealthReport({ orders: Object.values(o), defects, readings: [] }, asOf, DEFAULT_SETTINGS, US);
  const risks = (orderId: string) => report.atRiskOrders.find((r) => r.orderId === orderId)?.risks ?? [];
  const kinds = (orderId: string) => [...new Set(risks(orderId).map((r) => `${r.kind}@${r.deadline === null ? 'null' : new Date(r.deadline).toISOString()}`))];

  it('lists deadlines within the warning horizon, and not beyond it', () => {
    expect(risks('A').map((r) => [r.kind, r.metric])).toEqual([
      ['lateShipment', 'lsr.10d'],
      ['lateShipment', 'lsr.30d'],
    ]);
    expect(risks('A')[0]!.deadline).toBe(at('2026-11-27T06:00'));
    expect(risks('B')).toEqual([]);
  });

  it('names each kind with its deadline', () => {
    expect(kinds('C')).toEqual([
      `lateShipment@${new Date(at('2026-11-27T10:00')).toISOString()}`,
      `autoCancel@${new Date(at('2026-11-27T11:00')).toISOString()}`,
    ]);
    expect(kinds('D')).toEqual(['autoCancel@null']); // Amazon's own flag, no known deadline
    expect(
      risks('E')
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['buyerCancelRequest', 'lateShipment', 'lateShipment']);
    expect(risks('F').map((r) => [r.kind, r.metric, r.deadline])).toEqual([['missingTracking', 'vtr.30d', at('2026-11-27T10:00')]]);
    expect(risks('G').map((r) => r.kind)).toEqual(['missingTracking']);
    expect(kinds('H')).toEqual(['openClaim@null']);
    expect(kinds('I')).toEqual(['negativeFeedback@null']);
    expect(risks('J')).toEqual([]); // answered
    expect(kinds('K')).toEqual([`openClaim@${new Date(at('2026-11-26T17:00')).toISOString()}`]);
    expect(risks('K2')).toEqual([]); // its deadline is beyond the horizon
    expect(risks('L')).toEqual([]); // the order left the ODR window: it cannot hurt any more
  });

  it('says what each would do to its metric', () => {
    // Spec v2: VTR places packages on their promised delivery day, two weeks back: a confirmation made
    // today is not in today's window yet, so a package without valid tracking joins it, bad.
    const vtr = report.metrics['vtr.30d'];
    const missing = risks('F')[0]!;
    expect(missing).toMatchObject({ alreadyCounted: false, rateIfHappens: vtr.numerator / (vtr.denominator + 1) });
    const other = risks('G')[0]!; // has tracking now; an unknown carrier may not validate
    expect(other).toMatchObject({ alreadyCounted: false, rateIfHappens: vtr.numerator / (vtr.denominator + 1) });
    // The claim on H: its order (11-19) is not in the ODR window yet (… 11-12): it joins it, defective.
    const odr = report.metrics['odr.mfn'];
    expect(risks('H')[0]).toMatchObject({ metric: 'odr.mfn', alreadyCounted: false, rateIfHappens: (odr.numerator + 1) / (odr.denominator + 1) });
    expect(risks('I')[0]).toMatchObject({ metric: 'odr.mfn', alreadyCounted: true, rateIfHappens: odr.rate });
  });

  it('sorts by the soonest deadline, risks without one last', () => {
    const soonest = report.atRiskOrders.map((r) => r.orderId);
    expect(soonest.slice(0, 2)).toEqual(['K', 'A']); // 17:00 today, then 06:00 tomorrow
    expect(soonest.slice(-3).sort()).toEqual(['D', 'H', 'I']); // no deadline
    const deadlines = report.atRiskOrders.map((r) => r.risks[0]!.deadline ?? Number.POSITIVE_INFINITY);
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    for (const entry of report.atRiskOrders) {
      const own = entry.risks.map((r) => r.deadline ?? Number.POSITIVE_INFINITY);
      expect(own).toEqual([...own].sort((a, b) => a - b));
    }
  });
});

describe('order impact: "breaches"', () => {
  // CR: 40 orders, none cancelled: 0 %; margin ceil(0.025·40 − 0) − 1 = 0. One cancellation: 2.5 %, a breach.
  const orders = Array.from({ length: 40 }, (_, i) =>
    order({
      orderId: `N${i}`,
      orderDate: at('2026-11-24T09:00'),
      latestShipDate: at('2026-11-28T09:00'),
      autoCancelDate: i === 0 ? at('2026-11-27T09:00') : undefined,
    }),
  );

  it('is true when this one event alone fails the metric', () => {
    const report = computeHealthReport({ orders, defects: [], readings: [] }, asOf, DEFAULT_SETTINGS, US);
    expect(report.metrics['cr.7d']).toMatchObject({ margin: 0, status: 'warning' });
    const risk = report.atRiskOrders.find((r) => r.orderId === 'N0')!.risks[0]!;
    expect(risk).toMatchObject({ kind: 'autoCancel', metric: 'cr.7d', rateIfHappens: 1 / 40, marginIfHappens: -1, breaches: true, alreadyCounted: false });
  });

  it('is false when the metric has room', () => {
    const more = [...orders, ...Array.from({ length: 40 }, () => order({ orderDate: at('2026-11-24T09:00') }))];
    const report = computeHealthReport({ orders: more, defects: [], readings: [] }, asOf, DEFAULT_SETTINGS, US);
    const risk = report.atRiskOrders.find((r) => r.orderId === 'N0')!.risks[0]!;
    expect(risk).toMatchObject({ rateIfHappens: 1 / 80, breaches: false });
  });

  it('lists no late shipment past its deadline (an overdue order is already late), only its auto-cancel ahead', () => {
    const overdue = order({ orderId: 'Z', orderDate: at('2026-11-20T09:00'), latestShipDate: at('2026-11-26T11:00') });
    const report = computeHealthReport({ orders: [overdue], defects: [], readings: [] }, asOf, DEFAULT_SETTINGS, US);
    expect(report.atRiskOrders.flatMap((o) => o.risks.map((r) => r.kind))).toEqual(['autoCancel']);
    expect(report.metrics['lsr.10d']).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('order impact over an empty projected population', () => {
  it('adds the order (den+1) instead of pricing a rate over zero orders', async () => {
    const { impactOf } = await import('../../../lib/metrics/at-risk');
    const impact = impactOf(
      { membership: 'bad', day: 100, weight: 1, badWeight: 1 },
      { target: { basisPoints: 100, condition: 'lt' }, window: { from: 90, to: 110 }, counts: { num: 0, den: 0 } },
    );
    expect(impact).toMatchObject({ rateIfHappens: 1, breaches: true, alreadyCounted: false });
  });
});
