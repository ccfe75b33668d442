/**
 * Account Health Assurance (metrics-spec v2 §2.2 [A]): a seller qualifies with an Account Health Rating
 * of 250 or more for six months with at most 10 days below 250. Amazon keeps no history of the rating
 * (spec v2 §4), so Redline counts from the readings it stored: one per day, the day's latest.
 *
 * [decision] A reading's score holds from its day until the next reading (the rating is a standing
 * figure, and a seller opens Account Health every few days, not every day); days before the first
 * reading are not known. With fewer than 180 days known the answer is "not enough history yet",
 * unless more than 10 days below 250 are already known, which no later day can undo.
 */
import type { AmazonReading } from '../model';
import { dateOfDay, type LocalCalendar } from './calendar';
import type { AccountHealthAssurance } from './report-schema';

export const ASSURANCE_SCORE = 250;
export const ASSURANCE_DAYS = 180;
export const ASSURANCE_MAX_DAYS_BELOW = 10;

export function accountHealthAssurance(
  readings: readonly AmazonReading[],
  marketplaceId: string,
  asOf: number,
  calendar: LocalCalendar,
): AccountHealthAssurance {
  const today = calendar.dayOf(asOf);
  const from = today - ASSURANCE_DAYS + 1;
  const window = { from: dateOfDay(from), to: dateOfDay(today) };
  // Each day's latest score.
  const byDay = new Map<number, { at: number; score: number }>();
  for (const r of readings) {
    if (r.metric !== 'ahr' || r.score === undefined || r.marketplaceId !== marketplaceId || r.observedAt > asOf) continue;
    const day = calendar.dayOf(r.observedAt);
    const seen = byDay.get(day);
    if (!seen || r.observedAt > seen.at) byDay.set(day, { at: r.observedAt, score: r.score });
  }
  if (byDay.size === 0) return { status: 'unknown', daysBelow250: null, daysCovered: 0, since: null, window };
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const first = days[0]!;
  let below = 0;
  let covered = 0;
  // The score in force on `from`: the last reading on or before it.
  let score: number | undefined;
  for (const day of days) if (day <= from) score = byDay.get(day)!.score;
  for (let day = Math.max(from, first); day <= today; day++) {
    score = byDay.get(day)?.score ?? score;
    covered++;
    if (score! < ASSURANCE_SCORE) below++;
  }
  const status = below > ASSURANCE_MAX_DAYS_BELOW ? 'notEligible' : first <= from ? 'eligible' : 'notEnoughHistory';
  return { status, daysBelow250: below, daysCovered: covered, since: dateOfDay(first), window };
}
