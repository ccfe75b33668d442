import type { z } from 'zod';
import type { RequestPaging } from '../model/paging';
import { safeParseBatch, type Batch, type NotRecognizedReason, type ReadResult } from '../model';

/** What a reader knows besides its input: when it was seen, and the marketplace if the source does not say. */
export interface ReadContext {
  observedAt: number;
  marketplaceId?: string;
  /** The paging parameters of the request a captured response answered (lib/model/paging.ts). */
  paging?: RequestPaging;
}

/** Every reader: a pure function that never throws (seller-central.md: "not recognized" rather than guess). */
export type Reader = (input: unknown, ctx: ReadContext) => ReadResult;

export type Failure = Extract<ReadResult, { ok: false }>;

export const notRecognized = (reason: NotRecognizedReason, detail: string): Failure => ({ ok: false, reason, detail });

/** The first zod issue, short enough for a log line: `orders.0.orderDate: Invalid input`. */
export function issueDetail(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  if (!issue) return `${what}: invalid`;
  const path = issue.path.map(String).join('.');
  return `${what}: ${path ? `${path}: ` : ''}${issue.message}`.slice(0, 300);
}

/**
 * The one way a reader returns records: the batch is checked against the model once more, so a
 * reader bug can only ever produce "invalid", never a wrong record.
 */
export function recognized(format: string, parts: Partial<Omit<Batch, 'format'>>): ReadResult {
  const parsed = safeParseBatch({ format, orders: [], defects: [], readings: [], ...parts });
  if (!parsed.success) return notRecognized('invalid', issueDetail(parsed.error, format));
  return { ok: true, batch: parsed.data };
}

/** Wraps a reader so that an unexpected exception becomes "invalid" instead of escaping. */
export function neverThrows(format: string, reader: Reader): Reader {
  return (input, ctx) => {
    try {
      return reader(input, ctx);
    } catch (error) {
      return notRecognized('invalid', `${format}: internal error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
    }
  };
}
