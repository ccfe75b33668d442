import { describe, expect, it } from 'vitest';
import { readFeedbacksApi, readResponse } from '../../../lib/readers';
import { DemoSite } from '../../demo-site/server';
import { batchOf, expectNotRecognized, fixture, fixtureJson, OBSERVED, US } from './helpers';

const IN = 'A21TJRUUN4KGV';
const ctx = { observedAt: OBSERVED };
const REAL = 'seller-central/2026/fbmapi-feedbacks.2026-07.IN.excerpt.json';

describe('/fbmapi/v1/feedbacks: the real 2026 rows (live capture, amazon.in)', () => {
  const read = () => batchOf(readResponse('/fbmapi/v1/feedbacks', 200, 'application/json', fixture(REAL), { ...ctx, marketplaceId: IN }));

  it('reads every row: numericRating, ISO feedbackDate, the comment, no response', () => {
    expect(read().defects).toEqual([
      {
        kind: 'feedback',
        id: 'feedback:405-0000001-0000001',
        orderId: '405-0000001-0000001',
        marketplaceId: IN,
        date: Date.parse('2026-07-27T08:24:39.851Z'),
        rating: 1,
        removed: false,
        responded: false,
        comment: '1 order 2 of them but I received only one',
        observedAt: OBSERVED,
        source: 'fbmapi/feedbacks',
      },
      expect.objectContaining({ orderId: '404-0000002-0000002', rating: 5, removed: false, date: Date.parse('2026-07-22T17:09:01.601Z') }),
      expect.objectContaining({ orderId: '405-0000003-0000003', rating: 1, removed: true }),
      expect.objectContaining({ orderId: '406-0000004-0000004', rating: 4, removed: false }),
    ]);
  });

  it('the 1★ Amazon struck through (suppressed, AmazonFaultFBAShipping) is removed: it never counts', () => {
    const struck = read().defects.find((d) => d.orderId === '405-0000003-0000003');
    expect(struck).toMatchObject({ kind: 'feedback', rating: 1, removed: true });
  });

  it('takes the marketplace from the rows (their `encryptedMarketplaceId` is the plain id), not from a wrong guess', () => {
    const fromRows = batchOf(readFeedbacksApi(fixture(REAL), { ...ctx, marketplaceId: US }));
    expect(new Set(fromRows.defects.map((d) => d.marketplaceId))).toEqual(new Set([IN]));
  });

  it('places the page from its request: pageNumber=0 with an empty cursor is the first page; the body does not say if more follow', () => {
    const paging = { pageNumber: '0', pageSize: '20', lastEvaluatedKey: '' };
    expect(batchOf(readFeedbacksApi(fixture(REAL), { ...ctx, paging })).tables).toEqual([{ table: 'feedbackManager', first: 0, rows: 4 }]);
    // Page 2 (0-based 1) after a cursor; the older 1-based scheme without a cursor.
    expect(batchOf(readFeedbacksApi(fixture(REAL), { ...ctx, paging: { pageNumber: '1', pageSize: '20', lastEvaluatedKey: 'set' } })).tables![0]!.first).toBe(
      20,
    );
    expect(batchOf(readFeedbacksApi(fixture(REAL), { ...ctx, paging: { pageNumber: '1', pageSize: '25' } })).tables![0]!.first).toBe(0);
  });
});

describe('/fbmapi/v1/feedbacks: close variants', () => {
  const real = (fixtureJson(REAL) as { feedbacks: Record<string, unknown>[] }).feedbacks[0]!;
  const one = (row: Record<string, unknown>, body: Record<string, unknown> = {}) =>
    readFeedbacksApi({ feedbacks: [row], ...body }, { ...ctx, marketplaceId: US });

  it('renamed keys seen across years: rating, comments/comment, date, epoch seconds or ms, a status word, a response', () => {
    const older = { orderId: '111-0000000-0000002', rating: '1', date: '2026-11-20T10:00:00Z', comment: 'x', status: 'STRUCK_THROUGH', response: 'Sorry' };
    expect(batchOf(one(older)).defects[0]).toMatchObject({ date: Date.UTC(2026, 10, 20, 10), rating: 1, removed: true, responded: true, comment: 'x' });
    const seconds = { orderId: '111-0000000-0000003', rating: 2, feedbackDate: 1.764e9, comments: 'Late', status: 'ACTIVE', response: null };
    expect(batchOf(one(seconds)).defects[0]).toMatchObject({ date: 1.764e12, rating: 2, removed: false, responded: false, comment: 'Late' });
    const fromAnswers = { ...real, numericRating: undefined, answerMap: { NumericAnswer: { numericRating: 2 } } };
    expect(batchOf(one(fromAnswers)).defects[0]).toMatchObject({ rating: 2 });
    expect(batchOf(one({ ...real, responseText: 'We are sorry', responseId: 'R1' })).defects[0]).toMatchObject({ responded: true });
  });

  it('a suppress reason without the flag is struck through; an unknown status and an absent response stay unknown', () => {
    const noFlag: Record<string, unknown> = { ...real, suppressReasonId: 'AmazonFaultFBAShipping' };
    delete noFlag.suppressed;
    expect(batchOf(one(noFlag)).defects[0]).toMatchObject({ removed: true });
    const bare = { orderId: '111-0000000-0000004', rating: 1, feedbackDate: '2026-11-20T10:00:00Z', status: 'SOMETHING' };
    const [d] = batchOf(one(bare)).defects;
    expect(d).not.toHaveProperty('removed');
    expect(d).not.toHaveProperty('responded');
  });

  it('a row the seller rated (not a buyer rating the seller) is not seller feedback', () => {
    expect(batchOf(one({ ...real, ratingRole: 'SellerRatesBuyer' })).defects).toEqual([]);
  });

  it('knows the last page by its cursor, or by the total', () => {
    expect(batchOf(one(real, { lastEvaluatedKey: null })).tables).toEqual([{ table: 'feedbackManager', rows: 1, more: false }]);
    expect(batchOf(one(real, { lastEvaluatedKey: 'eyJrIjoiMSJ9' })).tables![0]!.more).toBe(true);
    expect(
      batchOf(readFeedbacksApi({ feedbacks: [real], totalCount: 40 }, { ...ctx, paging: { pageNumber: '1', pageSize: '20', lastEvaluatedKey: 'set' } })).tables,
    ).toEqual([{ table: 'feedbackManager', first: 20, rows: 1, total: 40, more: true }]);
  });

  it('a rating outside 1–5, a row without a rating or date, or no marketplace at all is invalid, never a guess', () => {
    expectNotRecognized(one({ ...real, numericRating: 6 }), 'invalid');
    expectNotRecognized(one({ ...real, numericRating: null, answerMap: null }), 'invalid');
    expectNotRecognized(one({ ...real, feedbackDate: null }), 'invalid');
    expectNotRecognized(readFeedbacksApi({ feedbacks: [{ ...real, encryptedMarketplaceId: 'ENCRYPTED0000' }] }, ctx), 'invalid');
  });
});

describe('/fbmapi/v1/feedbacks as the demo serves it', () => {
  const site = new DemoSite({ seed: 7, now: Date.UTC(2026, 10, 26, 20) });
  const get = (query: string) => site.respond('GET', `https://sellercentral.amazon.com/fbmapi/v1/feedbacks?${query}`).body;
  const first =
    'pageNumber=0&pageSize=20&fromRating=1&toRating=5&sortBy=Date&descendingOrder=true&includePartiallySuppressed=true&excludeTTRFeedback=true&lastEvaluatedKey=';

  it('has the real keys, and every page follows its cursor to the end', () => {
    const body = JSON.parse(get(first));
    expect(Object.keys(body.feedbacks[0]).sort()).toEqual(Object.keys((fixtureJson(REAL) as { feedbacks: object[] }).feedbacks[0]!).sort());
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 50; page++) {
      const text = get(`pageNumber=${page}&pageSize=20&lastEvaluatedKey=${cursor}`);
      const batch = batchOf(readFeedbacksApi(text, { ...ctx, paging: { pageNumber: String(page), pageSize: '20', lastEvaluatedKey: cursor ? 'set' : '' } }));
      seen.push(...batch.defects.map((d) => d.orderId));
      expect(batch.tables![0]).toMatchObject({ first: page * 20 });
      cursor = JSON.parse(text).lastEvaluatedKey ?? '';
      if (!batch.tables![0]!.more) break;
    }
    expect(seen).toEqual(site.seller.feedback.map((f) => f.orderId));
  });

  it('the feedback Amazon removed is read as removed', () => {
    const removed = site.seller.feedback.filter((f) => f.status === 'REMOVED').map((f) => f.orderId);
    const batch = batchOf(readFeedbacksApi(get('pageSize=100'), ctx));
    expect(batch.defects.filter((d) => d.kind === 'feedback' && d.removed).map((d) => d.orderId)).toEqual(removed);
    expect(removed.length).toBeGreaterThan(0);
  });
});
