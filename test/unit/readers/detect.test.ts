import { describe, expect, it } from 'vitest';
import { detectFormat, isCapturedEndpoint, readAny, readResponse } from '../../../lib/readers';
import { batchOf, expectNotRecognized, fixture, OBSERVED, US } from './helpers';

const ctx = { observedAt: OBSERVED, marketplaceId: US };

describe('readAny: the format comes from the content', () => {
  it.each([
    ['seller-central/orders-api/search_mfn-unshipped_2021-11.json', 'orders-api/search'],
    ['seller-central/orders-api/order-detail_2021-11.json', 'orders-api/order'],
    ['seller-central/2026/orders-api-search.2026-07.IN.empty.json', 'orders-api/search'],
    ['seller-central/2026/fbmapi-feedbacks.2026-07.IN.excerpt.json', 'fbmapi/feedbacks'],
    ['amazon-sp-api/orders-2026_searchOrders.json', 'sp-api/orders-2026'],
    ['amazon-sp-api/orders-2026_getOrder.json', 'sp-api/orders-2026'],
    ['amazon-sp-api/orders-v0_getOrders.json', 'sp-api/orders-v0'],
    ['amazon-sp-api/orders-v0_getOrder.json', 'sp-api/orders-v0'],
    ['amazon-sp-api/performance-report.example.json', 'sp-api/performance-report'],
    ['seller-central/reports/GET_V2_SELLER_PERFORMANCE_REPORT_real-excerpt_DE_2026-10.json', 'sp-api/performance-report'],
    ['synthetic/feedback_US.tsv', 'flat/feedback'],
    ['synthetic/feedback_DE.tsv', 'flat/feedback'],
    ['synthetic/unshipped_US.tsv', 'flat/unshipped'],
    ['synthetic/all-orders_US.tsv', 'flat/all-orders'],
    ['seller-central/reports/GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.header.tsv', 'flat/all-orders'],
    ['seller-central/reports/airbyte-fixture_GET_FLAT_FILE_ARCHIVED_ORDERS_DATA_BY_ORDER_DATE.header.tsv', 'flat/all-orders'],
    ['seller-central/reports/airbyte-fixture_GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING.header.tsv', 'flat/unshipped'],
  ])('%s → %s', (path, format) => {
    expect(batchOf(readAny(fixture(path), ctx)).format).toBe(format);
  });

  it.each([
    ['seller-central/2026/fbmapi-aggregates.2026-07.IN.json', 'feedback totals per window: no metric needs them'],
    ['seller-central/2026/orders-api-manifest-v3.2026-07.IN.excerpt.json', 'Manage Orders’ configuration'],
  ])('%s (real, 2026) is not a format Redline reads: said so, never misread (%s)', (path) => {
    expectNotRecognized(readAny(fixture(path), ctx), 'unknownFormat');
  });

  it('empty orders lists are told apart by their siblings', () => {
    expect(batchOf(readAny('{"orders":[],"requestId":"X","total":0}', ctx)).format).toBe('orders-api/search');
    expect(batchOf(readAny('{"orders":[],"pagination":{}}', ctx)).format).toBe('sp-api/orders-2026');
    expectNotRecognized(readAny('{"orders":[]}', ctx), 'unknownFormat');
  });

  it.each([
    ['synthetic/sign-in.html', 'signedOut'],
    ['synthetic/sign-in_403.json', 'signedOut'],
    ['seller-central/legacy-html/feedback-manager_2011.html', 'unknownFormat'],
    ['seller-central/reports/airbyte-fixture_GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE.header.tsv', 'unknownFormat'],
    ['amazon-sp-api/orders-v0_getOrderItems.json', 'unknownFormat'],
    ['synthetic/orders-2026_searchOrders_truncated.json', 'invalid'],
    ['seller-central/reports/airbyte-fixture_GET_SELLER_FEEDBACK_DATA.tsv', 'invalid'],
  ] as const)('%s → not recognized (%s)', (path, reason) => {
    expectNotRecognized(readAny(fixture(path), ctx), reason);
  });

  it.each([
    ['', 'empty'],
    ['   \n', 'empty'],
    ['\uFEFF', 'empty'],
    ['{"orders": [{"amazonOrderId": "1', 'invalid'],
    ['[1, 2, 3]', 'unknownFormat'],
    ['{"hello": "world"}', 'unknownFormat'],
    ['just some words', 'unknownFormat'],
    ['order,date,rating\n1,2,3', 'unknownFormat'],
  ] as const)('%j → %s', (text, reason) => {
    expectNotRecognized(readAny(text, ctx), reason);
  });

  it('says which formats need the marketplace from outside', () => {
    const needs = (path: string) => {
      const d = detectFormat(fixture(path));
      return 'reader' in d ? d.needsMarketplace : undefined;
    };
    expect(needs('synthetic/feedback_US.tsv')).toBe(true);
    expect(needs('synthetic/unshipped_US.tsv')).toBe(true);
    expect(needs('synthetic/all-orders_US.tsv')).toBe(false);
    expect(needs('amazon-sp-api/orders-2026_getOrder.json')).toBe(false);
  });
});

describe('readResponse: captured page responses by endpoint', () => {
  const search = fixture('seller-central/orders-api/search_mfn-unshipped_2021-11.json');
  const JSON_TYPE = 'application/json;charset=UTF-8';

  it('reads allow-listed paths, with query strings or as full URLs', () => {
    expect(batchOf(readResponse('/orders-api/search?limit=15&offset=0', 200, JSON_TYPE, search, ctx)).format).toBe('orders-api/search');
    expect(batchOf(readResponse('https://sellercentral.amazon.com/orders-api/search?x=1', 200, null, search, ctx)).orders).toHaveLength(1);
    const detail = fixture('seller-central/orders-api/order-detail_2021-11.json');
    expect(batchOf(readResponse('/orders-api/order/114-7941379-5480234', 200, JSON_TYPE, detail, ctx)).format).toBe('orders-api/order');
  });

  it('anything off the allow-list is not read, whatever it holds', () => {
    expectNotRecognized(readResponse('/orders-api/manifest-v3', 200, JSON_TYPE, search, ctx), 'unknownFormat');
    expectNotRecognized(readResponse('/fbmapi/v1/aggregates', 200, JSON_TYPE, search, ctx), 'unknownFormat');
    expectNotRecognized(readResponse('/orders-api/search/extra', 200, JSON_TYPE, search, ctx), 'unknownFormat');
    expect(isCapturedEndpoint('/fbmapi/v1/feedbacks?pageSize=25')).toBe(true);
    expect(isCapturedEndpoint('/orders-api/order/')).toBe(false);
  });

  it('401, 403 and HTML where JSON was expected are signed out, never zero orders', () => {
    expectNotRecognized(readResponse('/orders-api/search', 401, null, '', ctx), 'signedOut');
    expectNotRecognized(readResponse('/orders-api/search', 403, JSON_TYPE, '{"reason":"sign_in"}', ctx), 'signedOut');
    expectNotRecognized(readResponse('/orders-api/search', 200, 'text/html', fixture('synthetic/sign-in.html'), ctx), 'signedOut');
    expectNotRecognized(readResponse('/orders-api/search', 200, null, fixture('synthetic/sign-in.html'), ctx), 'signedOut');
    expectNotRecognized(readResponse('/orders-api/search', 200, JSON_TYPE, '{"reason":"sign_in"}', ctx), 'signedOut');
  });

  it('other failures say what happened', () => {
    expectNotRecognized(readResponse('/orders-api/search', 500, JSON_TYPE, '{}', ctx), 'invalid');
    expectNotRecognized(readResponse('/orders-api/search', 200, JSON_TYPE, '', ctx), 'empty');
    expectNotRecognized(readResponse('/orders-api/search', 200, JSON_TYPE, search.slice(0, 500), ctx), 'invalid');
  });
});
