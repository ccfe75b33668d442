import { z } from 'zod';
import type { Feedback } from '../model';
import { jsonReader, mapAll } from './input';
import { defined } from './order-fields';
import { count, instant, maybe } from './schemas';

/**
 * Feedback Manager's rows, `GET /fbmapi/v1/feedbacks`. No real sample is public: this accepts the
 * shape the demo site serves (test/demo-site/api.ts) and close variants:
 * `{marketplaceId?, feedbacks: [{feedbackId?, orderId, rating, feedbackDate | date, comments | comment,
 * status?: ACTIVE | REMOVED | STRUCK_THROUGH | WITHDRAWN, response?: string | null}]}`.
 * Instants as epoch seconds, epoch ms or ISO. `raterEmail` and any buyer field are dropped.
 *
 * The defect id is `feedback:{orderId}`, as for the feedback report: a buyer leaves at most one
 * seller feedback per order, and the shared id lets the same feedback from both sources merge.
 */

const FORMAT = 'fbmapi/feedbacks';

const REMOVED_STATUSES = new Set(['REMOVED', 'STRUCKTHROUGH', 'STRUCK', 'WITHDRAWN', 'DELETED']);
const ACTIVE_STATUSES = new Set(['ACTIVE', 'LIVE', 'PUBLISHED']);

const Row = z.object({
  orderId: z.string().min(1),
  rating: count.pipe(z.number().min(1).max(5)),
  feedbackDate: maybe(instant),
  date: maybe(instant),
  orderDate: maybe(instant),
  comments: maybe(z.string()),
  comment: maybe(z.string()),
  status: maybe(z.string()),
  // null = no response (the API sends the key); absent = unknown.
  response: z.string().nullable().optional(),
});
type Row = z.infer<typeof Row>;

export const FeedbacksBody = z.object({
  marketplaceId: maybe(z.string()),
  feedbacks: z.array(Row),
});

function removedOf(status: string | undefined): boolean | undefined {
  const s = status?.toUpperCase().replace(/[^A-Z]/g, '');
  return s === undefined ? undefined : REMOVED_STATUSES.has(s) ? true : ACTIVE_STATUSES.has(s) ? false : undefined;
}

function toFeedback(r: Row, marketplaceId: string, observedAt: number): Feedback | string {
  const date = r.feedbackDate ?? r.date;
  if (date === undefined) return `feedback on ${r.orderId} has no date`;
  return defined({
    kind: 'feedback' as const,
    id: `feedback:${r.orderId}`,
    orderId: r.orderId,
    marketplaceId,
    orderDate: r.orderDate,
    date,
    rating: r.rating,
    removed: removedOf(r.status),
    responded: r.response === undefined ? undefined : r.response !== null && r.response.trim() !== '',
    comment: (r.comments ?? r.comment)?.slice(0, 5000),
    observedAt,
    source: FORMAT,
  });
}

export const readFeedbacksApi = jsonReader(FORMAT, FeedbacksBody, (body, ctx) => {
  const marketplaceId = body.marketplaceId ?? ctx.marketplaceId;
  if (!marketplaceId) return 'the response names no marketplace';
  const defects = mapAll(body.feedbacks, (r) => toFeedback(r, marketplaceId, ctx.observedAt));
  return typeof defects === 'string' ? defects : { defects };
});
