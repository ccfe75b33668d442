import { z } from 'zod';
import { MARKETPLACES } from '../marketplaces';
import type { Feedback } from '../model';
import { jsonReader, mapAll } from './input';
import { defined } from './order-fields';
import { pageStartOf, tablePage } from './paging';
import { count, instant, maybe } from './schemas';

/**
 * Feedback Manager's rows, `GET /fbmapi/v1/feedbacks`. The real 2026 shape (live capture, amazon.in,
 * 2026-07; test/fixtures/seller-central/2026/fbmapi-feedbacks.2026-07.IN.excerpt.json):
 * `{feedbacks: [{feedbackId, orderId, numericRating, feedbackText, feedbackDate (ISO, ms),
 * ratingRole: "BuyerRatesSeller", suppressed, partiallySuppressed, suppressReasonId, responseText,
 * responseId, encryptedMarketplaceId, encryptedRaterId, …}]}`. Close variants are read too: `rating`
 * (older code and the demo before 2026), `answerMap.NumericAnswer.numericRating`, `comments`/`comment`,
 * `date`, epoch seconds or ms, a `status` word (`REMOVED`, `STRUCK_THROUGH`), `response`.
 * `encryptedRaterId` and every buyer field are dropped.
 *
 * Struck through: `suppressed: true` (e.g. `suppressReasonId: "AmazonFaultFBAShipping"`, an FBA
 * delivery Amazon answers for) is `removed`, never a defect (metrics-spec §2.1). A suppress reason
 * without the flag is read as struck through too; `partiallySuppressed` alone is not (its meaning
 * is unknown).
 *
 * The defect id is `feedback:{orderId}`, as for the feedback report: a buyer leaves at most one
 * seller feedback per order, and the shared id lets the same feedback from both sources merge.
 *
 * Paging: the page asks `pageNumber=0&pageSize=20&…&lastEvaluatedKey=` (0-based, with a cursor); the
 * captured part of the real body shows no paging field, so the request's parameters (ctx.paging) place
 * the page, and a body's `lastEvaluatedKey` / `totalCount` say whether more follow.
 */

const FORMAT = 'fbmapi/feedbacks';

const REMOVED_STATUSES = new Set(['REMOVED', 'STRUCKTHROUGH', 'STRUCK', 'WITHDRAWN', 'DELETED', 'SUPPRESSED']);
const ACTIVE_STATUSES = new Set(['ACTIVE', 'LIVE', 'PUBLISHED']);
const KNOWN_MARKETPLACES = new Set(MARKETPLACES.map((m) => m.marketplaceId));

const Rating = count.pipe(z.number().min(1).max(5));

const Row = z.object({
  orderId: z.string().min(1),
  numericRating: maybe(Rating),
  rating: maybe(Rating),
  answerMap: maybe(z.object({ NumericAnswer: maybe(z.object({ numericRating: maybe(Rating) })) })),
  /** `BuyerRatesSeller` is seller feedback; any other role is not. */
  ratingRole: maybe(z.string()),
  feedbackDate: maybe(instant),
  date: maybe(instant),
  orderDate: maybe(instant),
  feedbackText: maybe(z.string()),
  comments: maybe(z.string()),
  comment: maybe(z.string()),
  suppressed: maybe(z.boolean()),
  suppressReasonId: maybe(z.string()),
  status: maybe(z.string()),
  /** Present as null = no response (the API sends the key); absent = unknown. */
  responseText: z.string().nullable().optional(),
  responseId: z.string().nullable().optional(),
  response: z.string().nullable().optional(),
  marketplaceId: maybe(z.string()),
  /** Despite its name, the real capture holds the plain marketplace id (`A21TJRUUN4KGV`). */
  encryptedMarketplaceId: maybe(z.string()),
});
type Row = z.infer<typeof Row>;

export const FeedbacksBody = z.object({
  marketplaceId: maybe(z.string()),
  feedbacks: z.array(Row),
  /** The next page's cursor; null on the last page. */
  lastEvaluatedKey: z
    .union([z.string(), z.record(z.string(), z.unknown())])
    .nullable()
    .optional(),
  totalCount: maybe(count),
});

function removedOf(r: Row): boolean | undefined {
  if (r.suppressed !== undefined) return r.suppressed;
  if (r.suppressReasonId) return true;
  const s = r.status?.toUpperCase().replace(/[^A-Z]/g, '');
  return s === undefined ? undefined : REMOVED_STATUSES.has(s) ? true : ACTIVE_STATUSES.has(s) ? false : undefined;
}

function respondedOf(r: Row): boolean | undefined {
  const answers = [r.responseText, r.responseId, r.response];
  if (answers.every((a) => a === undefined)) return undefined;
  return answers.some((a) => typeof a === 'string' && a.trim() !== '');
}

/** The row's own marketplace, when it is one Redline knows (an encrypted id is not). */
function rowMarketplace(r: Row): string | undefined {
  return [r.marketplaceId, r.encryptedMarketplaceId].find((id) => id !== undefined && KNOWN_MARKETPLACES.has(id));
}

function toFeedback(r: Row, fallbackMarketplace: string | undefined, observedAt: number): Feedback | string | undefined {
  if (r.ratingRole !== undefined && !/^buyer\s*rates\s*seller$/i.test(r.ratingRole)) return undefined;
  const rating = r.numericRating ?? r.rating ?? r.answerMap?.NumericAnswer?.numericRating;
  if (rating === undefined) return `feedback on ${r.orderId} has no rating`;
  const date = r.feedbackDate ?? r.date;
  if (date === undefined) return `feedback on ${r.orderId} has no date`;
  const marketplaceId = rowMarketplace(r) ?? fallbackMarketplace;
  if (!marketplaceId) return 'the response names no marketplace';
  return defined({
    kind: 'feedback' as const,
    id: `feedback:${r.orderId}`,
    orderId: r.orderId,
    marketplaceId,
    orderDate: r.orderDate,
    date,
    rating,
    removed: removedOf(r),
    responded: respondedOf(r),
    comment: (r.feedbackText ?? r.comments ?? r.comment)?.slice(0, 5000),
    observedAt,
    source: FORMAT,
  });
}

export const readFeedbacksApi = jsonReader(FORMAT, FeedbacksBody, (body, ctx) => {
  const fallback = body.marketplaceId ?? ctx.marketplaceId;
  const defects = mapAll(body.feedbacks, (r) => toFeedback(r, fallback, ctx.observedAt));
  if (typeof defects === 'string') return defects;
  const cursor = body.lastEvaluatedKey;
  const page = tablePage('feedbackManager', body.feedbacks.length, {
    first: pageStartOf(ctx.paging),
    total: body.totalCount,
    more: cursor === undefined ? undefined : cursor !== null && cursor !== '',
  });
  return { defects, tables: [page] };
});
