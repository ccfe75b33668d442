import { describe, expect, it } from 'vitest';
import { pagingOf } from '../../../lib/capture/paging';

describe('the paging parameters of a captured request', () => {
  it('keeps the page’s place and drops every other parameter (search words, order ids)', () => {
    const real = new URLSearchParams(
      'pageNumber=0&pageSize=20&fromRating=1&toRating=5&sortBy=Date&descendingOrder=true&includePartiallySuppressed=true&excludeTTRFeedback=true&lastEvaluatedKey=',
    );
    expect(pagingOf(real)).toEqual({ pageNumber: '0', pageSize: '20', lastEvaluatedKey: '' });
    const search = new URLSearchParams('limit=15&offset=30&sort=ship_by_asc&q=114-7941379-5480234&qt=orderid');
    expect(pagingOf(search)).toEqual({ limit: '15', offset: '30' });
    expect(pagingOf(new URLSearchParams('q=Jane%20Buyer'))).toBeUndefined();
  });

  it('reduces a cursor to whether it was sent, and drops values that are not small counts', () => {
    expect(pagingOf(new URLSearchParams('pageNumber=1&lastEvaluatedKey=eyJvcmRlcklkIjoiMTE0LTc5NDEzNzktNTQ4MDIzNCJ9'))).toEqual({
      pageNumber: '1',
      lastEvaluatedKey: 'set',
    });
    expect(pagingOf(new URLSearchParams('offset=-1&limit=1e9&page=abc&pageSize=9999999999'))).toBeUndefined();
  });
});
