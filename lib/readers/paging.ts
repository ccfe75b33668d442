import type { RequestPaging } from '../model/paging';
import type { TablePage } from '../model';
import { defined } from './order-fields';

/**
 * Where one page of a paged table sits (lib/model/batch.ts `TablePage`). Redline reads only the pages
 * the seller's own page loads: each is read as it comes, and the batch says whether rows remain, so
 * a page is never mistaken for the whole table.
 */
export function tablePage(table: string, rows: number, known: { first?: number; total?: number; more?: boolean }): TablePage {
  const { first, total } = known;
  if (first === undefined && total !== undefined && rows >= total) return defined({ table, first: 0, rows, total, more: false });
  const more = known.more ?? (first !== undefined && total !== undefined ? first + rows < total : undefined);
  return defined({ table, first, rows, total, more });
}

const numberOf = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/**
 * The first row a `pageNumber`/`pageSize` request asked for. Feedback Manager counts pages from 0
 * since it added a cursor (live capture 2026-07: `pageNumber=0&pageSize=20&…&lastEvaluatedKey=`);
 * older code asked for `pageNumber=1` with no cursor (public file 20169467659): from 1 then.
 */
export function pageStartOf(paging: RequestPaging | undefined): number | undefined {
  const page = numberOf(paging?.pageNumber ?? paging?.page);
  const size = numberOf(paging?.pageSize ?? paging?.limit);
  if (page === undefined || size === undefined) return undefined;
  const zeroBased = paging?.lastEvaluatedKey !== undefined;
  if (!zeroBased && page === 0) return undefined; // 0 in a 1-based scheme: not a page we can place
  return (zeroBased ? page : page - 1) * size;
}
