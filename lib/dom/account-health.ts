import { z } from 'zod';
import type { AmazonReading, MetricKey, ReadResult } from '../model';
import { ACCOUNT_HEALTH_ROW_KINDS, MAX_TEXT, type AccountHealthRow } from './account-health-extract';
import { findCounts, findPercentages, parseLocaleNumber } from './locale-numbers';

/**
 * The Account Health dashboard, read from its DOM (there is no public sample of its JSON). The
 * content script only extracts text (account-health-extract.ts: cheap, and no zod in the page);
 * the background validates and parses it here, in the page's locale.
 *
 * A row gives a reading only when it is unambiguous: its window and channel are known, and of the
 * percentages it shows (the rate, the target, …) exactly one agrees with its "x of y" counts, or it
 * shows only one. Anything else is skipped: no reading is better than a wrong one.
 */

const Text = z.string().max(MAX_TEXT);
export const AccountHealthExtraction = z.object({
  rows: z.array(z.object({ kind: z.enum(ACCOUNT_HEALTH_ROW_KINDS), text: Text, window: Text.nullable(), channel: Text.nullable() })),
  ahr: Text.nullable(),
});

/** Which metric a row shows; undefined when its window or channel cannot be told. */
function metricOf(row: AccountHealthRow): MetricKey | undefined {
  switch (row.kind) {
    case 'lateShipment': {
      const days = Number(row.window?.match(/\d+/)?.[0]);
      return days === 10 ? 'lsr.10d' : days === 30 ? 'lsr.30d' : undefined;
    }
    case 'orderDefect':
      // "Fulfilled by Amazon" / "Versand durch Amazon" / "Amazon出荷" vs "Seller Fulfilled" / "Händler" / "出品者".
      if (!row.channel) return undefined;
      return /amazon|fba/i.test(row.channel) ? 'odr.afn' : 'odr.mfn';
    case 'cancel':
      return 'cr.7d';
    case 'validTracking':
      return 'vtr.30d';
    case 'onTimeDelivery':
      return 'otdr.14d';
  }
}

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
  for (const rate of rates) {
    for (let i = 0; i + 1 < counts.length; i++) {
      const [a, b] = [counts[i]!, counts[i + 1]!];
      if (b > 0 && a <= b && Math.abs(a / b - rate) <= ROUNDING) agreeing.push({ rate, pair: [a, b] });
    }
  }
  if (agreeing.length === 1) return agreeing[0];
  const lone = rates.length === 1 ? rates[0]! : undefined;
  if (agreeing.length === 0 && lone !== undefined && counts.length === 0 && !targets.some((t) => Math.abs(t - lone) < 1e-9)) return { rate: lone };
  return undefined;
}

export function readAccountHealth(raw: unknown, ctx: { lang: string; marketplaceId: string; observedAt: number }): ReadResult {
  const parsed = AccountHealthExtraction.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: 'Account Health extraction has an unexpected shape' };
  const { rows, ahr } = parsed.data;
  const base = { marketplaceId: ctx.marketplaceId, observedAt: ctx.observedAt, source: 'dom/account-health' };
  const readings: AmazonReading[] = [];
  for (const row of rows) {
    const metric = metricOf(row);
    const found = metric && rateAndCounts(findPercentages(row.text, ctx.lang).filter((r) => r <= 1), findCounts(row.text, ctx.lang), TARGETS[row.kind]);
    if (!metric || !found) continue;
    readings.push({
      ...base,
      metric,
      rate: found.rate,
      targetCondition: CONDITION[row.kind],
      ...(found.pair ? { numerator: found.pair[0], denominator: found.pair[1] } : {}),
    });
  }
  const score = ahr === null ? undefined : parseLocaleNumber(ahr.match(/\d[\d.,\s]*/)?.[0]?.trim() ?? '', ctx.lang);
  if (score !== undefined && Number.isInteger(score) && score >= 0 && score <= 1000) readings.push({ ...base, metric: 'ahr', score });
  if (readings.length === 0) return { ok: false, reason: 'unknownFormat', detail: 'no Account Health metric found on the page' };
  return { ok: true, batch: { format: 'dom/account-health', orders: [], defects: [], readings } };
}
