/**
 * The report files a seller downloads from Seller Central, made from a demo seller's ground truth in
 * Amazon's real column layout (test/fixtures/synthetic/all-orders_US.tsv and feedback_DE.tsv show the
 * same headers): the All Orders report (`GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL`, one row
 * per item) and the Feedback report; and the two ways a seller fills Redline's history: importing them on
 * the options page, and paging through Sent orders. For browser tests and `npm run demo`. Buyer
 * columns stay empty or invented.
 */
import type { DemoOrder } from '../demo-site/model';
import { DEMO_PAGES } from '../demo-site/server';
import type { Harness } from './harness';

const ALL_ORDERS_HEADER = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'order-channel',
  'url',
  'ship-service-level',
  'product-name',
  'sku',
  'asin',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'promotion-ids',
  'is-business-order',
  'purchase-order-number',
  'price-designation',
];

/** An instant as the report writes it: ISO 8601 with an offset. */
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** The All Orders report of these orders (a demo seller's, or invented ones), as sold on `salesChannel` (`Amazon.com`, `Amazon.de`). */
export type ReportOrder = Pick<
  DemoOrder,
  'amazonOrderId' | 'channel' | 'orderDate' | 'status' | 'shippingService' | 'items' | 'shipConfirmedAt' | 'cancelledAt'
>;

export function allOrdersReport(orders: readonly ReportOrder[], salesChannel: string, currency: string): string {
  const rows = orders.flatMap((o) =>
    o.items.map((item) => {
      const status = o.status === 'Canceled' ? 'Cancelled' : o.status;
      const updated = Math.max(o.orderDate, o.shipConfirmedAt ?? 0, o.cancelledAt ?? 0);
      const cells: Record<string, string> = {
        'amazon-order-id': o.amazonOrderId,
        'purchase-date': iso(o.orderDate),
        'last-updated-date': iso(updated),
        'order-status': status,
        'fulfillment-channel': o.channel === 'AFN' ? 'Amazon' : 'Merchant',
        'sales-channel': salesChannel,
        'ship-service-level': o.shippingService,
        'product-name': item.title,
        sku: item.sellerSku,
        asin: item.asin,
        'item-status': status === 'Cancelled' ? 'Cancelled' : status === 'Shipped' ? 'Shipped' : 'Unshipped',
        quantity: String(item.quantity),
        currency,
        'item-price': (item.unitPrice * item.quantity).toFixed(2),
        'is-business-order': 'false',
      };
      return ALL_ORDERS_HEADER.map((h) => cells[h] ?? '').join('\t');
    }),
  );
  return [ALL_ORDERS_HEADER.join('\t'), ...rows].join('\n') + '\n';
}

/** A Feedback report (day-first dates, as a European marketplace writes them) with these ratings. */
export function feedbackReport(entries: readonly { orderId: string; date: number; rating: number; comment: string }[]): string {
  const day = (ms: number) => {
    const d = new Date(ms);
    return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${String(d.getUTCFullYear() % 100).padStart(2, '0')}`;
  };
  const header = [
    'Date',
    'Rating',
    'Comments',
    'Arrived On Time',
    'Item as Described',
    'Customer Service',
    'Response',
    'Order ID',
    'Rater Email',
    'Rater Role',
  ];
  const rows = entries.map((e) => [day(e.date), String(e.rating), e.comment, 'No', 'Yes', 'No', '', e.orderId, 'buyer@example.de', 'Buyer'].join('\t'));
  return [header.join('\t'), ...rows].join('\n') + '\n';
}

/** Imports files on the options page as a seller does (pick, preview, Save), and waits until they are saved. */
export async function importOnOptionsPage(h: Harness, files: readonly { name: string; text: string }[]): Promise<void> {
  const options = await h.context.newPage();
  try {
    await options.goto(`chrome-extension://${h.extensionId}/options.html#import`);
    await options.setInputFiles(
      '[data-test-id=import-input]',
      files.map((f) => ({ name: f.name, mimeType: 'text/tab-separated-values', buffer: Buffer.from(f.text) })),
    );
    await options.locator('[data-test-id=import-preview] tbody tr').first().waitFor();
    const refused = await options.locator('[data-test-id=import-preview] tbody tr.not-recognised').count();
    if (refused) throw new Error(`${refused} file(s) not recognised: ${await options.locator('[data-test-id=import-preview]').textContent()}`);
    await options.click('.actions .button-primary');
    await options.locator('section[aria-labelledby=import-title] [role=status]', { hasText: 'Saved' }).waitFor({ timeout: 30_000 });
  } finally {
    await options.close();
  }
}

/** Opens Sent orders at 100 a page and pages through to the last one, as a seller filling Redline's history would. */
export async function browseEverySentPage(h: Harness): Promise<void> {
  const sent = await h.openSellerCentral(`${DEMO_PAGES.shipped}?pageSize=100`);
  try {
    const rows = sent.locator("tr[id^='row-']");
    await rows.first().waitFor();
    const next = sent.locator("[data-test-id='next-page']");
    for (let page = 1; page < 50 && (await next.isEnabled()); page++) {
      const first = await rows.first().getAttribute('id');
      await next.click();
      await sent.waitForFunction((id) => document.querySelector("tr[id^='row-']")?.id !== id, first);
    }
    await sent.waitForLoadState('networkidle');
  } finally {
    await sent.close();
  }
}
