import { z } from 'zod';
import type { AmazonReading, MetricKey, ReadResult } from '../model';
import { ACCOUNT_HEALTH_ROWS, AHR_SCORE, queryFirst } from './selectors';
import { findCounts, findPercentage, parseLocaleNumber } from './locale-numbers';

/**
 * The Account Health dashboard, read from its DOM (there is no public sample of its JSON). The
 * content script only extracts text (cheap, no parsing on the page's thread); the background
 * validates and parses it here, in the page's locale.
 */

const MAX_TEXT = 2000;

export const AccountHealthExtraction = z.object({
  rows: z.array(z.object({ metric: z.enum(['lsr.30d', 'cr.7d', 'vtr.30d', 'otdr.14d', 'odr.mfn']), text: z.string().max(MAX_TEXT) })),
  ahr: z.string().max(MAX_TEXT).nullable(),
});
export type AccountHealthExtraction = z.infer<typeof AccountHealthExtraction>;

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);

/** Runs in the content script: the rows' text, nothing more. */
export function extractAccountHealth(doc: ParentNode): AccountHealthExtraction {
  const rows: AccountHealthExtraction['rows'] = [];
  for (const [metric, alternatives] of Object.entries(ACCOUNT_HEALTH_ROWS)) {
    const row = queryFirst(doc, alternatives);
    if (row) rows.push({ metric: metric as AccountHealthExtraction['rows'][number]['metric'], text: text(row) });
  }
  return { rows, ahr: queryFirst(doc, AHR_SCORE) ? text(queryFirst(doc, AHR_SCORE)) : null };
}

/**
 * "x of y orders" beside a rate: of all the whole numbers in the row, the adjacent pair whose ratio
 * rounds to the displayed rate. A pair that does not agree with the rate is not taken, so a
 * "30 days" in the same row can never become a denominator.
 */
function countsMatchingRate(counts: number[], rate: number): [number, number] | undefined {
  for (let i = 0; i + 1 < counts.length; i++) {
    const [a, b] = [counts[i]!, counts[i + 1]!];
    if (b > 0 && a <= b && Math.abs(a / b - rate) <= 0.0005 + 1e-9) return [a, b];
  }
  return undefined;
}

/** `gt` metrics show the good share; Amazon's report counts the good events as the numerator. */
const CONDITION: Record<AccountHealthExtraction['rows'][number]['metric'], 'lt' | 'gt'> = {
  'lsr.30d': 'lt',
  'cr.7d': 'lt',
  'odr.mfn': 'lt',
  'vtr.30d': 'gt',
  'otdr.14d': 'gt',
};

export function readAccountHealth(
  raw: unknown,
  ctx: { lang: string; marketplaceId: string; observedAt: number },
): ReadResult {
  const parsed = AccountHealthExtraction.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: 'Account Health extraction has an unexpected shape' };
  const { rows, ahr } = parsed.data;
  const base = { marketplaceId: ctx.marketplaceId, observedAt: ctx.observedAt, source: 'dom/account-health' };
  const readings: AmazonReading[] = [];
  for (const row of rows) {
    const rate = findPercentage(row.text, ctx.lang);
    if (rate === undefined || rate > 1) continue;
    const pair = countsMatchingRate(findCounts(row.text, ctx.lang), rate);
    readings.push({
      ...base,
      metric: row.metric as MetricKey,
      rate,
      targetCondition: CONDITION[row.metric],
      ...(pair ? { numerator: pair[0], denominator: pair[1] } : {}),
    });
  }
  const score = ahr === null ? undefined : parseLocaleNumber(ahr.match(/\d[\d.,\s]*/)?.[0]?.trim() ?? '', ctx.lang);
  if (score !== undefined && Number.isInteger(score) && score >= 0 && score <= 1000) {
    readings.push({ ...base, metric: 'ahr', score });
  }
  if (readings.length === 0) {
    return { ok: false, reason: 'unknownFormat', detail: 'no Account Health metric found on the page' };
  }
  return { ok: true, batch: { format: 'dom/account-health', orders: [], defects: [], readings } };
}
