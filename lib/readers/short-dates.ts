import { marketplaceById } from '../marketplaces';
import { localToEpochMs, parseIsoParts } from './instant';

/**
 * Short dates in Amazon's feedback report, whose format follows the marketplace: `10/20/23`
 * (US: M/D/YY), `20/10/23` or `20.10.23` (Europe and elsewhere: DD/MM/YY), `2023/10/20` (JP).
 *
 * Rule, per file (one file has one format):
 * 1. A 4-digit first part is year-month-day, whatever the marketplace.
 * 2. Otherwise the file's own dates decide: a first part above 12 proves day-first, a second part
 *    above 12 proves month-first; a file with both is rejected (not guessed).
 * 3. A file whose every date is ambiguous (both parts ≤ 12) follows the marketplace: month-first for
 *    the North American unified account's US and CA, day-first everywhere else.
 * The date is a calendar day; it becomes the start of that day in the marketplace's time zone.
 */

type DayOrder = 'mdy' | 'dmy';

const MONTH_FIRST_MARKETPLACES = new Set(['US', 'CA']);

function split(text: string): [number, number, number, string] | undefined {
  const m = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[1]!] : undefined;
}

/** The file's day order; undefined when its dates contradict each other. */
function fileOrder(parts: [number, number, number, string][], marketplaceId: string): DayOrder | undefined {
  const dayFirst = parts.some(([a, , , raw]) => raw.length <= 2 && a > 12);
  const monthFirst = parts.some(([, b, , raw]) => raw.length <= 2 && b > 12);
  if (dayFirst && monthFirst) return undefined;
  if (dayFirst) return 'dmy';
  if (monthFirst) return 'mdy';
  return MONTH_FIRST_MARKETPLACES.has(marketplaceById(marketplaceId)?.country ?? '') ? 'mdy' : 'dmy';
}

const fullYear = (y: number) => (y < 100 ? 2000 + y : y);

/** All the file's dates → epoch ms (same order), or why they cannot be read. */
export function parseShortDates(texts: string[], marketplaceId: string, timeZone: string): number[] | string {
  const parts = [];
  for (const text of texts) {
    const p = split(text);
    if (!p) return `not a date: ${text.slice(0, 30)}`;
    parts.push(p);
  }
  const order = fileOrder(parts, marketplaceId);
  if (!order) return 'dates mix day-first and month-first formats';
  const out: number[] = [];
  for (const [a, b, c, raw] of parts) {
    const [y, m, d] = raw.length === 4 ? [a, b, c] : order === 'mdy' ? [fullYear(c), a, b] : [fullYear(c), b, a];
    const iso = parseIsoParts(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    if (!iso) return `not a calendar date: ${a}/${b}/${c}`;
    out.push(localToEpochMs(iso, timeZone));
  }
  return out;
}
