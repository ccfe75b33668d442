import type { Order } from '../model';
import { contextMarketplace, flatReader, groupRows } from './flat-file';
import { flatInstantToEpochMs } from './instant';
import { countCell, moneyCell } from './flat-all-orders';
import { cancellationFields, defined, itemsValueOf, orderItem, shortText, sightingBracket } from './order-fields';
import { parseYesNo } from './schemas';

/**
 * Unshipped orders report (`GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING`): one row per order
 * ITEM of seller-fulfilled orders still to ship. `promise-date` is the expected ship date; newer
 * files add `is-buyer-requested-cancellation`, `verge-of-cancellation`, `verge-of-lateShipment`.
 * `buyer-email`, `buyer-phone-number`, `recipient-name` and the address columns are never read.
 * The report has no marketplace column: the context must give it. Each row is a line (`sku`, `asin` where
 * present, `quantity-purchased` and `quantity-shipped`); `payments-date` is when the payment cleared (the
 * 72-hour rule counts from it), `is-business-order`, `ship-service-level`, `item-price` + `currency` where a
 * file has them, and `is-shipping-settings-automation-enabled` (Shipping Settings Automation protects the
 * order's units from OTDR; `false` says nothing of Buy Shipping).
 */

const FORMAT = 'flat/unshipped';

/** true if any row says yes, false if all say no, unknown otherwise (or when the column is absent). */
function anyYes(values: (string | undefined)[]): boolean | undefined {
  const answers = values.map(parseYesNo);
  if (answers.some((a) => a === true)) return true;
  return answers.length > 0 && answers.every((a) => a === false) ? false : undefined;
}

export const readUnshippedReport = flatReader(FORMAT, [['order-id'], ['purchase-date']], ({ columns, rows }, ctx) => {
  const market = contextMarketplace(ctx);
  if (typeof market === 'string') return market;
  const groups = groupRows(rows, (r) => columns.get(r, 'order-id'));
  if (typeof groups === 'string') return groups;
  const orders: Order[] = [];
  for (const [orderId, items] of groups) {
    const col = (name: string) => items.map((r) => columns.get(r, name));
    const instants = (name: string, dateOnly: 'start' | 'end') =>
      col(name).flatMap((v) => (v === undefined ? [] : [flatInstantToEpochMs(v, market.timeZone, dateOnly)]));
    const orderDates = instants('purchase-date', 'start');
    const paymentDates = instants('payments-date', 'start');
    if (paymentDates.includes(undefined)) return `order ${orderId}: payments-date is not a date`;
    const promiseDates = instants('promise-date', 'end');
    if (orderDates.length === 0 || orderDates.includes(undefined)) return `order ${orderId}: purchase-date is not a date`;
    if (promiseDates.includes(undefined)) return `order ${orderId}: promise-date is not a date`;
    const daysPast = col('days-past-promise')
      .filter((v) => v !== undefined)
      .map(Number);
    if (daysPast.some(Number.isNaN)) return `order ${orderId}: days-past-promise is not a number`;
    // Partly shipped means the first shipment was confirmed: without the quantities (no column, an
    // empty cell) the status is unknown, never "unshipped" (that would claim no confirmation yet).
    const shipped = col('quantity-shipped');
    if (shipped.some((q) => q !== undefined && !/^\d+$/.test(q))) return `order ${orderId}: quantity-shipped is not a count`;
    const status = shipped.some((q) => Number(q) > 0)
      ? ('partiallyShipped' as const)
      : shipped.length > 0 && shipped.every((q) => q !== undefined)
        ? ('unshipped' as const)
        : undefined;
    const first = items[0]!;
    const lines = items.map((r) =>
      orderItem({
        sku: columns.get(r, 'sku'),
        asin: columns.get(r, 'asin'),
        quantityOrdered: countCell(columns.get(r, 'quantity-purchased')),
        quantityShipped: countCell(columns.get(r, 'quantity-shipped')),
      }),
    );
    orders.push(
      defined({
        orderId,
        marketplaceId: market.marketplaceId,
        channel: 'MFN' as const,
        orderDate: Math.min(...(orderDates as number[])),
        paymentDate: paymentDates.length ? Math.min(...(paymentDates as number[])) : undefined,
        status,
        businessOrder: anyYes(col('is-business-order')),
        shippingService: shortText(columns.get(first, 'ship-service-level')),
        items: lines,
        itemsValue: itemsValueOf(items.map((r) => ({ amount: moneyCell(columns.get(r, 'item-price')), currency: columns.get(r, 'currency') }))),
        deliveryProtected: anyYes(col('is-shipping-settings-automation-enabled')) ? true : undefined,
        // Items share the order's deadline; if they ever differ, the earliest one binds.
        latestShipDate: promiseDates.length ? Math.min(...(promiseDates as number[])) : undefined,
        shipConfirmation: sightingBracket(status, ctx.observedAt),
        ...cancellationFields(false, anyYes(col('is-buyer-requested-cancellation'))),
        amazonLate: daysPast.length ? Math.max(...daysPast) > 0 : undefined,
        amazonAtRiskOfCancellation: anyYes(col('verge-of-cancellation')),
        observedAt: ctx.observedAt,
        source: FORMAT,
      }),
    );
  }
  return { orders };
});
