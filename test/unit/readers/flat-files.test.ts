import { describe, expect, it } from 'vitest';
import { readAllOrdersReport, readFeedbackReport, readUnshippedReport } from '../../../lib/readers';
import { parseTsv } from '../../../lib/readers/tsv';
import { batchOf, CA, DE, expectNotRecognized, fixture, JP, OBSERVED, US } from './helpers';

const us = { observedAt: OBSERVED, marketplaceId: US };
const de = { observedAt: OBSERVED, marketplaceId: DE };
const HEADER = 'Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n';
const feedbackDates = (text: string, ctx: typeof us) => batchOf(readFeedbackReport(text, ctx)).defects.map((d) => new Date(d.date).toISOString());

describe('tsv parsing', () => {
  it('handles BOM, CRLF, quoted fields with tabs, newlines and doubled quotes, blank lines', () => {
    const text = '\uFEFFa\tb\tc\r\n1\t"x\ty"\t"say ""hi""\nthere"\r\n\r\n2\t\t3\r\n';
    expect(parseTsv(text)).toEqual({
      header: ['a', 'b', 'c'],
      rows: [
        ['1', 'x\ty', 'say "hi"\nthere'],
        ['2', '', '3'],
      ],
      truncated: false,
    });
  });
});

describe('feedback report (GET_SELLER_FEEDBACK_DATA)', () => {
  it('US: M/D/YY, days start at midnight in Los Angeles; the rater’s e-mail is dropped', () => {
    const batch = batchOf(readFeedbackReport(fixture('synthetic/feedback_US.tsv'), us));
    expect(batch.format).toBe('flat/feedback');
    expect(batch.defects[0]).toEqual({
      kind: 'feedback',
      id: 'feedback:112-0000001-0000001',
      orderId: '112-0000001-0000001',
      marketplaceId: US,
      date: Date.UTC(2026, 9, 20, 7),
      rating: 1,
      responded: false,
      comment: 'Arrived broken, seller never answered',
      observedAt: OBSERVED,
      source: 'flat/feedback',
    });
    expect(batch.defects.map((d) => [d.kind === 'feedback' && d.rating, d.kind === 'feedback' && d.responded])).toEqual([
      [1, false],
      [2, true],
      [5, false],
    ]);
    expect(feedbackDates(fixture('synthetic/feedback_US.tsv'), us)).toEqual([
      '2026-10-20T07:00:00.000Z',
      '2026-11-03T08:00:00.000Z',
      '2026-11-14T08:00:00.000Z',
    ]);
  });

  it('DE: DD.MM.YY with BOM and CRLF, `Response` column, older extra columns', () => {
    const batch = batchOf(readFeedbackReport(fixture('synthetic/feedback_DE.tsv'), de));
    expect(batch.defects.map((d) => [d.orderId, new Date(d.date).toISOString(), d.kind === 'feedback' && d.responded])).toEqual([
      ['302-0000001-0000001', '2026-11-02T23:00:00.000Z', false],
      ['302-0000002-0000002', '2026-10-24T22:00:00.000Z', true],
    ]);
  });

  it('JP: YYYY/MM/DD whatever the marketplace', () => {
    expect(feedbackDates(fixture('synthetic/feedback_JP.tsv'), { observedAt: OBSERVED, marketplaceId: JP })).toEqual(['2026-11-01T15:00:00.000Z']);
  });

  it('ambiguous dates follow the marketplace: month first in the US and CA, day first elsewhere', () => {
    const text = `${HEADER}05/06/26\t1\t\t\t111-0000000-0000001\t\n`;
    expect(feedbackDates(text, us)).toEqual(['2026-05-06T07:00:00.000Z']);
    expect(feedbackDates(text, { observedAt: OBSERVED, marketplaceId: CA })).toEqual(['2026-05-06T07:00:00.000Z']);
    expect(feedbackDates(text, de)).toEqual(['2026-06-04T22:00:00.000Z']);
  });

  it('the file’s own unambiguous dates outrank the marketplace’s habit; contradictory dates are invalid', () => {
    const dayFirst = `${HEADER}05/06/26\t1\t\t\t111-0000000-0000001\t\n20/06/26\t2\t\t\t111-0000000-0000002\t\n`;
    expect(feedbackDates(dayFirst, us)).toEqual(['2026-06-05T07:00:00.000Z', '2026-06-20T07:00:00.000Z']);
    const mixed = `${dayFirst}06/20/26\t2\t\t\t111-0000000-0000003\t\n`;
    expectNotRecognized(readFeedbackReport(mixed, us), 'invalid');
  });

  it('needs the marketplace from the context: the report has none', () => {
    expect(expectNotRecognized(readFeedbackReport(fixture('synthetic/feedback_US.tsv'), { observedAt: OBSERVED }), 'invalid')).toMatch(/marketplace/);
  });

  it('airbyte’s placeholder rows (rating "Rating") are invalid; the bare real header is an empty report', () => {
    expectNotRecognized(readFeedbackReport(fixture('seller-central/reports/airbyte-fixture_GET_SELLER_FEEDBACK_DATA.tsv'), us), 'invalid');
    expect(batchOf(readFeedbackReport(HEADER, us)).defects).toEqual([]);
  });

  it('a date that is not a calendar date is invalid', () => {
    expectNotRecognized(readFeedbackReport(`${HEADER}02/30/26\t1\t\t\t111-0000000-0000001\t\n`, us), 'invalid');
  });
});

describe('unshipped orders report (GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING)', () => {
  const batch = batchOf(readUnshippedReport(fixture('synthetic/unshipped_US.tsv'), us));
  const byId = Object.fromEntries(batch.orders.map((o) => [o.orderId, o]));

  it('one order per order id, from item rows', () => {
    expect(batch.orders.map((o) => o.orderId)).toEqual(['113-0000001-0000001', '113-0000002-0000002', '113-0000003-0000003']);
  });

  it('promise-date is the expected ship date; days past promise and verge-of-cancellation are Amazon’s flags', () => {
    expect(byId['113-0000001-0000001']).toEqual({
      orderId: '113-0000001-0000001',
      marketplaceId: US,
      channel: 'MFN',
      orderDate: Date.UTC(2026, 10, 20, 18, 4, 11),
      paymentDate: Date.UTC(2026, 10, 20, 18, 4, 11),
      status: 'unshipped',
      businessOrder: false,
      shippingService: 'Standard',
      items: [
        { sku: 'SKU-101', quantityOrdered: 1, quantityShipped: 0 },
        { sku: 'SKU-102', quantityOrdered: 1, quantityShipped: 0 },
      ],
      latestShipDate: Date.UTC(2026, 10, 24, 7, 59, 59),
      shipConfirmation: { notBefore: OBSERVED },
      buyerCancelRequestOpen: false,
      amazonLate: true,
      amazonAtRiskOfCancellation: true,
      observedAt: OBSERVED,
      source: 'flat/unshipped',
    });
  });

  it('a buyer’s cancel request is an open request; empty cells stay unknown; a shipped item makes it partly shipped', () => {
    expect(byId['113-0000002-0000002']).toMatchObject({ buyerCancelRequestOpen: true, amazonLate: false, amazonAtRiskOfCancellation: false });
    const third = byId['113-0000003-0000003']!;
    expect(third).toMatchObject({ status: 'partiallyShipped', shipConfirmation: { notAfter: OBSERVED } });
    expect(third).not.toHaveProperty('buyerCancelRequestOpen');
    expect(third).not.toHaveProperty('amazonAtRiskOfCancellation');
  });

  it('the airbyte header alone (older column set) is an empty report; a bad purchase date is invalid', () => {
    const header = fixture('seller-central/reports/airbyte-fixture_GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING.header.tsv');
    expect(batchOf(readUnshippedReport(header, us)).orders).toEqual([]);
    expectNotRecognized(readUnshippedReport('order-id\tpurchase-date\tpromise-date\n111-0000000-0000001\tyesterday\t2026-11-01\n', us), 'invalid');
  });

  it('reads a business order, the payment date, ASIN and item price where a file has them, and Shipping Settings Automation', () => {
    const text = [
      'order-id\tpurchase-date\tpayments-date\tpromise-date\tsku\tasin\tquantity-purchased\tquantity-shipped\titem-price\tcurrency\tis-business-order\tis-shipping-settings-automation-enabled',
      '111-0000000-0000001\t2026-11-20T08:00:00Z\t2026-11-21T09:30:00Z\t2026-11-24\tSKU-1\tB000000001\t2\t0\t1200\tJPY\ttrue\ttrue',
      '111-0000000-0000001\t2026-11-20T08:00:00Z\t2026-11-21T09:30:00Z\t2026-11-24\tSKU-2\tB000000002\t1\t0\t480\tJPY\ttrue\ttrue',
      '',
    ].join('\n');
    const [order] = batchOf(readUnshippedReport(text, { observedAt: OBSERVED, marketplaceId: JP })).orders;
    expect(order).toMatchObject({
      paymentDate: Date.UTC(2026, 10, 21, 9, 30),
      businessOrder: true,
      items: [
        { sku: 'SKU-1', asin: 'B000000001', quantityOrdered: 2, quantityShipped: 0 },
        { sku: 'SKU-2', asin: 'B000000002', quantityOrdered: 1, quantityShipped: 0 },
      ],
      itemsValue: { amount: 1680, currency: 'JPY' },
      deliveryProtected: true,
    });
    // `false` for automation says nothing of Buy Shipping: unknown, not "unprotected".
    expect(batchOf(readUnshippedReport(text.replaceAll('\ttrue\n', '\tfalse\n'), { observedAt: OBSERVED, marketplaceId: JP })).orders[0]).not.toHaveProperty(
      'deliveryProtected',
    );
    expectNotRecognized(readUnshippedReport(text.replace('2026-11-21T09:30:00Z', 'soon'), { observedAt: OBSERVED, marketplaceId: JP }), 'invalid');
  });

  it('a promise date given as a day is met until that day ends in the marketplace', () => {
    const text = 'order-id\tpurchase-date\tpromise-date\n111-0000000-0000001\t2026-11-20\t2026-11-24\n';
    const [order] = batchOf(readUnshippedReport(text, us)).orders;
    expect(order!.orderDate).toBe(Date.UTC(2026, 10, 20, 8));
    expect(order!.latestShipDate).toBe(Date.UTC(2026, 10, 25, 8) - 1);
  });
});

describe('all orders report (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL)', () => {
  const text = fixture('synthetic/all-orders_US.tsv');
  const orders = batchOf(readAllOrdersReport(text, { observedAt: OBSERVED })).orders;
  const byId = Object.fromEntries(orders.map((o) => [o.orderId, o]));

  it('one order per amazon-order-id; Non-Amazon orders left out; marketplace from sales-channel', () => {
    expect(orders.map((o) => [o.orderId, o.marketplaceId])).toEqual([
      ['114-0000001-0000001', US],
      ['114-0000002-0000002', US],
      ['114-0000003-0000003', US],
      ['114-0000004-0000004', CA],
    ]);
  });

  it('status, channel and cancellations (who cancelled is unknown in this report)', () => {
    expect(byId['114-0000001-0000001']).toEqual({
      orderId: '114-0000001-0000001',
      marketplaceId: US,
      channel: 'MFN',
      orderDate: Date.UTC(2026, 10, 1, 17),
      status: 'shipped',
      businessOrder: false,
      shippingService: 'Standard',
      // One line per item row; shipped units where the item status says (a cancelled line: unknown).
      items: [
        { sku: 'SKU-1', asin: 'B000000001', quantityOrdered: 1, quantityShipped: 1 },
        { sku: 'SKU-1', asin: 'B000000001', quantityOrdered: 1 },
      ],
      // As ordered: the cancelled line included.
      itemsValue: { amount: 39.98, currency: 'USD' },
      shipConfirmation: { notAfter: OBSERVED },
      cancellation: {},
      observedAt: OBSERVED,
      source: 'flat/all-orders',
    });
    expect(byId['114-0000002-0000002']).toMatchObject({ status: 'cancelled', cancellation: {} });
    expect(byId['114-0000003-0000003']).toMatchObject({ channel: 'AFN', status: 'shipped' });
    expect(byId['114-0000003-0000003']).not.toHaveProperty('cancellation');
    expect(byId['114-0000004-0000004']).toMatchObject({
      status: 'pending',
      shipConfirmation: { notBefore: OBSERVED },
      items: [{ quantityOrdered: 1, quantityShipped: 0 }],
    });
  });

  it('a reason that quotes a 1 MB order id stays short enough for the log', () => {
    const row = `${'9'.repeat(2 ** 20)}\t2026-11-01T10:00:00-07:00\tShipped\tAmazon.invalid\n`;
    const detail = expectNotRecognized(
      readAllOrdersReport(`amazon-order-id\tpurchase-date\torder-status\tsales-channel\n${row}`, { observedAt: OBSERVED }),
      'invalid',
    );
    expect(detail).toMatch(/^flat\/all-orders: order 999/);
    expect(detail.length).toBeLessThanOrEqual(300);
  });

  it('reads the same orders with columns reordered, extra columns, BOM, CRLF and quoted fields', () => {
    const rows = text
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => line.split('\t'));
    const shuffled = rows.map((r) => ['"extra, quoted\tcell"', ...[...r].reverse()]);
    shuffled[0]![0] = 'some-new-column';
    const variant = '\uFEFF' + shuffled.map((r) => r.join('\t')).join('\r\n') + '\r\n';
    expect(batchOf(readAllOrdersReport(variant, { observedAt: OBSERVED })).orders).toEqual(orders);
  });

  it('the archived-orders report has the same columns; the real headers alone are empty reports', () => {
    for (const file of [
      'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.header.tsv',
      'airbyte-fixture_GET_FLAT_FILE_ARCHIVED_ORDERS_DATA_BY_ORDER_DATE.header.tsv',
    ]) {
      expect(batchOf(readAllOrdersReport(fixture(`seller-central/reports/${file}`), us)).orders).toEqual([]);
    }
  });

  it('an unknown sales channel with no context marketplace is invalid; a missing column is not this format', () => {
    const unknownChannel = text.replace(/Amazon\.ca/, 'Amazon.example');
    expectNotRecognized(readAllOrdersReport(unknownChannel, { observedAt: OBSERVED }), 'invalid');
    expectNotRecognized(readAllOrdersReport('amazon-order-id\tpurchase-date\n1\t2\n', us), 'unknownFormat');
  });

  it('an empty file is empty', () => {
    expectNotRecognized(readAllOrdersReport('', us), 'empty');
    expectNotRecognized(readAllOrdersReport('\uFEFF\r\n', us), 'empty');
  });
});
