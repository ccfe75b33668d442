import { z } from 'zod';
import { EpochMs } from './time';
import { MetricKey, TargetCondition } from './metric-keys';
import { MarketplaceId } from './order';

/**
 * One metric as Amazon itself reported it (Account Health page, its JSON, or the SP-API
 * GET_V2_SELLER_PERFORMANCE_REPORT), read at `observedAt` (metrics-spec §4).
 */
export const AmazonReading = z.object({
  marketplaceId: MarketplaceId,
  metric: MetricKey,
  observedAt: EpochMs,
  source: z.string().min(1).max(64),
  /** Fraction (0.01 = 1 %); for `ahr` absent (see `score`). */
  rate: z.number().min(0).max(1).optional(),
  /** Bad events for `lt` metrics, good events for `gt` metrics, as the report counts them. */
  numerator: z.number().int().min(0).optional(),
  denominator: z.number().int().min(0).optional(),
  /** The reading's window as instants (`reportingDateRange`). */
  windowFrom: EpochMs.optional(),
  windowTo: EpochMs.optional(),
  targetValue: z.number().min(0).max(1).optional(),
  targetCondition: TargetCondition.optional(),
  /** Amazon's own status word (`GOOD`, `FAIR`, `POOR`, `AT RISK`, `Healthy`, …), as given; `NONE` readings are not kept (spec v2 §4). */
  status: z.string().max(64).optional(),
  /** ODR parts (each also a count of orders, as the report has them). */
  negativeFeedback: z.number().int().min(0).optional(),
  claims: z.number().int().min(0).optional(),
  chargebacks: z.number().int().min(0).optional(),
  /** Invoice Defect Rate parts (`idr.7d`): orders with a missing and with a late invoice. */
  missingInvoice: z.number().int().min(0).optional(),
  lateInvoice: z.number().int().min(0).optional(),
  /** Account Health Rating score (0–1000), `ahr` only. */
  score: z.number().int().min(0).max(1000).optional(),
});
export type AmazonReading = z.infer<typeof AmazonReading>;
