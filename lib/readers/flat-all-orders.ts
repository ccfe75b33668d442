import { marketplaceTimeZone } from '../marketplaces';
import type { Order } from '../model';
import { flatReader, groupRows } from './flat-file';
import { flatInstantToEpochMs } from './instant';
import { parseYesNo } from './schemas';
import {
  cancellationFields,
  channelFrom,
  defined,
  isNonAmazonChannel,
  itemsValueOf,
  orderItem,
  shortText,
  marketplaceFromSalesChannel,
  orderStatusFrom,
  sightingBracket,
} from './order-fields';

/**
 * All orders report (`GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL`, and the archived-orders
 * report with the same columns): one row per order ITEM → one order per `amazon-order-id`. No ship
 * or delivery dates. The marketplace comes from `sales-channel` (`Amazon.de`), else from the
 * context; `Non-Amazon` rows (multi-channel fulfilment) are left out. `ship-city`,
 * `ship-postal-code` etc. are never read. Each item row is a line (`sku`, `asin`, `quantity` units; shipped
 * units where its `item-status` says Shipped or Unshipped); `item-price` is the line's price in
 * `currency`; `ship-service-level` the buyer's shipping service; `is-business-order` (newer files).
 */

const FORMAT = 'flat/all-orders';
const ORDER_ID = ['amazon-order-id', 'order-id'];

/** A count cell: digits only, else unknown. */
export const countCell = (value: string | undefined) => (value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : undefined);

/** A money cell: `19.99` (also `19,99`, written by some marketplaces' files), else unknown. */
export const moneyCell = (value: string | undefined) =>
  value !== undefined && /^\d+([.,]\d{1,6})?$/.test(value) ? Number(value.replace(',', '.')) : undefined;

export const readAllOrdersReport = flatReader(FORMAT, [ORDER_ID, ['purchase-date'], ['order-status']], ({ columns, rows }, ctx) => {
  const groups = groupRows(rows, (r) => columns.get(r, ...ORDER_ID));
  if (typeof groups === 'string') return groups;
  const orders: Order[] = [];
  for (const [orderId, items] of groups) {
    // Order-level columns repeat on every item row; the last-updated row is the freshest.
    const row = items.reduce((a, b) => ((columns.get(b, 'last-updated-date') ?? '') > (columns.get(a, 'last-updated-date') ?? '') ? b : a));
    const salesChannel = columns.get(row, 'sales-channel');
    if (isNonAmazonChannel(salesChannel)) continue;
    const marketplaceId = marketplaceFromSalesChannel(salesChannel) ?? ctx.marketplaceId;
    if (!marketplaceId) return `order ${orderId}: sales-channel "${salesChannel ?? ''}" is not a known marketplace`;
    const orderDate = flatInstantToEpochMs(columns.get(row, 'purchase-date') ?? '', marketplaceTimeZone(marketplaceId));
    if (orderDate === undefined) return `order ${orderId}: purchase-date is not a date`;
    const status = orderStatusFrom(columns.get(row, 'order-status'));
    const itemStatus = (r: string[]) => orderStatusFrom(columns.get(r, 'item-status'));
    const itemCancelled = items.some((r) => itemStatus(r) === 'cancelled');
    const lines = items.map((r) => {
      const quantity = countCell(columns.get(r, 'quantity', 'quantity-purchased'));
      const shipped = itemStatus(r) === 'shipped' ? quantity : itemStatus(r) === 'unshipped' ? 0 : undefined;
      return orderItem({ sku: columns.get(r, 'sku'), asin: columns.get(r, 'asin'), quantityOrdered: quantity, quantityShipped: shipped });
    });
    const prices = items.map((r) => ({ amount: moneyCell(columns.get(r, 'item-price')), currency: columns.get(r, 'currency') }));
    orders.push(
      defined({
        orderId,
        marketplaceId,
        channel: channelFrom(columns.get(row, 'fulfillment-channel')),
        orderDate,
        status,
        businessOrder: parseYesNo(columns.get(row, 'is-business-order')),
        shippingService: shortText(columns.get(row, 'ship-service-level')),
        items: lines,
        itemsValue: itemsValueOf(prices),
        shipConfirmation: sightingBracket(status, ctx.observedAt),
        ...cancellationFields(status === 'cancelled' || itemCancelled, undefined),
        observedAt: ctx.observedAt,
        source: FORMAT,
      }),
    );
  }
  return { orders };
});
