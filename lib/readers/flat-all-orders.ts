import { marketplaceTimeZone } from '../marketplaces';
import type { Order } from '../model';
import { flatReader, groupRows } from './flat-file';
import { flatInstantToEpochMs } from './instant';
import {
  cancellationFields,
  channelFrom,
  defined,
  isNonAmazonChannel,
  marketplaceFromSalesChannel,
  orderStatusFrom,
  sightingBracket,
} from './order-fields';

/**
 * All orders report (`GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL`, and the archived-orders
 * report with the same columns): one row per order ITEM → one order per `amazon-order-id`. No ship
 * or delivery dates. The marketplace comes from `sales-channel` (`Amazon.de`), else from the
 * context; `Non-Amazon` rows (multi-channel fulfilment) are left out. `ship-city`,
 * `ship-postal-code` etc. are never read.
 */

const FORMAT = 'flat/all-orders';
const ORDER_ID = ['amazon-order-id', 'order-id'];

export const readAllOrdersReport = flatReader(
  FORMAT,
  [ORDER_ID, ['purchase-date'], ['order-status']],
  ({ columns, rows }, ctx) => {
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
      const itemCancelled = items.some((r) => orderStatusFrom(columns.get(r, 'item-status')) === 'cancelled');
      orders.push(
        defined({
          orderId,
          marketplaceId,
          channel: channelFrom(columns.get(row, 'fulfillment-channel')),
          orderDate,
          status,
          shipConfirmation: sightingBracket(status, ctx.observedAt),
          ...cancellationFields(status === 'cancelled' || itemCancelled, undefined),
          observedAt: ctx.observedAt,
          source: FORMAT,
        }),
      );
    }
    return { orders };
  },
);
