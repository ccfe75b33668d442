/**
 * The body of `GET /performance/api/summary` (Seller Central's Account Health page). Amazon publishes no
 * sample of it, so each metric mirrors one `performanceMetrics` entry of the SP-API
 * GET_V2_SELLER_PERFORMANCE_REPORT (schema in amazon-sp-api/accountHealthReport-2020-11-18.json), with
 * the fields real reports add (`ahrScore`, `lateShipmentRateList`, `policyViolationWarnings`: see
 * test/fixtures/seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json).
 *
 * Amazon's numbers lag: the reading is computed from the same ground truth as of `readingAsOf`
 * (the end of the day before yesterday), so it disagrees with the live data a little, as the real one does.
 */
import type { DemoSellerData } from './model';
import { policyEntries } from './policy-compliance';
import { Random } from './random';
import { referenceMetrics, type RateCount } from './reference-metrics';
import { endOfLocalDay, isoDate, localDay, type ReportingDateRange } from './time';

type Condition = 'LESS_THAN' | 'GREATER_THAN' | 'EQUALS';

export interface AccountHealthSummary {
  marketplaceId: string;
  /** When Amazon computed these numbers (ISO 8601). */
  lastUpdatedDate: string;
  accountStatuses: { marketplaceId: string; status: string }[];
  performanceMetrics: Record<string, unknown>[];
}

/** Amazon's reading covers data up to the end of the day before yesterday (local). */
export function readingAsOf(now: number, timeZone: string): number {
  return endOfLocalDay(localDay(now, timeZone) - 2, timeZone);
}

/** Window days written as the real report writes them: whole days, `T00:00:00Z` … `T23:59:59Z`. */
function range(count: Pick<RateCount, 'window'>): ReportingDateRange {
  return {
    reportingDateFrom: `${count.window.firstDay}T00:00:00Z`,
    reportingDateTo: `${count.window.lastDay}T23:59:59Z`,
  };
}

function status(rate: number | null, target: number, condition: Condition): 'GOOD' | 'BAD' | 'NONE' {
  if (rate === null) return 'NONE';
  const ok = condition === 'LESS_THAN' ? rate < target : condition === 'GREATER_THAN' ? rate > target : rate === target;
  return ok ? 'GOOD' : 'BAD';
}

function rateEntry(count: RateCount, targetValue: number, targetCondition: Condition) {
  return {
    reportingDateRange: range(count),
    status: status(count.rate, targetValue, targetCondition),
    rate: count.rate ?? 0,
    targetValue,
    targetCondition,
  };
}

export function accountHealthSummary(data: DemoSellerData, asOf: number, seed: number): AccountHealthSummary {
  const m = referenceMetrics(data, asOf);
  // Policy compliance and the AHR look back 180 days (metrics-spec §2).
  const readingDay = localDay(asOf, data.timeZone);
  const policyRange = range({ window: { firstDay: isoDate(readingDay - 179), lastDay: isoDate(readingDay) } });
  const lateShipment = (c: RateCount) => ({ ...rateEntry(c, 0.04, 'LESS_THAN'), orderCount: c.den, lateShipmentCount: c.num });
  const odr = (c: typeof m.odrMfn, fulfillmentType: 'mfn' | 'afn') => ({
    ...rateEntry(c, 0.01, 'LESS_THAN'),
    orderCount: c.den,
    orderWithDefects: { count: c.num, status: status(c.rate, 0.01, 'LESS_THAN') },
    claims: { count: c.claims, status: 'NONE' },
    chargebacks: { count: c.chargebacks, status: 'NONE' },
    negativeFeedback: { count: c.negativeFeedback, status: 'NONE' },
    fulfillmentType,
  });
  // The AHR score is Amazon's own policy score: it cannot be derived from orders, so it is just seeded.
  const ahrScore = new Random(seed ^ 0x5eed).int(212, 268);

  return {
    marketplaceId: data.marketplaceId,
    lastUpdatedDate: new Date(asOf).toISOString(),
    accountStatuses: [{ marketplaceId: data.marketplaceId, status: 'NORMAL' }],
    performanceMetrics: [
      {
        marketplaceId: data.marketplaceId,
        warningStates: [],
        orderDefectRate: { mfn: odr(m.odrMfn, 'mfn'), afn: odr(m.odrAfn, 'afn') },
        lateShipmentRate: lateShipment(m.lsr30d),
        lateShipmentRateList: [lateShipment(m.lsr10d), lateShipment(m.lsr30d)],
        prefulfillmentCancelRate: { ...rateEntry(m.cr7d, 0.025, 'LESS_THAN'), orderCount: m.cr7d.den, cancellationCount: m.cr7d.num },
        validTrackingRate: { ...rateEntry(m.vtr30d, 0.95, 'GREATER_THAN'), shipmentCount: m.vtr30d.den, validTrackingCount: m.vtr30d.num },
        // Spec v2 §4: the 14-day unit figure is `unitOnTimeDeliveryRate` (its fields from the SP-API schema's
        // example); `onTimeDeliveryRate` is a 30-day package figure (the real DE report's, with its 0.97 target).
        unitOnTimeDeliveryRate: {
          ...rateEntry(m.otdr14d, 0.9, 'GREATER_THAN'),
          unitOnTimeDeliveryCount: m.otdr14d.num,
          totalUnitCount: m.otdr14d.den,
        },
        onTimeDeliveryRate: {
          ...rateEntry(m.otd30dPackages, 0.97, 'GREATER_THAN'),
          shipmentCountWithValidTracking: m.otd30dPackages.den,
          onTimeDeliveryCount: m.otd30dPackages.num,
        },
        accountHealthRating: { ahrScore, ahrStatus: 'GOOD', reportingDateRange: policyRange },
        ...policyEntries(policyRange),
      },
    ],
  };
}
