import { z } from 'zod';
import type { AmazonReading, ReadResult } from '../model';
import { ACCOUNT_HEALTH_ROW_KINDS, MAX_TEXT, metricOfRow, type AccountHealthRow } from './account-health-extract';
import { MAX_POLICY_ROWS, policyReadingsOfRows } from './account-health-policy';
import { findCounts, findPercentages, parseLocaleNumber } from './locale-numbers';

/**
 * The Account Health dashboard, read from its DOM: the page is server-rendered AUI and loads no
 * metric JSON for it (live capture, 2026-07). The content script only extracts text
 * (account-health-extract.ts: cheap, and no zod in the page); the background validates and parses it
 * here, in the page's locale.
 *
 * A row gives a reading only when it is unambiguous: its window and channel are known, and its rate
 * is the one percentage of its rate cell (the real AUI cell), or, without one, of the percentages it
 * shows (the rate, the target, …) exactly one agrees with its "x of y" counts, or it shows only one.
 * Counts that disagree with the rate mean no reading: no reading is better than a wrong one. The
 * ODR's three parts are counts where a cell says "x of y", or where its percentage of the ODR's
 * orders can be only one whole number.
 */

const Text = z.string().max(MAX_TEXT);
export const AccountHealthExtraction = z.object({
  rows: z.array(
    z.object({
      kind: z.enum(ACCOUNT_HEALTH_ROW_KINDS),
      text: Text,
      rate: Text.nullable().optional(),
      window: Text.nullable(),
      channel: Text.nullable(),
      parts: z.array(Text).max(3).nullable().optional(),
    }),
  ),
  ahr: Text.nullable(),
  /** Policy Compliance rows; absent from an extraction made before they were read. */
  policies: z
    .array(z.object({ id: z.string().max(100), label: Text, count: Text.nullable() }))
    .max(MAX_POLICY_ROWS)
    .optional(),
});

/** `gt` metrics show the good share; Amazon's report counts the good events as the numerator. */
const CONDITION: Record<AccountHealthRow['kind'], 'lt' | 'gt'> = {
  lateShipment: 'lt',
  cancel: 'lt',
  orderDefect: 'lt',
  validTracking: 'gt',
  onTimeDelivery: 'gt',
};

/** Displayed rates are rounded to at most two decimals of a percent. */
const ROUNDING = 0.00005 + 1e-9;

/**
 * Amazon's published targets per row. A row whose value is missing ("--", a new account) still
 * shows its target: a lone percentage equal to the target may be that line, so it is not a reading.
 */
const TARGETS: Record<AccountHealthRow['kind'], number[]> = {
  lateShipment: [0.04],
  cancel: [0.025],
  orderDefect: [0.01],
  validTracking: [0.95],
  onTimeDelivery: [0.9, 0.97],
};

/**
 * The rate and the "x of y" pair that agree with each other, or the only rate shown when nothing
 * contradicts it: no counts that disagree with it (found by fuzzing: a row whose rate was cut off
 * gave its target as the rate), and not the row's published target.
 */
function rateAndCounts(rates: number[], counts: number[], targets: number[]): { rate: number; pair?: [number, number] } | undefined {
  const agreeing: { rate: number; pair: [number, number] }[] = [];
  const agrees = (rate: number, a: number, b: number) => b > 0 && a <= b && Math.abs(a / b - rate) <= ROUNDING;
  for (const rate of rates) {
    for (let i = 0; i + 1 < counts.length; i++) {
      const [x, y] = [counts[i]!, counts[i + 1]!];
      // "2 of 68 orders", and the other way round ("68件中2件", a Japanese word order).
      if (agrees(rate, x, y)) agreeing.push({ rate, pair: [x, y] });
      else if (agrees(rate, y, x)) agreeing.push({ rate, pair: [y, x] });
    }
  }
  if (agreeing.length === 1) return agreeing[0];
  const lone = rates.length === 1 ? rates[0]! : undefined;
  if (agreeing.length === 0 && lone !== undefined && counts.length === 0 && !targets.some((t) => Math.abs(t - lone) < 1e-9)) return { rate: lone };
  return undefined;
}

/** The one whole number of `den` orders that a part's displayed percentage can be, or its own "x of y". */
function partCount(cell: string, den: number, num: number, lang: string): number | undefined {
  const rates = findPercentages(cell, lang).filter((r) => r <= 1);
  if (rates.length !== 1) return undefined;
  const rate = rates[0]!;
  const found = rateAndCounts([rate], findCounts(cell, lang), []);
  if (found?.pair) return found.pair[1] === den && found.pair[0] <= num ? found.pair[0] : undefined;
  const low = Math.max(0, Math.ceil((rate - ROUNDING) * den));
  const high = Math.floor((rate + ROUNDING) * den);
  return low === high && low >= 0 && low <= num ? low : undefined;
}

const PART_KEYS = ['negativeFeedback', 'claims', 'chargebacks'] as const;

function readingOf(row: AccountHealthRow, lang: string): Partial<AmazonReading> | undefined {
  const counts = findCounts(row.text, lang);
  let found: ReturnType<typeof rateAndCounts>;
  if (row.rate != null) {
    // The AUI rate cell: its one percentage is the rate (it may equal the target); counts must agree.
    const rates = findPercentages(row.rate, lang).filter((r) => r <= 1);
    found = rates.length === 1 ? rateAndCounts(rates, counts, []) : undefined;
  } else {
    found = rateAndCounts(
      findPercentages(row.text, lang).filter((r) => r <= 1),
      counts,
      TARGETS[row.kind],
    );
  }
  if (!found) return undefined;
  const reading: Partial<AmazonReading> = { rate: found.rate, targetCondition: CONDITION[row.kind] };
  if (!found.pair) return reading;
  const [num, den] = found.pair;
  Object.assign(reading, { numerator: num, denominator: den });
  if (row.parts?.length === 3) {
    row.parts.forEach((cell, i) => {
      const n = partCount(cell, den, num, lang);
      if (n !== undefined) reading[PART_KEYS[i]!] = n;
    });
  }
  return reading;
}

export function readAccountHealth(raw: unknown, ctx: { lang: string; marketplaceId: string; observedAt: number }): ReadResult {
  const parsed = AccountHealthExtraction.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: 'Account Health extraction has an unexpected shape' };
  const { rows, ahr } = parsed.data;
  const base = { marketplaceId: ctx.marketplaceId, observedAt: ctx.observedAt, source: 'dom/account-health' };
  const readings: AmazonReading[] = [];
  for (const row of rows) {
    const metric = metricOfRow(row);
    const found = metric && readingOf(row, ctx.lang);
    if (!metric || !found || readings.some((r) => r.metric === metric)) continue;
    readings.push({ ...base, metric, ...found });
  }
  const score = ahr === null ? undefined : parseLocaleNumber(ahr.match(/\d[\d.,\s]*/)?.[0]?.trim() ?? '', ctx.lang);
  if (score !== undefined && Number.isInteger(score) && score >= 0 && score <= 1000) readings.push({ ...base, metric: 'ahr', score });
  const policies = policyReadingsOfRows(parsed.data.policies ?? [], ctx.lang, base);
  if (readings.length === 0 && policies.length === 0) return { ok: false, reason: 'unknownFormat', detail: 'no Account Health metric found on the page' };
  return { ok: true, batch: { format: 'dom/account-health', orders: [], defects: [], readings, policies } };
}
