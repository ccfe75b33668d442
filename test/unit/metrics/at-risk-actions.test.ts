// The at-risk orders the "act before Amazon counts it" overlays rely on (issue 9).
import { describe, expect, it } from 'vitest';
import { computeHealthReport } from '../../../lib/metrics';
import { trackingLooksWrong } from '../../../lib/tracking/check';
import { DAY, HOUR, local, order, settings, shipped, US } from './helpers';

const AS_OF = local('2026-11-26T12:00', US);
const kinds = (report: ReturnType<typeof computeHealthReport>, orderId: string) =>
  report.atRiskOrders.find((o) => o.orderId === orderId)?.risks.map((r) => r.kind) ?? [];

describe('risks to act on before Amazon counts them', () => {
  it('lists an open buyer cancellation request even when its ship-by date is days away', () => {
    const requested = order({ orderDate: AS_OF - HOUR, latestShipDate: AS_OF + 3 * DAY, buyerCancelRequestOpen: true });
    const report = computeHealthReport({ orders: [requested], defects: [], readings: [] }, AS_OF, settings(), US);
    expect(kinds(report, requested.orderId)).toEqual(['buyerCancelRequest']);
    expect(report.atRiskOrders[0]!.risks[0]!.deadline).toBe(AS_OF + 3 * DAY);
  });

  it('lists a shipment just confirmed with a number that is not its carrier’s, when the engine is given the check', () => {
    const wrong = shipped(AS_OF - DAY, AS_OF + 5 * HOUR, AS_OF - HOUR, {
      packages: [{ carrier: 'UPS', trackingNumber: '1Z5R89390357567128', shipTime: AS_OF - HOUR }],
    });
    const right = shipped(AS_OF - DAY, AS_OF + 5 * HOUR, AS_OF - HOUR, {
      packages: [{ carrier: 'UPS', trackingNumber: '1Z5R89390357567127', shipTime: AS_OF - HOUR }],
    });
    const data = { orders: [wrong, right], defects: [], readings: [] };
    const checked = computeHealthReport(data, AS_OF, settings(), US, { trackingLooksWrong });
    expect(kinds(checked, wrong.orderId)).toEqual(['missingTracking']);
    expect(kinds(checked, right.orderId)).toEqual([]);
    // Without the check the engine only sees that a carrier and a number are there.
    expect(kinds(computeHealthReport(data, AS_OF, settings(), US), wrong.orderId)).toEqual([]);
  });

  it('lists a shipment confirmed without a number, or for carrier "Other", whatever the check', () => {
    const none = shipped(AS_OF - DAY, AS_OF + 5 * HOUR, AS_OF - HOUR, { packages: [{ carrier: 'UPS', shipTime: AS_OF - HOUR }] });
    const other = shipped(AS_OF - DAY, AS_OF + 5 * HOUR, AS_OF - HOUR, { packages: [{ carrier: 'Other', trackingNumber: 'X1', shipTime: AS_OF - HOUR }] });
    const report = computeHealthReport({ orders: [none, other], defects: [], readings: [] }, AS_OF, settings(), US);
    expect(kinds(report, none.orderId)).toEqual(['missingTracking']);
    expect(kinds(report, other.orderId)).toEqual(['missingTracking']);
  });
});
