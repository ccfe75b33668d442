import type { Feedback } from '../model';
import { contextMarketplace, flatReader } from './flat-file';
import { defined } from './order-fields';
import { parseShortDates } from './short-dates';

/**
 * Feedback report (`GET_SELLER_FEEDBACK_DATA`): `Date  Rating  Comments  Your Response  Order ID
 * Rater Email`, tab-separated. Variants: `Response` for `Your Response`; older exports add
 * `Arrived On Time`, `Item as Described`, `Customer Service`, `Rater Role` (ignored). `Rater Email`
 * is never read. The report has no marketplace column: the context must give it, and it also
 * decides the date format (short-dates.ts).
 */

const FORMAT = 'flat/feedback';
const RESPONSE = ['Your Response', 'Response'];

export const readFeedbackReport = flatReader(FORMAT, [['Date'], ['Rating'], ['Order ID']], ({ columns, rows }, ctx) => {
  const market = contextMarketplace(ctx);
  if (typeof market === 'string') return market;
  const dates = parseShortDates(
    rows.map((r) => columns.get(r, 'Date') ?? ''),
    market.marketplaceId,
    market.timeZone,
  );
  if (typeof dates === 'string') return dates;
  const hasResponseColumn = RESPONSE.some((c) => columns.has(c));
  const defects: Feedback[] = [];
  for (const [i, row] of rows.entries()) {
    const orderId = columns.get(row, 'Order ID');
    const ratingText = columns.get(row, 'Rating') ?? '';
    if (!orderId) return `row ${i + 2} has no order id`;
    if (!/^[1-5]$/.test(ratingText)) return `row ${i + 2}: rating "${ratingText.slice(0, 20)}" is not 1-5`;
    defects.push(
      defined({
        kind: 'feedback' as const,
        id: `feedback:${orderId}`,
        orderId,
        marketplaceId: market.marketplaceId,
        date: dates[i]!,
        rating: Number(ratingText),
        responded: hasResponseColumn ? columns.get(row, ...RESPONSE) !== undefined : undefined,
        comment: columns.get(row, 'Comments')?.slice(0, 5000),
        observedAt: ctx.observedAt,
        source: FORMAT,
      }),
    );
  }
  return { defects };
});
