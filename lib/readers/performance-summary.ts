import { z } from 'zod';
import { jsonReader } from './input';
import { PerformanceEntry, readingsOfEntries } from './performance-report';
import type { Reader } from './result';
import { maybe } from './schemas';

/**
 * The Account Health page's own JSON, `GET /performance/api/summary`. Amazon publishes no sample;
 * the demo site (test/demo-site/account-health.ts) serves the SP-API report's shape with a
 * top-level `marketplaceId` and `lastUpdatedDate`. Accepted: that document, or a bare
 * `performanceMetrics` entry (a summary of one marketplace). The top-level `marketplaceId` (else
 * the context's) stands in for entries that do not name theirs.
 */

const FORMAT = 'performance-api/summary';

const SummaryBody = z.union([
  z.object({ marketplaceId: maybe(z.string()), performanceMetrics: z.array(PerformanceEntry).min(1) }),
  PerformanceEntry.refine((e) => e.orderDefectRate || e.lateShipmentRate || e.lateShipmentRateList || e.accountHealthRating, {
    message: 'not an Account Health summary',
  }).transform((e) => ({ marketplaceId: e.marketplaceId, performanceMetrics: [e] })),
]);

export const readPerformanceSummary: Reader = jsonReader(FORMAT, SummaryBody, (body, ctx) =>
  readingsOfEntries(body.performanceMetrics, { ...ctx, marketplaceId: body.marketplaceId ?? ctx.marketplaceId }, FORMAT),
);
